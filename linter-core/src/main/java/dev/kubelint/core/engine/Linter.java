package dev.kubelint.core.engine;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.ToolKinds;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.render.RenderTarget;
import dev.kubelint.core.render.RenderedFile;
import dev.kubelint.core.render.Rendering;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.input.CoreRule;
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
        SourceScanner scanner = new SourceScanner(
                request.workingDirectory(),
                request.includes(),
                request.excludes(),
                request.render().renderers());
        SourceScanner.Scan scan = scanner.scan(request.inputs());
        if (!scan.errors().isEmpty()) {
            throw new InputException(scan.errors());
        }
        Run run = new Run(request, scan.inputs().size(), scanner);
        List<FileOutcome> outcomes = run.processAll(scan.inputs(), scan.folders());
        return run.finish(outcomes, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The active rules of a run and how each is configured. */
    private record ActiveRule(
            RuleDescriptor descriptor,
            Severity severity,
            RuleSettings settings,
            Optional<CrossObjectCheck> crossObject) {}

    /** What one input gave; {@code notManifest} when it was left out as not a manifest (then nothing else). */
    private record FileOutcome(
            LintResult.FileSummary summary,
            List<Finding> findings,
            Optional<SourceExcerpt> source,
            Optional<LintResult.SkippedFile> notManifest) {
        FileOutcome(LintResult.FileSummary summary, List<Finding> findings, Optional<SourceExcerpt> source) {
            this(summary, findings, source, Optional.empty());
        }
    }

    /** A rendered file while the run lasts: findings on {@code internalName} are traced back to its source. */
    private record Traced(RenderedFile file, String internalName) {}

    /** State of one run. */
    private static final class Run {
        private final LintRequest request;
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
        private final SourceScanner scanner;
        /** Rendered files by their internal names. */
        private final Map<String, Traced> traced = new java.util.concurrent.ConcurrentHashMap<>();

        private final java.util.Set<String> notes =
                java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        private volatile int total;

        Run(LintRequest request, int total, SourceScanner scanner) {
            this.request = request;
            this.total = total;
            this.scanner = scanner;
            this.loader = new SourceLoader(request.limits());
            this.reader = new YamlReader(request.limits());
            for (RuleDescriptor d : request.catalog().all()) {
                RuleSettings s = request.ruleSettings(d.id());
                if (s.enabled().orElse(d.enabledByDefault())) {
                    ActiveRule active = new ActiveRule(
                            d, s.severity().orElse(d.severity()), s, d.rule().newCrossObjectCheck());
                    rules.add(active);
                    byId.put(d.id(), active);
                    if (d.isFallback()) {
                        fallbackIds.add(d.id());
                    }
                }
            }
            this.suppressions = new Suppressions(
                    request.useSuppressions(),
                    id -> Optional.ofNullable(byId.get(id)).map(ActiveRule::severity),
                    request.catalog()::contains);
        }

        /**
         * Renders the folders first (a kustomization says which files it consumes, and those are not read raw),
         * then reads and checks the remaining files and the rendered ones.
         */
        List<FileOutcome> processAll(List<SourceScanner.Input> inputs, List<SourceScanner.Folder> folders) {
            List<Rendering> renderings = folders.isEmpty()
                    ? List.of()
                    : runAll(folders.stream()
                            .<java.util.concurrent.Callable<Rendering>>map(f -> () -> render(f))
                            .toList());
            java.util.Set<java.nio.file.Path> consumed = new java.util.HashSet<>();
            List<java.util.concurrent.Callable<FileOutcome>> tasks = new ArrayList<>();
            List<FileOutcome> failures = new ArrayList<>();
            for (Rendering r : renderings) {
                consumed.addAll(r.consumed());
                r.notice().ifPresent(notes::add);
                if (r.failure().isPresent()) {
                    failures.add(renderFailure(r));
                }
                for (RenderedFile file : r.files()) {
                    Traced t = new Traced(file, file.displayName() + "\u0000" + traced.size());
                    traced.put(t.internalName(), t);
                    tasks.add(() -> processRendered(t));
                }
            }
            for (SourceScanner.Input input : inputs) {
                if (input.named()
                        || input.path().isEmpty()
                        || !consumed.contains(
                                input.path().get().toAbsolutePath().normalize())) {
                    tasks.add(() -> process(input));
                }
            }
            total = tasks.size() + failures.size();
            List<FileOutcome> outcomes = new ArrayList<>(failures);
            outcomes.addAll(runAll(tasks));
            return outcomes;
        }

        private <T> List<T> runAll(List<java.util.concurrent.Callable<T>> tasks) {
            if (request.jobs() == 1 || tasks.size() <= 1) {
                return runOnWorker(() -> {
                    List<T> results = new ArrayList<>(tasks.size());
                    for (java.util.concurrent.Callable<T> task : tasks) {
                        results.add(task.call());
                    }
                    return results;
                });
            }
            ExecutorService pool =
                    Executors.newFixedThreadPool(Math.min(request.jobs(), tasks.size()), workerThreads());
            try {
                List<Future<T>> futures = new ArrayList<>(tasks.size());
                for (java.util.concurrent.Callable<T> task : tasks) {
                    futures.add(pool.submit(task));
                }
                List<T> results = new ArrayList<>(tasks.size());
                for (Future<T> f : futures) {
                    results.add(await(f));
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }

        private Rendering render(SourceScanner.Folder folder) {
            RenderTarget target = new RenderTarget(
                    folder.path(),
                    folder.scanRoot(),
                    request.settings().kubernetesVersion(),
                    request.render().values(),
                    scanner::displayName,
                    request.workingDirectory().toAbsolutePath().normalize());
            try {
                return folder.renderer().render(target);
            } catch (RuntimeException | LinkageError e) {
                return Rendering.failed(
                        folder.path(),
                        folder.renderer().name() + " " + scanner.displayName(folder.path()) + " could not be rendered: "
                                + e,
                        java.util.Set.of());
            }
        }

        private FileOutcome renderFailure(Rendering r) {
            String file = scanner.displayName(r.failureFile().orElseThrow());
            List<Finding> findings = new ArrayList<>();
            addFinding(
                    findings,
                    CoreRule.RENDER_FAILED,
                    new Location(file, 0, Span.START, "", ObjectRef.NONE),
                    r.failure().get(),
                    List.of());
            return new FileOutcome(new LintResult.FileSummary(file, List.of()), findings, Optional.empty());
        }

        /** Lints a rendered file under its internal name; {@link #finish} traces its findings to the source. */
        private FileOutcome processRendered(Traced t) {
            SourceScanner.Input input =
                    new SourceScanner.Input(Optional.empty(), t.internalName(), Optional.empty(), true);
            FileOutcome outcome = lintSource(
                    input,
                    new SourceFile(Optional.empty(), t.internalName(), t.file().text()));
            return new FileOutcome(
                    new LintResult.FileSummary(
                            t.file().displayName(),
                            outcome.summary().objectCount(),
                            outcome.summary().objects().stream()
                                    .map(o -> new LintResult.ObjectSummary(
                                            o.documentIndex(), o.object(), trace(o.location())))
                                    .toList()),
                    outcome.findings(),
                    Optional.empty());
        }

        /** A location in a rendered file traced back to its source; any other location as it is. */
        private Location trace(Location l) {
            Traced t = traced.get(l.file());
            if (t == null) {
                return l;
            }
            Span span = t.file()
                    .trace()
                    .trace(
                            t.file().text(),
                            l.span(),
                            l.object().kind(),
                            l.object().name(),
                            l.jsonPointer());
            return new Location(t.file().displayName(), l.documentIndex(), span, l.jsonPointer(), l.object());
        }

        private Finding trace(Finding f) {
            if (traced.isEmpty()) {
                return f;
            }
            List<Location> related = f.related().isEmpty()
                    ? f.related()
                    : f.related().stream().map(this::trace).toList();
            return new Finding(f.ruleId(), f.severity(), trace(f.location()), f.message(), related, f.suppression());
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
                addFinding(
                        findings,
                        CoreRule.SKIPPED_FILE,
                        new Location(input.displayName(), 0, Span.START, "", ObjectRef.NONE),
                        input.skipped().get(),
                        List.of());
                return done(new FileOutcome(
                        new LintResult.FileSummary(input.displayName(), List.of()), findings, Optional.empty()));
            }
            SourceLoader.Loaded loaded = loader.load(input, request.stdin());
            if (loaded.source().isEmpty()) {
                ReadProblem p = loaded.problem().orElseThrow();
                CoreRule rule = p.kind() == ReadProblem.Kind.LIMIT ? CoreRule.INPUT_LIMIT : CoreRule.UNREADABLE_FILE;
                addReaderFinding(findings, rule, input.displayName(), p, ObjectRef.NONE);
                return done(new FileOutcome(
                        new LintResult.FileSummary(input.displayName(), List.of()), findings, Optional.empty()));
            }
            return lintSource(input, loaded.source().get());
        }

        /** Reads and checks the text of one input. */
        private FileOutcome lintSource(SourceScanner.Input input, SourceFile source) {
            FileFindings findings = new FileFindings();
            List<LintResult.ObjectSummary> objectSummaries = new ArrayList<>();
            ReadResult read = reader.read(source.displayName(), source.text());
            if (!input.named()) {
                Optional<String> notManifest = NotManifests.reason(source, read);
                if (notManifest.isPresent()) {
                    return done(new FileOutcome(
                            new LintResult.FileSummary(source.displayName(), List.of()),
                            List.of(),
                            Optional.empty(),
                            Optional.of(new LintResult.SkippedFile(source.displayName(), notManifest.get()))));
                }
            }
            Map<Integer, ObjectRef> refs = new LinkedHashMap<>();
            List<Manifest> manifests = new ArrayList<>();
            for (YamlDocument doc : read.documents()) {
                if (doc.root().isEmpty()) {
                    continue;
                }
                YamlNode root = doc.root().get();
                if (!(root instanceof MappingNode mapping)) {
                    addFinding(
                            findings,
                            CoreRule.NOT_AN_OBJECT,
                            new Location(source.displayName(), doc.index(), root.span(), "", ObjectRef.NONE),
                            "the document is " + article(root.jsonType())
                                    + ", not a Kubernetes object: kubectl expects a mapping with apiVersion and kind",
                            List.of());
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
                            addFinding(
                                    findings,
                                    CoreRule.NOT_AN_OBJECT,
                                    new Location(
                                            source.displayName(),
                                            doc.index(),
                                            item.span(),
                                            item.pointer(),
                                            whole.ref()),
                                    "a List item is " + article(item.jsonType()) + ", not a Kubernetes object",
                                    List.of());
                        }
                    }
                } else {
                    manifests.add(whole);
                }
            }
            for (ReadProblem p : read.problems()) {
                addReaderFinding(
                        findings,
                        ruleOf(p.kind()),
                        source.displayName(),
                        p,
                        refs.getOrDefault(p.documentIndex(), ObjectRef.NONE));
            }
            List<Manifest> checked = new ArrayList<>(manifests.size());
            List<Manifest> skipped = new ArrayList<>(0);
            for (Manifest manifest : manifests) {
                if (ToolKinds.tool(manifest.group(), manifest.kind()) != null) {
                    // configuration of a tool (a Kustomization, a kind cluster): not an API object
                    continue;
                }
                if (request.objectFilter().isPresent()
                        && !request.objectFilter().get().test(manifest.labels())) {
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
            List<Finding> result =
                    compact(suppressions.apply(source, read.documents(), checked, skipped, findings.withSummaries()));
            LintResult.FileSummary summary =
                    new LintResult.FileSummary(source.displayName(), checked.size(), objectSummaries);
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
            int[] lines = IntStream.concat(
                            findings.stream().mapToInt(f -> f.location().line()),
                            suppressions.lines(source.displayName()))
                    .toArray();
            return lines.length == 0 ? Optional.empty() : Optional.of(SourceExcerpt.of(source, Arrays.stream(lines)));
        }

        /** One object for the reports that list them; the strings most objects repeat are shared. */
        private LintResult.ObjectSummary summary(SourceFile source, Manifest manifest) {
            ObjectRef ref = shared(manifest.ref());
            return new LintResult.ObjectSummary(
                    manifest.documentIndex(),
                    ref,
                    new Location(
                            source.displayName(),
                            manifest.documentIndex(),
                            manifest.root().span(),
                            shared(manifest.root().pointer()),
                            ref));
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
                List<Location> related = f.related().isEmpty()
                        ? f.related()
                        : f.related().stream().map(l -> compact(l, refs)).toList();
                kept.add(new Finding(
                        f.ruleId(), f.severity(), compact(f.location(), refs), f.message(), related, f.suppression()));
            }
            return kept;
        }

        private Location compact(Location l, Map<ObjectRef, ObjectRef> refs) {
            return new Location(
                    l.file(),
                    l.documentIndex(),
                    l.span(),
                    shared(l.jsonPointer()),
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
            findingCount.addAndGet(
                    outcome.findings().stream().filter(f -> !f.isSuppressed()).count());
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
                if (rule.settings().scope().isPresent()
                        && !rule.settings().scope().get().test(manifest.labels())) {
                    continue;
                }
                ObjectContext ctx = new ObjectContext(
                        request, rule.descriptor(), rule.settings(), rule.severity(), Optional.of(manifest), sink);
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
                    explained.add(
                            f.location().jsonPointer() + "\u0000" + f.location().span());
                }
            }
            objectFindings.removeIf(f -> fallbackIds.contains(f.ruleId())
                    && explained.contains(
                            f.location().jsonPointer() + "\u0000" + f.location().span()));
        }

        private void reportFailure(ActiveRule rule, Manifest manifest, Throwable e, List<Finding> sink) {
            String message = "rule " + rule.descriptor().id() + " failed on "
                    + manifest.ref().describe() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + "; the other rules ran normally";
            if (request.debug()) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                message = message + "\n" + trace;
            } else {
                message = message + " (run with --debug for the stack trace)";
            }
            addFinding(
                    sink,
                    CoreRule.RULE_FAILURE,
                    new Location(
                            manifest.source().displayName(),
                            manifest.documentIndex(),
                            manifest.root().span(),
                            manifest.root().pointer(),
                            manifest.ref()),
                    message,
                    List.of());
        }

        private void addReaderFinding(List<Finding> sink, CoreRule rule, String file, ReadProblem p, ObjectRef ref) {
            List<Location> related = p.related().stream()
                    .map(span -> new Location(file, p.documentIndex(), span, p.pointer(), ref))
                    .toList();
            addFinding(
                    sink,
                    rule,
                    new Location(file, p.documentIndex(), p.span(), p.pointer(), ref),
                    p.message(),
                    related);
        }

        /** Adds a finding of an engine-reported rule, when that rule is enabled. */
        private void addFinding(
                List<Finding> sink, CoreRule coreRule, Location location, String message, List<Location> related) {
            ActiveRule rule = byId.get(coreRule.id());
            if (rule != null) {
                sink.add(new Finding(coreRule.id(), rule.severity(), location, message, related, Optional.empty()));
            }
        }

        LintResult finish(List<FileOutcome> outcomes, Duration elapsed) {
            List<Finding> all = new ArrayList<>();
            Map<String, SourceExcerpt> sources = new LinkedHashMap<>();
            List<LintResult.FileSummary> files = new ArrayList<>();
            List<LintResult.SkippedFile> notManifests = new ArrayList<>();
            for (FileOutcome o : outcomes) {
                if (o.notManifest().isPresent()) {
                    notManifests.add(o.notManifest().get());
                    continue;
                }
                all.addAll(o.findings());
                o.source().ifPresent(s -> sources.put(s.displayName(), s));
                files.add(o.summary());
            }
            List<Finding> crossObject = new ArrayList<>();
            for (ActiveRule rule : rules) {
                if (rule.crossObject().isEmpty()) {
                    continue;
                }
                ObjectContext ctx = new ObjectContext(
                        request, rule.descriptor(), rule.settings(), rule.severity(), Optional.empty(), crossObject);
                try {
                    rule.crossObject().get().finish(ctx);
                } catch (RuntimeException | StackOverflowError e) {
                    addFinding(
                            crossObject,
                            CoreRule.RULE_FAILURE,
                            new Location("", 0, Span.START, "", ObjectRef.NONE),
                            "rule " + rule.descriptor().id() + " failed at the end of the run: " + e,
                            List.of());
                }
            }
            all.addAll(suppressions.applyCrossObject(crossObject));
            if (!traced.isEmpty()) {
                // traced back to their sources; a file two kustomizations render gives the same findings twice
                all = new ArrayList<>(new java.util.LinkedHashSet<>(
                        all.stream().map(this::trace).toList()));
            }
            all.sort(Finding.ORDER);
            List<Finding> active = all.stream().filter(f -> !f.isSuppressed()).toList();
            List<Finding> suppressed =
                    all.stream().filter(Finding::isSuppressed).toList();
            return new LintResult(
                    request.settings(),
                    request.catalog(),
                    active,
                    suppressed,
                    files,
                    sources,
                    elapsed,
                    LintResult.BaselineOutcome.NONE,
                    notManifests,
                    List.copyOf(notes));
        }
    }

    /** The core rule whose findings a reading problem of this kind becomes. */
    static CoreRule ruleOf(ReadProblem.Kind kind) {
        return switch (kind) {
            case SYNTAX, ENCODING -> CoreRule.YAML_SYNTAX;
            case DUPLICATE_KEY -> CoreRule.DUPLICATE_KEY;
            case LIMIT -> CoreRule.INPUT_LIMIT;
            case TAG -> CoreRule.YAML_TAG;
        };
    }
}
