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
 * code is 0 unless a scan hit an internal error.
 *
 * <pre>java -XX:ArchiveClassesAtExit=kubelint.jsa -cp kubelint.jar dev.kubelint.cli.ArchiveTraining PATH...</pre>
 */
public final class ArchiveTraining {

    private static final List<List<String>> RUNS = List.of(List.of(), List.of("--format", "json"));

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        Main.Environment env = new Main.Environment(Paths.get("").toAbsolutePath(), InputStream.nullInputStream(),
                Map.of(), false);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int worst = Main.OK;
        for (List<String> options : RUNS) {
            List<String> runArgs = new ArrayList<>(options);
            runArgs.addAll(List.of(args));
            int code = Main.run(runArgs.toArray(String[]::new), env, discard, discard);
            worst = Math.max(worst, code == Main.FINDINGS ? Main.OK : code);
        }
        System.exit(worst);
    }
}
