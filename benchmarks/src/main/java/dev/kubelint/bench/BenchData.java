package dev.kubelint.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs of the JMH benchmarks: fixed documents (the generator's embedded templates, which never change) and
 * generated streams built from the same templates as the benchmark folders, where the benchmarks run from the
 * repository root (they fall back to the embedded templates elsewhere).
 */
public final class BenchData {

    /** Seed of the in-memory streams; the folders use their own. */
    private static final long SEED = 8;

    private BenchData() {
    }

    /** One of the embedded documents: pod, deployment, service, namespace, configmap. */
    public static String document(String name) {
        try (InputStream in = BenchData.class.getResourceAsStream("templates/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no embedded document " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A YAML stream of one embedded document repeated, each copy with a name of its own (the first
     * {@code name:} under {@code metadata}).
     */
    public static String repeated(String name, int copies) {
        String text = document(name);
        int at = text.indexOf("\nmetadata:\n  name: ");
        if (at < 0) {
            throw new IllegalStateException("no metadata.name in " + name);
        }
        int valueStart = at + "\nmetadata:\n  name: ".length();
        int valueEnd = text.indexOf('\n', valueStart);
        StringBuilder stream = new StringBuilder(copies * (text.length() + 8));
        for (int i = 0; i < copies; i++) {
            if (i > 0) {
                stream.append("---\n");
            }
            stream.append(text, 0, valueEnd).append('-').append(i).append(text, valueEnd, text.length());
        }
        return stream.toString();
    }

    /** A YAML stream of generated documents, the same for the same count and template folders. */
    public static String stream(int documents) {
        try {
            TemplateSet templates = TemplateSet.of(templateFolders());
            System.err.println("# kubelint benchmark data: " + documents + " documents from " + templates.describe());
            return new CorpusGenerator(templates, SEED).stream(documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template folders of the working directory ({@code samples/good}, {@code samples/bad}, the corpus) and
     * of {@code KUBELINT_BENCH_CORPUS}, when present.
     */
    public static List<Path> templateFolders() {
        List<Path> folders = new ArrayList<>();
        for (String f : new String[] {"samples/good", "samples/bad", "cli/src/test/resources/corpus"}) {
            if (Files.isDirectory(Paths.get(f))) {
                folders.add(Paths.get(f));
            }
        }
        String extra = System.getenv("KUBELINT_BENCH_CORPUS");
        if (extra != null && !extra.isBlank() && Files.isDirectory(Paths.get(extra))) {
            folders.add(Paths.get(extra));
        }
        return folders;
    }
}
