package dev.kubelint.core.report;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadLimits;

/**
 * The text of a finding's file for code frames: from the result when the engine kept it (always for standard
 * input), otherwise read again from disk, decoded the way the engine decodes. A file that is gone or unreadable
 * simply has no frames.
 */
final class SourceLookup {

    private final LintResult result;
    private final Path workingDirectory;
    private final Map<String, Optional<SourceFile>> cache = new HashMap<>();

    SourceLookup(LintResult result, Path workingDirectory) {
        this.result = result;
        this.workingDirectory = workingDirectory;
    }

    Optional<SourceFile> find(String file) {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<SourceFile> kept = result.source(file);
        if (kept.isPresent()) {
            return kept;
        }
        return cache.computeIfAbsent(file, this::reread);
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
