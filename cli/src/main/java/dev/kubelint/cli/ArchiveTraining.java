package dev.kubelint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The training run the {@code kubelint} launcher records its class data sharing archive from (docs/performance.md),
 * not a user command: scans the given paths once per output format, so that the archive holds the classes of
 * every reporter and not only those of the format the first run happened to use, then one file alone (the
 * engine's single-file path). Output is discarded; the exit code is 0 when at least one scan ran.
 *
 * <pre>java -XX:ArchiveClassesAtExit=kubelint.jsa -cp kubelint.jar dev.kubelint.cli.ArchiveTraining PATH...</pre>
 */
public final class ArchiveTraining {

    /** One scan per report format; a format this build does not know is a usage error, and skipped. */
    private static final List<List<String>> RUNS = List.of(
            List.of(),
            List.of("--format", "json"),
            List.of("--format", "sarif"),
            List.of("--format", "junit"),
            List.of("--format", "github"));

    private ArchiveTraining() {}

    public static void main(String[] args) {
        // the process environment and console, read as Main.main reads them, so that their classes are archived too
        Main.Environment env = new Main.Environment(
                Paths.get("").toAbsolutePath(),
                InputStream.nullInputStream(),
                System.getenv(),
                System.console() != null);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int scans = 0;
        for (List<String> options : RUNS) {
            List<String> runArgs = new ArrayList<>(options);
            runArgs.addAll(List.of(args));
            if (Main.run(runArgs.toArray(String[]::new), env, discard, discard) != Main.USAGE) {
                scans++;
            }
        }
        // one file alone takes the engine's single-file path
        Optional<Path> single = firstFile(args);
        if (single.isPresent()) {
            Main.run(new String[] {single.get().toString()}, env, discard, discard);
        }
        celRules(env, discard);
        System.exit(scans > 0 ? Main.OK : Main.USAGE);
    }

    /**
     * A resource next to this class: a CustomResourceDefinition with CEL validation rules, and a resource of it, so
     * that the archive holds the classes of the cel module.
     */
    private static final String CEL_TRAINING = "cel-training.yaml";

    private static void celRules(Main.Environment env, PrintWriter discard) {
        try {
            Path dir = Files.createTempDirectory("kubelint-training");
            Path file = dir.resolve("training.yaml");
            try {
                try (InputStream in = ArchiveTraining.class.getResourceAsStream(CEL_TRAINING)) {
                    if (in == null) {
                        throw new IOException("no resource " + CEL_TRAINING);
                    }
                    Files.copy(in, file);
                }
                Main.run(new String[] {file.toString()}, env, discard, discard);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException | UncheckedIOException e) {
            // not worth failing the training for
        }
    }

    private static Optional<Path> firstFile(String[] args) {
        for (String arg : args) {
            Path path = Paths.get(arg);
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    Optional<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p))
                            .sorted()
                            .findFirst();
                    if (yaml.isPresent()) {
                        return yaml;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // not worth failing the training for
                }
            }
        }
        return Optional.empty();
    }
}
