package dev.kubelint.core.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadProblem;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;

/**
 * Runs a lint: finds the inputs, reads each (in parallel, one file per task), checks every object with every
 * enabled rule, runs the cross-object checks, and returns the findings in a deterministic order.
 */
public final class Linter {

    /** Stack size of worker threads: generous, so that deep but legal documents never overflow it. */
    private static final long WORKER_STACK_BYTES = 16L * 1024 * 1024;

    /** The paths given cannot be used: a usage error, reported before anything is scanned. */
    public static final class InputException extends Exception {
        private final List<String> problems;

        public InputException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public LintResult lint(LintRequest request) throws InputException {
        long started = System.nanoTime();
        SourceScanner scanner = new SourceScanner(request.workingDirectory(), request.includes(), request.excludes());
        SourceScanner.Scan scan = scanner.scan(request.inputs());
        if (!scan.errors().isEmpty()) {
            throw new InputException(scan.errors());
        }
        Run run = new Run(request, scan.inputs().size());
        List<FileOutcome> outcomes = run.processAll(scan.inputs());
        return run.finish(outcomes, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The active rules of a run and how each is configured. */
    private record ActiveRule(RuleDescriptor descriptor, Severity severity, RuleSettings settings,
                              Optional<CrossObjectCheck> crossObject) {
    }

    /** What one input gave. */
    private record FileOutcome(LintResult.FileSummary summary, List<Finding> findings, Optional<SourceExcerpt> source) {
    }

    /** State of one run. */
    private static final class Run {
        private final LintRequest request;
        private final int total;
        private final List<ActiveRule> rules = new ArrayList<>();
        private final Map<String, ActiveRule> byId = new LinkedHashMap<>();
        private final SourceLoader loader;
        private final YamlReader reader;
        private final AtomicInteger filesDone = new AtomicInteger();
        private final AtomicLong objects = new AtomicLong();
        private final AtomicLong findingCount = new AtomicLong();
        private final Suppressions suppressions;
        private final java.util.Set<String> fallbackIds = new java.util.HashSet<>();
        private final Map<String, String> sharedStrings = new java.util.concurrent.ConcurrentHashMap<>();

        Run(LintRequest request, int total) {
            this.request = request;
            this.total = total;
            this.loader = new SourceLoader(request.limits());
            this.reader = new YamlReader(request.limits());
            for (RuleDescriptor d : request.catalog().all()) {
                RuleSettings s = request.ruleSettings(d.id());
                if (s.enabled().orElse(d.enabledByDefault())) {
                    ActiveRule active = new ActiveRule(d, s.severity().orElse(d.severity()), s, d.rule().newCrossObjectCheck());
                    rules.add(active);
                    byId.put(d.id(), active);
                    if (d.isFallback()) {
                        fallbackIds.add(d.id());
                    }
                }
            }
            this.suppressions = new Suppressions(request.useSuppressions(),
                    id -> Optional.ofNullable(byId.get(id)).map(ActiveRule::severity), request.catalog()::contains);
        }

        List<FileOutcome> processAll(List<SourceScanner.Input> inputs) {
            if (request.jobs() == 1 || inputs.size() <= 1) {
                return runOnWorker(() -> {
                    List<FileOutcome> outcomes = new ArrayList<>(inputs.size());
                    for (SourceScanner.Input input : inputs) {
                        outcomes.add(process(input));
                    }
                    return outcomes;
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.jobs(), inputs.size()), workerThreads());
            try {
                List<Future<FileOutcome>> futures = new ArrayList<>(inputs.size());
                for (SourceScanner.Input input : inputs) {
                    futures.add(pool.submit(() -> process(input)));
                }
                List<FileOutcome> outcomes = new ArrayList<>(inputs.size());
                for (Future<FileOutcome> f : futures) {
                    outcomes.add(await(f));
                }
                return outcomes;
            } finally {
                pool.shutdownNow();
            }
        }

        private <T> T runOnWorker(java.util.concurrent.Callable<T> task) {
            ExecutorService single = Executors.newSingleThreadExecutor(workerThreads());
            try {
                return await(single.submit(task));
            } finally {
                single.shutdownNow();
            }
        }

        private static <T> T await(Future<T> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }

        private static ThreadFactory workerThreads() {
            AtomicInteger n = new AtomicInteger();
            return task -> {
                Thread t = new Thread(null, task, "kubelint-worker-" + n.incrementAndGet(), WORKER_STACK_BYTES);
                t.setDaemon(true);
                return t;
            };
        }

        /** Reads and checks one input; never throws for bad input. */
        FileOutcome process(SourceScanner.Input input) {
            FileFindings findings = new FileFindings();
            List<LintResult.ObjectSummary> objectSummaries = new ArrayList<>();
            if (input.skipped().isPresent()) {
                addFinding(findings, "skipped-file", new Location(input.displayName(), 0, Span.START, "", ObjectRef.NONE),
                        input.skipped().get(), List.of());
                return done(new FileOutcome(new LintResult.FileSummary(input.displayName(), List.of()), findings,
                        Optional.empty()));
            }
            SourceLoader.Loaded loaded = loader.load(input, request.stdin());
            if (loaded.source().isEmpty()) {
                ReadProblem p = loaded.problem().orElseThrow();
                String ruleId = p.kind() == ReadProblem.Kind.LIMIT ? "input-limit" : "unreadable-file";
                addReaderFinding(findings, ruleId, input.displayName(), p, ObjectRef.NONE);
                return done(new FileOutcome(new LintResult.FileSummary(input.displayName(), List.of()), findings,
                        Optional.empty()));
            }
            SourceFile source = loaded.source().get();
            ReadResult read = reader.read(source.displayName(), source.text());
            Map<Integer, ObjectRef> refs = new LinkedHashMap<>();
            List<Manifest> manifests = new ArrayList<>();
            for (YamlDocument doc : read.documents()) {
                if (doc.root().isEmpty()) {
                    continue;
                }
                YamlNode root = doc.root().get();
                if (!(root instanceof MappingNode mapping)) {
                    addFinding(findings, "not-an-object", new Location(source.displayName(), doc.index(), root.span(),
                            "", ObjectRef.NONE), "the document is " + article(root.jsonType())
                            + ", not a Kubernetes object: kubectl expects a mapping with apiVersion and kind", List.of());
                    continue;
                }
                Manifest whole = new Manifest(source, doc.index(), mapping);
                refs.put(doc.index(), whole.ref());
                if (isList(whole) && mapping.sequence("items").isPresent()) {
                    SequenceNode items = mapping.sequence("items").get();
                    for (YamlNode item : items.items()) {
                        if (item instanceof MappingNode itemMapping) {
                            manifests.add(new Manifest(source, doc.index(), itemMapping));
                        } else {
                            addFinding(findings, "not-an-object", new Location(source.displayName(), doc.index(),
                                    item.span(), item.pointer(), whole.ref()), "a List item is " + article(item.jsonType())
                                    + ", not a Kubernetes object", List.of());
                        }
                    }
                } else {
                    manifests.add(whole);
                }
            }
            for (ReadProblem p : read.problems()) {
                addReaderFinding(findings, p.kind().ruleId(), source.displayName(), p,
                        refs.getOrDefault(p.documentIndex(), ObjectRef.NONE));
            }
            List<Manifest> checked = new ArrayList<>(manifests.size());
            List<Manifest> skipped = new ArrayList<>(0);
            for (Manifest manifest : manifests) {
                if (request.objectFilter().isPresent() && !request.objectFilter().get().test(manifest.labels())) {
                    skipped.add(manifest);
                    continue;
                }
                checked.add(manifest);
                if (request.objectSummaries()) {
                    objectSummaries.add(summary(source, manifest));
                }
                objects.incrementAndGet();
                check(manifest, findings);
            }
            List<Finding> result = compact(suppressions.apply(source, read.documents(), checked, skipped, findings.withSummaries()));
            LintResult.FileSummary summary = new LintResult.FileSummary(source.displayName(), checked.size(), objectSummaries);
            return done(new FileOutcome(summary, result, excerpt(source, result)));
        }

        /**
         * The lines of a file the reports may show: where its findings start, and where its suppressions are (an
         * unused one is reported at the end); none when no report shows source lines. Standard input is kept
         * whole, since it cannot be read again for a cross-object finding.
         */
        private Optional<SourceExcerpt> excerpt(SourceFile source, List<Finding> findings) {
            if (!request.sourceLines()) {
                return Optional.empty();
            }
            if (source.path().isEmpty()) {
                return Optional.of(SourceExcerpt.whole(source));
            }
            int[] lines = IntStream.concat(findings.stream().mapToInt(f -> f.location().line()),
                    suppressions.lines(source.displayName())).toArray();
            return lines.length == 0 ? Optional.empty() : Optional.of(SourceExcerpt.of(source, Arrays.stream(lines)));
        }

        /** One object for the reports that list them; the strings most objects repeat are shared. */
        private LintResult.ObjectSummary summary(SourceFile source, Manifest manifest) {
            ObjectRef ref = shared(manifest.ref());
            return new LintResult.ObjectSummary(manifest.documentIndex(), ref, new Location(source.displayName(),
                    manifest.documentIndex(), manifest.root().span(), shared(manifest.root().pointer()), ref));
        }

        /**
         * The findings of a file as they are kept until the reports are written, with the strings most of them
         * repeat shared across the run: their JSON pointers and the apiVersion, kind and namespace of their
         * objects, otherwise copies read from each file. A large scan keeps tens of thousands of findings.
         */
        private List<Finding> compact(List<Finding> findings) {
            Map<ObjectRef, ObjectRef> refs = new IdentityHashMap<>();
            List<Finding> kept = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                List<Location> related = f.related().isEmpty() ? f.related()
                        : f.related().stream().map(l -> compact(l, refs)).toList();
                kept.add(new Finding(f.ruleId(), f.severity(), compact(f.location(), refs), f.message(), related,
                        f.suppression()));
            }
            return kept;
        }

        private Location compact(Location l, Map<ObjectRef, ObjectRef> refs) {
            return new Location(l.file(), l.documentIndex(), l.span(), shared(l.jsonPointer()),
                    refs.computeIfAbsent(l.object(), this::shared));
        }

        private ObjectRef shared(ObjectRef r) {
            return new ObjectRef(shared(r.apiVersion()), shared(r.kind()), shared(r.namespace()), r.name());
        }

        /** The one copy of a string kept for the run: a scan sees few apiVersions, kinds, namespaces and pointers. */
        private String shared(String value) {
            return sharedStrings.computeIfAbsent(value, v -> v);
        }

        private FileOutcome done(FileOutcome outcome) {
            findingCount.addAndGet(outcome.findings().stream().filter(f -> !f.isSuppressed()).count());
            request.progress().progress(filesDone.incrementAndGet(), total, objects.get(), findingCount.get());
            return outcome;
        }

        private static String article(String jsonType) {
            return (jsonType.startsWith("a") || jsonType.startsWith("i") || jsonType.startsWith("o") ? "an " : "a ")
                    + jsonType;
        }

        private static boolean isList(Manifest m) {
            return m.kind().endsWith("List") && m.root().has("items");
        }

        private void check(Manifest manifest, List<Finding> sink) {
            int first = sink.size();
            for (ActiveRule rule : rules) {
                if (rule.settings().scope().isPresent() && !rule.settings().scope().get().test(manifest.labels())) {
                    continue;
                }
                ObjectContext ctx = new ObjectContext(request, rule.descriptor(), rule.settings(), rule.severity(),
                        Optional.of(manifest), sink);
                try {
                    rule.descriptor().rule().check(manifest, ctx);
                    if (rule.crossObject().isPresent()) {
                        CrossObjectCheck check = rule.crossObject().get();
                        synchronized (check) {
                            check.observe(manifest, ctx);
                        }
                    }
                } catch (RuntimeException | StackOverflowError | LinkageError e) {
                    reportFailure(rule, manifest, e, sink);
                }
            }
            dropSupersededFallbacks(sink.subList(first, sink.size()));
        }

        /** Removes a fallback rule's findings where another rule reports an error on exactly the same node. */
        private void dropSupersededFallbacks(List<Finding> objectFindings) {
            if (fallbackIds.isEmpty() || objectFindings.size() < 2) {
                return;
            }
            java.util.Set<String> explained = new java.util.HashSet<>();
            for (Finding f : objectFindings) {
                if (f.severity() == Severity.ERROR && !fallbackIds.contains(f.ruleId())) {
                    explained.add(f.location().jsonPointer() + "\u0000" + f.location().span());
                }
            }
            objectFindings.removeIf(f -> fallbackIds.contains(f.ruleId())
                    && explained.contains(f.location().jsonPointer() + "\u0000" + f.location().span()));
        }

        private void reportFailure(ActiveRule rule, Manifest manifest, Throwable e, List<Finding> sink) {
            String message = "rule " + rule.descriptor().id() + " failed on " + manifest.ref().describe() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + "; the other rules ran normally";
            if (request.debug()) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                message = message + "\n" + trace;
            } else {
                message = message + " (run with --debug for the stack trace)";
            }
            addFinding(sink, "rule-failure", new Location(manifest.source().displayName(), manifest.documentIndex(),
                    manifest.root().span(), manifest.root().pointer(), manifest.ref()), message, List.of());
        }

        private void addReaderFinding(List<Finding> sink, String ruleId, String file, ReadProblem p, ObjectRef ref) {
            List<Location> related = p.related().stream()
                    .map(span -> new Location(file, p.documentIndex(), span, p.pointer(), ref)).toList();
            addFinding(sink, ruleId, new Location(file, p.documentIndex(), p.span(), p.pointer(), ref), p.message(), related);
        }

        /** Adds a finding of an engine-reported rule, when that rule is enabled. */
        private void addFinding(List<Finding> sink, String ruleId, Location location, String message, List<Location> related) {
            ActiveRule rule = byId.get(ruleId);
            if (rule != null) {
                sink.add(new Finding(ruleId, rule.severity(), location, message, related, Optional.empty()));
            }
        }

        LintResult finish(List<FileOutcome> outcomes, Duration elapsed) {
            List<Finding> all = new ArrayList<>();
            Map<String, SourceExcerpt> sources = new LinkedHashMap<>();
            List<LintResult.FileSummary> files = new ArrayList<>();
            for (FileOutcome o : outcomes) {
                all.addAll(o.findings());
                o.source().ifPresent(s -> sources.put(s.displayName(), s));
                files.add(o.summary());
            }
            List<Finding> crossObject = new ArrayList<>();
            for (ActiveRule rule : rules) {
                if (rule.crossObject().isEmpty()) {
                    continue;
                }
                ObjectContext ctx = new ObjectContext(request, rule.descriptor(), rule.settings(), rule.severity(),
                        Optional.empty(), crossObject);
                try {
                    rule.crossObject().get().finish(ctx);
                } catch (RuntimeException | StackOverflowError e) {
                    addFinding(crossObject, "rule-failure", new Location("", 0, Span.START, "", ObjectRef.NONE),
                            "rule " + rule.descriptor().id() + " failed at the end of the run: " + e, List.of());
                }
            }
            all.addAll(suppressions.applyCrossObject(crossObject));
            all.sort(Finding.ORDER);
            List<Finding> active = all.stream().filter(f -> !f.isSuppressed()).toList();
            List<Finding> suppressed = all.stream().filter(Finding::isSuppressed).toList();
            return new LintResult(request.settings(), request.catalog(), active, suppressed, files, sources, elapsed);
        }
    }
}
