package dev.kubelint.cli;

import dev.kubelint.core.engine.WorkerPool;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.YamlReader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The floor of a scan, for the benchmarks (docs/performance.md), not a user command: finds the inputs, reads
 * and decodes each file and composes its YAML exactly as a scan does ({@link SourceScanner},
 * {@link SourceLoader}, {@link YamlReader}, on the same {@link WorkerPool}), and checks nothing. It lives in the
 * command-line jar so that it runs with the same class path, JVM flags and class data sharing archive as
 * {@code kubelint} itself.
 *
 * <pre>java [the launcher's flags] -cp cli/target/kubelint.jar dev.kubelint.cli.ReadOnlyScan [--jobs N] PATH...</pre>
 */
public final class ReadOnlyScan {

    private ReadOnlyScan() {}

    /** Counts of one file, or of a whole scan. */
    record Counts(int files, long documents, long problems) {
        Counts plus(Counts other) {
            return new Counts(files + other.files, documents + other.documents, problems + other.problems);
        }
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int jobs = Runtime.getRuntime().availableProcessors();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--jobs") || args[i].equals("-j")) && i + 1 < args.length) {
                jobs = Integer.parseInt(args[++i]);
            } else {
                paths.add(args[i]);
            }
        }
        SourceScanner.Scan scan = new SourceScanner(Paths.get("").toAbsolutePath(), List.of(), List.of()).scan(paths);
        if (!scan.errors().isEmpty() || paths.isEmpty()) {
            System.err.println("usage: ReadOnlyScan [--jobs N] PATH... " + scan.errors());
            System.exit(Main.USAGE);
        }
        Counts total = readAll(scan.inputs(), Math.max(1, jobs));
        System.out.printf(
                Locale.ROOT,
                "read %d files, %d documents, %d problems (%.2fs)%n",
                total.files(),
                total.documents(),
                total.problems(),
                (System.nanoTime() - started) / 1e9);
        System.out.flush();
        System.exit(Main.OK);
    }

    /** One task per file on the engine's worker pool, as a scan schedules them. */
    static Counts readAll(List<SourceScanner.Input> inputs, int jobs) {
        SourceLoader loader = new SourceLoader(ReadLimits.DEFAULTS);
        YamlReader reader = new YamlReader(ReadLimits.DEFAULTS);
        List<Callable<Counts>> tasks = inputs.stream()
                .<Callable<Counts>>map(input -> () -> read(loader, reader, input))
                .toList();
        Counts total = new Counts(0, 0, 0);
        for (Counts c : new WorkerPool(jobs).runAll(tasks)) {
            total = total.plus(c);
        }
        return total;
    }

    private static Counts read(SourceLoader loader, YamlReader reader, SourceScanner.Input input) {
        SourceLoader.Loaded loaded = loader.load(input, System.in);
        if (loaded.source().isEmpty()) {
            return new Counts(1, 0, 1);
        }
        ReadResult read = reader.read(
                loaded.source().get().displayName(), loaded.source().get().text());
        return new Counts(1, read.documents().size(), read.problems().size());
    }
}
