package dev.kubelint.core.report;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadLimits;

/**
 * The code frame of a finding: from the lines the engine kept (the lines findings start on, every line of
 * standard input), otherwise from the file read again from disk, decoded the way the engine decodes (a
 * cross-object finding may point at a line of a file no other finding is on). A file that is gone or
 * unreadable simply has no frames.
 */
final class SourceLookup {

    private final LintResult result;
    private final Path workingDirectory;
    /** The last file read again: reports go through the findings file by file, so one is enough. */
    private String rereadName = "";
    private Optional<SourceFile> reread = Optional.empty();

    SourceLookup(LintResult result, Path workingDirectory) {
        this.result = result;
        this.workingDirectory = workingDirectory;
    }

    Optional<CodeFrame> frame(Location location) {
        String file = location.file();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<SourceExcerpt> kept = result.source(file);
        if (kept.isPresent() && kept.get().knows(location.line())) {
            return CodeFrame.of(kept.get(), location.span());
        }
        return find(file).flatMap(source -> CodeFrame.of(source, location.span()));
    }

    private Optional<SourceFile> find(String file) {
        if (!file.equals(rereadName)) {
            rereadName = file;
            reread = reread(file);
        }
        return reread;
    }

    private Optional<SourceFile> reread(String file) {
        if (file.equals(SourceFile.STDIN)) {
            return Optional.empty();
        }
        Path path;
        try {
            path = workingDirectory.resolve(file);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        SourceLoader.Loaded loaded = new SourceLoader(ReadLimits.DEFAULTS)
                .load(new SourceScanner.Input(Optional.of(path), file), InputStream.nullInputStream());
        return loaded.source();
    }
}
