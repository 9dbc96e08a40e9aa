package dev.kubelint.render;

import dev.kubelint.core.render.LineTracer;
import dev.kubelint.core.render.RenderTarget;
import dev.kubelint.core.render.RenderedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendering tool's output gathered by the source file each document came from: one rendered file per source, its
 * documents in output order, the files in the order they first appear, each traced back to the source's lines.
 */
final class RenderedDocuments {

    private final Map<Path, StringBuilder> byFile = new LinkedHashMap<>();

    /** The documents of a multi-document YAML stream, without the blank ones. */
    static List<String> split(String output) {
        return Arrays.stream(output.split("(?m)^---[ \\t]*\\r?\\n"))
                .filter(doc -> !doc.isBlank())
                .toList();
    }

    /** Adds a document rendered from the source file. */
    void add(Path source, String document) {
        StringBuilder text = byFile.computeIfAbsent(source, f -> new StringBuilder());
        if (!text.isEmpty()) {
            text.append("---\n");
        }
        text.append(document);
    }

    /** The rendered files, named as the target shows its files. */
    List<RenderedFile> files(RenderTarget target) {
        List<RenderedFile> files = new ArrayList<>();
        for (Map.Entry<Path, StringBuilder> e : byFile.entrySet()) {
            files.add(new RenderedFile(
                    e.getKey(),
                    target.displayName(e.getKey()),
                    e.getValue().toString(),
                    LineTracer.of(readOrEmpty(e.getKey()))));
        }
        return files;
    }

    /** A source file's text; empty when it cannot be read (its findings then show no code frame). */
    static String readOrEmpty(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
