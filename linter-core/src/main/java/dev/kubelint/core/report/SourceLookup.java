package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadLimits;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The code frame of a finding: from the lines the engine kept (the lines findings start on, every line of
 * standard input), otherwise from the file read again from disk, decoded the way the engine decodes (a
 * cross-object finding may point at a line of a file no other finding is on). A file that is gone or
 * unreadable simply has no frames.
 */
final class SourceLookup {

    /**
     * Limits for a file the scan read (it has kept lines): whatever its size, since the run's limits, which may
     * have been raised, let it through.
     */
    private static final ReadLimits SCANNED =
            ReadLimits.DEFAULTS.with(ReadLimits.Limit.FILE_SIZE, Integer.MAX_VALUE - 16);

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
        return find(file, kept.isPresent()).flatMap(source -> CodeFrame.of(source, location.span()));
    }

    private Optional<SourceFile> find(String file, boolean scanned) {
        if (!file.equals(rereadName)) {
            rereadName = file;
            reread = reread(file, scanned ? SCANNED : ReadLimits.DEFAULTS);
        }
        return reread;
    }

    private Optional<SourceFile> reread(String file, ReadLimits limits) {
        if (file.equals(SourceFile.STDIN)) {
            return Optional.empty();
        }
        Path path;
        try {
            path = workingDirectory.resolve(file);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path) || leadsOut(path)) {
            return Optional.empty();
        }
        SourceLoader.Loaded loaded = new SourceLoader(limits)
                .load(new SourceScanner.Input(Optional.of(path), file), InputStream.nullInputStream());
        return loaded.source();
    }

    /**
     * A symbolic link whose target lies outside the link's own folder. The scan and the policy and schema folders
     * report such a link instead of reading it (a finding on its name), so its target's text is never shown either.
     */
    private static boolean leadsOut(Path path) {
        if (!Files.isSymbolicLink(path)) {
            return false;
        }
        Path folder = path.toAbsolutePath().normalize().getParent();
        return folder == null || !SourceScanner.realPath(path).startsWith(SourceScanner.realPath(folder));
    }
}
