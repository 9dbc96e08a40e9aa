package dev.kubelint.cli;

import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.YamlReader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor of a scan, for the benchmarks (docs/performance.md), not a user command: finds the inputs, reads
 * and decodes each file and composes its YAML exactly as a scan does ({@link SourceScanner},
 * {@link SourceLoader}, {@link YamlReader}, the same worker threads), and checks nothing. It lives in the
 * command-line jar so that it runs with the same class path, JVM flags and class data sharing archive as
 * {@code kubelint} itself.
 *
 * <pre>java [the launcher's flags] -cp cli/target/kubelint.jar dev.kubelint.cli.ReadOnlyScan [--jobs N] PATH...</pre>
 */
public final class ReadOnlyScan {

    private static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

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

    /** One task per file on a fixed pool, as the engine schedules a scan. */
    static Counts readAll(List<SourceScanner.Input> inputs, int jobs) throws InterruptedException, ExecutionException {
        SourceLoader loader = new SourceLoader(ReadLimits.DEFAULTS);
        YamlReader reader = new YamlReader(ReadLimits.DEFAULTS);
        int threads = jobs == 1 || inputs.size() <= 1 ? 1 : Math.min(jobs, inputs.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
        try {
            List<Future<Counts>> futures = new ArrayList<>(inputs.size());
            for (SourceScanner.Input input : inputs) {
                futures.add(pool.submit(() -> read(loader, reader, input)));
            }
            Counts total = new Counts(0, 0, 0);
            for (Future<Counts> f : futures) {
                total = total.plus(f.get());
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
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

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(null, task, "kubelint-worker-" + n.incrementAndGet(), WORKER_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
