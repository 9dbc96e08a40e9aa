package dev.kubelint.core.engine;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.render.RenderTarget;
import dev.kubelint.core.render.RenderedFile;
import dev.kubelint.core.render.Rendering;
import dev.kubelint.core.rule.input.CoreRule;
import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.Span;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a lint: finds the inputs, renders the folders that are charts or kustomizations, has a {@link FileChecker}
 * check each file on a {@link WorkerPool} (one task per file), traces the findings of rendered files back to their
 * sources, runs the end of the cross-object checks, and returns the findings in a deterministic order.
 */
public final class Linter {

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
        List<FileChecker.Outcome> outcomes = run.processAll(scan.inputs(), scan.folders());
        return run.finish(outcomes, Duration.ofNanos(System.nanoTime() - started));
    }

    /** A rendered file while the run lasts: findings on {@code internalName} are traced back to its source. */
    private record Traced(RenderedFile file, String internalName) {}

    /** State of one run. */
    private static final class Run {
        private final LintRequest request;
        private final ActiveRules rules;
        private final FileChecker checker;
        private final WorkerPool pool;
        private final AtomicInteger filesDone = new AtomicInteger();
        private final AtomicLong findingCount = new AtomicLong();
        private final Suppressions suppressions;
        private final SourceScanner scanner;
        /** Rendered files by their internal names. */
        private final Map<String, Traced> traced = new ConcurrentHashMap<>();

        private final Set<String> notes = Collections.synchronizedSet(new LinkedHashSet<>());
        private volatile int total;

        Run(LintRequest request, int total, SourceScanner scanner) {
            this.request = request;
            this.total = total;
            this.scanner = scanner;
            this.rules = new ActiveRules(request);
            this.suppressions =
                    new Suppressions(request.useSuppressions(), rules::severity, request.catalog()::contains);
            this.checker = new FileChecker(request, rules, suppressions);
            this.pool = new WorkerPool(request.jobs());
        }

        /**
         * Renders the folders first (a kustomization says which files it consumes, and those are not read raw),
         * then reads and checks the remaining files and the rendered ones.
         */
        List<FileChecker.Outcome> processAll(List<SourceScanner.Input> inputs, List<SourceScanner.Folder> folders) {
            List<Rendering> renderings = folders.isEmpty()
                    ? List.of()
                    : pool.runAll(folders.stream()
                            .<Callable<Rendering>>map(f -> () -> render(f))
                            .toList());
            Set<Path> consumed = new HashSet<>();
            List<Callable<FileChecker.Outcome>> tasks = new ArrayList<>();
            List<FileChecker.Outcome> failures = new ArrayList<>();
            for (Rendering r : renderings) {
                consumed.addAll(r.consumed());
                r.notice().ifPresent(notes::add);
                if (r.failure().isPresent()) {
                    failures.add(renderFailure(r));
                }
                for (RenderedFile file : r.files()) {
                    Traced t = new Traced(file, file.displayName() + "\u0000" + traced.size());
                    traced.put(t.internalName(), t);
                    tasks.add(() -> done(checkRendered(t)));
                }
            }
            for (SourceScanner.Input input : inputs) {
                if (input.named()
                        || input.path().isEmpty()
                        || !consumed.contains(
                                input.path().get().toAbsolutePath().normalize())) {
                    tasks.add(() -> done(checker.check(input)));
                }
            }
            total = tasks.size() + failures.size();
            List<FileChecker.Outcome> outcomes = new ArrayList<>(failures);
            outcomes.addAll(pool.runAll(tasks));
            return outcomes;
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
                        Set.of());
            }
        }

        private FileChecker.Outcome renderFailure(Rendering r) {
            String file = scanner.displayName(r.failureFile().orElseThrow());
            List<Finding> findings = new ArrayList<>();
            rules.addFinding(
                    findings,
                    CoreRule.RENDER_FAILED,
                    new Location(file, 0, Span.START, "", ObjectRef.NONE),
                    r.failure().get(),
                    List.of());
            return new FileChecker.Outcome(new LintResult.FileSummary(file, List.of()), findings, Optional.empty());
        }

        /** Checks a rendered file under its internal name; {@link #finish} traces its findings to the source. */
        private FileChecker.Outcome checkRendered(Traced t) {
            SourceScanner.Input input =
                    new SourceScanner.Input(Optional.empty(), t.internalName(), Optional.empty(), true);
            FileChecker.Outcome outcome = checker.check(
                    input,
                    new SourceFile(Optional.empty(), t.internalName(), t.file().text()));
            return new FileChecker.Outcome(
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

        /** Tells the progress listener that one more file is done. */
        private FileChecker.Outcome done(FileChecker.Outcome outcome) {
            findingCount.addAndGet(
                    outcome.findings().stream().filter(f -> !f.isSuppressed()).count());
            request.progress()
                    .progress(filesDone.incrementAndGet(), total, checker.objectsChecked(), findingCount.get());
            return outcome;
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

        LintResult finish(List<FileChecker.Outcome> outcomes, Duration elapsed) {
            List<Finding> all = new ArrayList<>();
            Map<String, SourceExcerpt> sources = new LinkedHashMap<>();
            List<LintResult.FileSummary> files = new ArrayList<>();
            List<LintResult.SkippedFile> notManifests = new ArrayList<>();
            for (FileChecker.Outcome o : outcomes) {
                if (o.notManifest().isPresent()) {
                    notManifests.add(o.notManifest().get());
                    continue;
                }
                all.addAll(o.findings());
                o.source().ifPresent(s -> sources.put(s.displayName(), s));
                files.add(o.summary());
            }
            List<Finding> crossObject = new ArrayList<>();
            for (ActiveRules.ActiveRule rule : rules.all()) {
                if (rule.crossObject().isEmpty()) {
                    continue;
                }
                ObjectContext ctx = new ObjectContext(request, rule, Optional.empty(), crossObject);
                try {
                    rule.crossObject().get().finish(ctx);
                } catch (RuntimeException | StackOverflowError e) {
                    rules.addFinding(
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
                all = new ArrayList<>(
                        new LinkedHashSet<>(all.stream().map(this::trace).toList()));
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
}
