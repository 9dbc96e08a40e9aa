package dev.kubelint.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.sun.management.ThreadMXBean;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;

/**
 * The cost of each rule per object, for docs/performance.md ("Where the rule pass goes"): reads a folder once,
 * then runs each rule alone (and all rules together) over every object of it, round after round, and prints the
 * thread's CPU time and allocated bytes per object of the last rounds. Run it with the launcher's compiler
 * setting, since C1 and C2 rank code differently:
 *
 * <pre>java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss16m -cp benchmarks/target/benchmarks.jar \
 *     dev.kubelint.bench.RuleCost [--rounds N] [--warmup N] [--rules id,id|all|each] FOLDER</pre>
 *
 * <p>Each round makes fresh {@link Manifest} objects from the kept trees (so views a manifest caches, such as its
 * pod spec, are built again as in a scan), a fresh cross-object state per rule, calls {@code check} for every
 * object of the rule's kinds and {@code observe} for every object, as the engine does, and {@code finish} once. The
 * cost of making the manifests alone ("none") is measured too; the figures printed are net of it. CPU time and
 * allocation are the measuring thread's own, so other processes on the machine disturb them little.
 */
public final class RuleCost {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RuleCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int warmup = 5;
        String which = "each";
        String folder = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rules" -> which = args[++i];
                default -> folder = args[i];
            }
        }
        if (folder == null) {
            System.err.println("usage: RuleCost [--rounds N] [--warmup N] [--rules id,id|all|each] FOLDER");
            System.exit(2);
        }
        List<Doc> docs = read(folder);
        RuleCatalog catalog = RuleCatalog.load(RuleCost.class.getClassLoader());
        LintRequest request = LintRequest.of(List.of(folder), Paths.get("").toAbsolutePath(), catalog);
        List<RuleDescriptor> enabled = catalog.all().stream().filter(RuleDescriptor::enabledByDefault).toList();
        System.out.printf(Locale.ROOT, "%d objects, %d rules enabled by default, %d warm-up and %d measured rounds%n",
                docs.size(), enabled.size(), warmup, rounds);
        Cost none = measure(docs, List.of(), request.settings(), warmup, rounds);
        print("(making the manifests)", none, none, docs.size(), 0);
        List<List<RuleDescriptor>> sets = new ArrayList<>();
        if (which.equals("all") || which.equals("each")) {
            sets.add(enabled);
        }
        if (which.equals("each")) {
            enabled.forEach(d -> sets.add(List.of(d)));
        } else if (!which.equals("all")) {
            for (String id : which.split(",")) {
                sets.add(List.of(catalog.find(id).orElseThrow(() -> new IllegalArgumentException("no rule " + id))));
            }
        }
        for (List<RuleDescriptor> set : sets) {
            shares = new long[set.size()];
            Cost cost = measure(docs, set, request.settings(), warmup, rounds);
            print(set.size() == 1 ? set.get(0).id() : "all " + set.size() + " rules", cost, none, docs.size(),
                    cost.findings());
            if (set.size() > 1) {
                printShares(set, cost.cpuNanos() - none.cpuNanos(), docs.size());
            }
        }
    }

    /**
     * Each rule's share of the pass over all rules: the elapsed time of its calls (check, observe and finish), scaled to
     * the pass's CPU time. Elapsed time per call is the only cheap clock at this grain; the scaling keeps the
     * figures comparable with the others, and a busy machine blurs them a little.
     */
    private static void printShares(List<RuleDescriptor> set, long cpuNanos, int objects) {
        long total = 0;
        for (long s : shares) {
            total += s;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(shares[b], shares[a]));
        System.out.printf(Locale.ROOT, "  shares of the pass over all rules (calls %.1f%% of it):%n",
                100.0 * total / Math.max(1, cpuNanos));
        for (int i : order) {
            System.out.printf(Locale.ROOT, "  %-38s %8.2f us/object%n", set.get(i).id(),
                    (double) shares[i] / Math.max(1, total) * cpuNanos / 1000.0 / objects);
        }
    }

    /** Elapsed nanoseconds per rule of the current set, summed over the best measured round's calls. */
    private static long[] shares = new long[0];

    private static void print(String name, Cost cost, Cost none, int objects, long findings) {
        double cpu = (cost.cpuNanos() - (cost == none ? 0 : none.cpuNanos())) / 1000.0 / objects;
        double bytes = (double) (cost.bytes() - (cost == none ? 0 : none.bytes())) / objects;
        System.out.printf(Locale.ROOT, "%-40s %8.2f us/object %9.0f B/object %7d findings%n", name, cpu, bytes,
                findings);
    }

    /** One object's tree, kept across rounds. */
    private record Doc(SourceFile source, int index, MappingNode root) {
    }

    /** The best (lowest) round: CPU nanoseconds, allocated bytes, findings. */
    private record Cost(long cpuNanos, long bytes, long findings) {
    }

    private static List<Doc> read(String folder) {
        SourceScanner.Scan scan = new SourceScanner(Paths.get("").toAbsolutePath(), List.of(), List.of())
                .scan(List.of(folder));
        SourceLoader loader = new SourceLoader(ReadLimits.DEFAULTS);
        YamlReader reader = new YamlReader(ReadLimits.DEFAULTS);
        List<Doc> docs = new ArrayList<>();
        for (SourceScanner.Input input : scan.inputs()) {
            Optional<SourceFile> source = loader.load(input, System.in).source();
            if (source.isEmpty()) {
                continue;
            }
            ReadResult read = reader.read(source.get().displayName(), source.get().text());
            for (YamlDocument doc : read.documents()) {
                if (doc.root().isPresent() && doc.root().get() instanceof MappingNode mapping) {
                    addObjects(docs, source.get(), doc.index(), mapping);
                }
            }
        }
        return docs;
    }

    private static void addObjects(List<Doc> docs, SourceFile source, int index, MappingNode mapping) {
        for (Manifest object : new Manifest(source, index, mapping).objects(item -> {})) {
            docs.add(new Doc(source, index, object.root()));
        }
    }

    private static Cost measure(List<Doc> docs, List<RuleDescriptor> rules, LintSettings settings, int warmup,
                                int rounds) {
        Cost best = null;
        long[] bestShares = shares.clone();
        for (int r = 0; r < warmup + rounds; r++) {
            java.util.Arrays.fill(shares, 0);
            Cost cost = round(docs, rules, settings);
            if (r >= warmup && (best == null || cost.cpuNanos() < best.cpuNanos())) {
                best = cost;
                bestShares = shares.clone();
            }
        }
        shares = bestShares;
        return best;
    }

    private static Cost round(List<Doc> docs, List<RuleDescriptor> rules, LintSettings settings) {
        long tid = Thread.currentThread().getId();
        List<Finding> sink = new ArrayList<>();
        long findings = 0;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long bytes0 = THREADS.getThreadAllocatedBytes(tid);
        List<Optional<CrossObjectCheck>> cross = new ArrayList<>(rules.size());
        for (RuleDescriptor d : rules) {
            cross.add(d.rule().newCrossObjectCheck());
        }
        boolean timeCalls = rules.size() > 1;
        for (Doc doc : docs) {
            Manifest manifest = new Manifest(doc.source(), doc.index(), doc.root());
            for (int i = 0; i < rules.size(); i++) {
                long started = timeCalls ? System.nanoTime() : 0;
                RuleDescriptor d = rules.get(i);
                Context ctx = new Context(d, settings, Optional.of(manifest), sink);
                if (d.checks(manifest.kind())) {
                    d.rule().check(manifest, ctx);
                }
                Optional<CrossObjectCheck> check = cross.get(i);
                if (check.isPresent()) {
                    check.get().observe(manifest, ctx);
                }
                if (timeCalls) {
                    shares[i] += System.nanoTime() - started;
                }
            }
            findings += sink.size();
            sink.clear();
        }
        for (int i = 0; i < rules.size(); i++) {
            if (cross.get(i).isPresent()) {
                long started = timeCalls ? System.nanoTime() : 0;
                cross.get(i).get().finish(new Context(rules.get(i), settings, Optional.empty(), sink));
                if (timeCalls) {
                    shares[i] += System.nanoTime() - started;
                }
            }
        }
        findings += sink.size();
        return new Cost(THREADS.getCurrentThreadCpuTime() - cpu0, THREADS.getThreadAllocatedBytes(tid) - bytes0,
                findings);
    }

    /** What the engine's context does, for one rule and one object (or the end of the run). */
    private record Context(RuleDescriptor rule, LintSettings settings, Optional<Manifest> manifest,
                           List<Finding> sink) implements RuleContext {

        @Override
        public void report(Location location, String message, List<Location> related) {
            sink.add(new Finding(rule.id(), rule.severity(), location, message, related, Optional.empty()));
        }

        @Override
        public Location locate(YamlNode node) {
            Manifest m = manifest.orElseThrow();
            return new Location(m.source().displayName(), m.documentIndex(), node.span(), node.pointer(), m.ref());
        }

        @Override
        public Location locateKey(MappingNode mapping, String key) {
            Manifest m = manifest.orElseThrow();
            Span span = mapping.keySpan(key);
            String pointer = mapping.has(key) ? JsonPointers.child(mapping.pointer(), key) : mapping.pointer();
            if (!mapping.has(key)) {
                span = new Span(span.start(), span.start());
            }
            return new Location(m.source().displayName(), m.documentIndex(), span, pointer, m.ref());
        }

        @Override
        public <T> T param(RuleParam<T> param) {
            return param.defaultValue();
        }
    }
}
