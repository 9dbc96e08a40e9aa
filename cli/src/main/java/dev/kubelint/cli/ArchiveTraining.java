package dev.kubelint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run the {@code kubelint} launcher records its class data sharing archive from (docs/performance.md),
 * not a user command: scans the given paths once per output format, so that the archive holds the classes of
 * every reporter and not only those of the format the first run happened to use. Output is discarded; the exit
 * code is 0 when at least one scan ran.
 *
 * <pre>java -XX:ArchiveClassesAtExit=kubelint.jsa -cp kubelint.jar dev.kubelint.cli.ArchiveTraining PATH...</pre>
 */
public final class ArchiveTraining {

    /** One scan per report format; a format this build does not know is a usage error, and skipped. */
    private static final List<List<String>> RUNS = List.of(List.of(), List.of("--format", "json"),
            List.of("--format", "sarif"), List.of("--format", "junit"), List.of("--format", "github"));

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        Main.Environment env = new Main.Environment(Paths.get("").toAbsolutePath(), InputStream.nullInputStream(),
                Map.of(), false);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int scans = 0;
        for (List<String> options : RUNS) {
            List<String> runArgs = new ArrayList<>(options);
            runArgs.addAll(List.of(args));
            if (Main.run(runArgs.toArray(String[]::new), env, discard, discard) != Main.USAGE) {
                scans++;
            }
        }
        System.exit(scans > 0 ? Main.OK : Main.USAGE);
    }
}
