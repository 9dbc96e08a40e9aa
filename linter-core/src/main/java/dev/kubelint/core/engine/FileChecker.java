package dev.kubelint.core.engine;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.ToolKinds;
import dev.kubelint.core.manifest.Manifest;
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
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Checks one file at a time, for one run: reads it, hands every object to every enabled rule of its kind
 * ({@link RuleDescriptor#checks}) and to every rule's cross-object state, turns a rule's failure on an object into a
 * finding while the other rules run on, applies the suppressions, and keeps the file's findings and source lines as
 * the reports need them. It never throws for bad input. Several worker threads may check files at once; the cross-object
 * state sees one object at a time.
 */
final class FileChecker {

    /**
     * What one input gave: its summary, its findings (suppressed ones included) and the source lines kept for the
     * reports; {@code notManifest} when it was left out as not a manifest (then nothing else).
     */
    record Outcome(
            LintResult.FileSummary summary,
            List<Finding> findings,
            Optional<SourceExcerpt> source,
            Optional<LintResult.SkippedFile> notManifest) {
        Outcome(LintResult.FileSummary summary, List<Finding> findings, Optional<SourceExcerpt> source) {
            this(summary, findings, source, Optional.empty());
        }
    }

    private final LintRequest request;
    private final ActiveRules rules;
    private final Suppressions suppressions;
    private final SourceLoader loader;
    private final YamlReader reader;
    private final AtomicLong objects = new AtomicLong();
    private final Map<String, String> sharedStrings = new ConcurrentHashMap<>();

    FileChecker(LintRequest request, ActiveRules rules, Suppressions suppressions) {
        this.request = request;
        this.rules = rules;
        this.suppressions = suppressions;
        this.loader = new SourceLoader(request.limits());
        this.reader = new YamlReader(request.limits());
    }

    /** The objects checked so far, in all files. */
    long objectsChecked() {
        return objects.get();
    }

    /** Reads and checks one input. */
    Outcome check(SourceScanner.Input input) {
        FileFindings findings = new FileFindings();
        if (input.skipped().isPresent()) {
            rules.addFinding(
                    findings,
                    CoreRule.SKIPPED_FILE,
                    new Location(input.displayName(), 0, Span.START, "", ObjectRef.NONE),
                    input.skipped().get(),
                    List.of());
            return new Outcome(new LintResult.FileSummary(input.displayName(), List.of()), findings, Optional.empty());
        }
        SourceLoader.Loaded loaded = loader.load(input, request.stdin());
        if (loaded.source().isEmpty()) {
            ReadProblem p = loaded.problem().orElseThrow();
            CoreRule rule = p.kind() == ReadProblem.Kind.LIMIT ? CoreRule.INPUT_LIMIT : CoreRule.UNREADABLE_FILE;
            addReaderFinding(findings, rule, input.displayName(), p, ObjectRef.NONE);
            return new Outcome(new LintResult.FileSummary(input.displayName(), List.of()), findings, Optional.empty());
        }
        return check(input, loaded.source().get());
    }

    /** Checks the text of one input, already read (a rendered file's, for one). */
    Outcome check(SourceScanner.Input input, SourceFile source) {
        FileFindings findings = new FileFindings();
        List<LintResult.ObjectSummary> objectSummaries = new ArrayList<>();
        ReadResult read = reader.read(source.displayName(), source.text());
        if (!input.named()) {
            Optional<String> notManifest = NotManifests.reason(source, read);
            if (notManifest.isPresent()) {
                return new Outcome(
                        new LintResult.FileSummary(source.displayName(), List.of()),
                        List.of(),
                        Optional.empty(),
                        Optional.of(new LintResult.SkippedFile(source.displayName(), notManifest.get())));
            }
        }
        Map<Integer, ObjectRef> refs = new LinkedHashMap<>();
        List<Manifest> manifests = objects(source, read, findings, refs);
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
                keep(suppressions.apply(source, read.documents(), checked, skipped, findings.withSummaries()));
        LintResult.FileSummary summary =
                new LintResult.FileSummary(source.displayName(), checked.size(), objectSummaries);
        return new Outcome(summary, result, excerpt(source, result));
    }

    /** The objects of a file's documents, the items of Lists one by one; documents that are no object are findings. */
    private List<Manifest> objects(
            SourceFile source, ReadResult read, List<Finding> findings, Map<Integer, ObjectRef> refs) {
        List<Manifest> manifests = new ArrayList<>();
        for (YamlDocument doc : read.documents()) {
            if (doc.root().isEmpty()) {
                continue;
            }
            YamlNode root = doc.root().get();
            if (!(root instanceof MappingNode mapping)) {
                rules.addFinding(
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
            manifests.addAll(whole.objects(item -> rules.addFinding(
                    findings,
                    CoreRule.NOT_AN_OBJECT,
                    new Location(source.displayName(), doc.index(), item.span(), item.pointer(), whole.ref()),
                    "a List item is " + article(item.jsonType()) + ", not a Kubernetes object",
                    List.of())));
        }
        return manifests;
    }

    /**
     * Every enabled rule (in scope, and of the object's kind) on one object, and every cross-object check; a rule
     * that fails becomes a finding, the others run on.
     */
    private void check(Manifest manifest, List<Finding> sink) {
        int first = sink.size();
        Map<String, String> labels = null; // read once, for the first rule with a scope
        for (ActiveRules.ActiveRule rule : rules.all()) {
            boolean checks = rule.descriptor().checks(manifest.kind());
            if (!checks && rule.crossObject().isEmpty()) {
                continue;
            }
            if (rule.settings().scope().isPresent()) {
                if (labels == null) {
                    labels = manifest.labels();
                }
                if (!rule.settings().scope().get().test(labels)) {
                    continue;
                }
            }
            ObjectContext ctx = new ObjectContext(request, rule, Optional.of(manifest), sink);
            try {
                if (checks) {
                    rule.descriptor().rule().check(manifest, ctx);
                }
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
        if (!rules.hasFallbacks() || objectFindings.size() < 2) {
            return;
        }
        Set<String> explained = new HashSet<>();
        for (Finding f : objectFindings) {
            if (f.severity() == Severity.ERROR && !rules.isFallback(f.ruleId())) {
                explained.add(
                        f.location().jsonPointer() + "\u0000" + f.location().span());
            }
        }
        objectFindings.removeIf(f -> rules.isFallback(f.ruleId())
                && explained.contains(
                        f.location().jsonPointer() + "\u0000" + f.location().span()));
    }

    private void reportFailure(ActiveRules.ActiveRule rule, Manifest manifest, Throwable e, List<Finding> sink) {
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
        rules.addFinding(
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
        rules.addFinding(
                sink, rule, new Location(file, p.documentIndex(), p.span(), p.pointer(), ref), p.message(), related);
    }

    /**
     * The lines of a file the reports may show: where its findings start, and where its suppressions are (an
     * unused one is reported at the end); none when no report shows source lines. Standard input is kept whole,
     * since it cannot be read again for a cross-object finding.
     */
    private Optional<SourceExcerpt> excerpt(SourceFile source, List<Finding> findings) {
        if (!request.sourceLines()) {
            return Optional.empty();
        }
        if (source.path().isEmpty()) {
            return Optional.of(SourceExcerpt.whole(source));
        }
        int[] lines = IntStream.concat(
                        findings.stream().mapToInt(f -> f.location().line()), suppressions.lines(source.displayName()))
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
     * The findings of a file as they are kept until the reports are written, with the strings most of them repeat
     * shared across the run: their JSON pointers and the apiVersion, kind and namespace of their objects,
     * otherwise copies read from each file.
     */
    private List<Finding> keep(List<Finding> findings) {
        Map<ObjectRef, ObjectRef> refs = new IdentityHashMap<>();
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<Location> related = f.related().isEmpty()
                    ? f.related()
                    : f.related().stream().map(l -> keep(l, refs)).toList();
            kept.add(new Finding(
                    f.ruleId(), f.severity(), keep(f.location(), refs), f.message(), related, f.suppression()));
        }
        return kept;
    }

    private Location keep(Location l, Map<ObjectRef, ObjectRef> refs) {
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

    private static String article(String jsonType) {
        return (jsonType.startsWith("a") || jsonType.startsWith("i") || jsonType.startsWith("o") ? "an " : "a ")
                + jsonType;
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
