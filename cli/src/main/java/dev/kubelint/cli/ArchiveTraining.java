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

    /** A CustomResourceDefinition with CEL validation rules, and a resource of it: the classes of the cel module. */
    private static final String CEL_TRAINING = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: trainings.example.com
            spec:
              group: example.com
              names: {kind: Training, plural: trainings}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            items:
                              type: array
                              maxItems: 8
                              items: {type: string, maxLength: 16}
                            memory: {x-kubernetes-int-or-string: true}
                          x-kubernetes-validations:
                            - rule: self.items.all(i, self.items.exists_one(j, i == j)) && self.items.size() > 1
                              messageExpression: "'items: ' + self.items.join(', ')"
                            - rule: quantity(string(self.memory)).isLessThan(quantity('1Gi')) && isURL('https://a')
            ---
            apiVersion: example.com/v1
            kind: Training
            metadata:
              name: t
            spec:
              items: [a, a]
              memory: 2Gi
            """;

    private static void celRules(Main.Environment env, PrintWriter discard) {
        try {
            Path dir = Files.createTempDirectory("kubelint-training");
            Path file = dir.resolve("training.yaml");
            try {
                Files.writeString(file, CEL_TRAINING);
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
