package dev.kubelint.core.engine;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.finding.Suppression;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.input.CoreRule;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.JsonText;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Applies suppression annotations ({@code ignore.kubelint.dev/<rule-id>: "<reason>"}) and line comments
 * ({@code # kubelint-ignore: <rule-id>[,<rule-id>] -- <reason>}, on the finding's line or on its own line
 * directly above it) to the findings of a run.
 *
 * <p>A suppressed finding stays in the result with its suppression. A suppression without a reason is ignored
 * and reported ({@code suppression-without-reason}); one that matched nothing is reported at the end of the run
 * ({@code unused-suppression}), after the cross-object findings, which it may suppress too. For that, each file
 * with suppressions keeps a small list of them (rule id, reason, place) until the end of the run; files without
 * suppressions keep nothing.
 */
final class Suppressions {

    static final String ANNOTATION_PREFIX = "ignore.kubelint.dev/";
    static final String WITHOUT_REASON = CoreRule.SUPPRESSION_WITHOUT_REASON.id();
    static final String UNUSED = CoreRule.UNUSED_SUPPRESSION.id();

    private static final String MARKER = "kubelint-ignore";
    private static final Pattern COMMENT = Pattern.compile("(?:^|\\s)(#\\s*" + MARKER + "\\b)(.*)$");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final String COMMENT_FORM = "# kubelint-ignore: <rule-id>[,<rule-id>] -- <reason>";

    private final boolean enabled;
    private final Function<String, Optional<Severity>> activeSeverity;
    private final Predicate<String> knownRule;
    private final Map<String, List<Entry>> byFile = new ConcurrentHashMap<>();

    /**
     * @param enabled        whether suppressions apply at all ({@code --no-suppressions} turns them off)
     * @param activeSeverity the severity of an enabled rule, empty when the rule is off
     * @param knownRule      whether a rule id exists, for messages about misspelt ids
     */
    Suppressions(boolean enabled, Function<String, Optional<Severity>> activeSeverity, Predicate<String> knownRule) {
        this.enabled = enabled;
        this.activeSeverity = activeSeverity;
        this.knownRule = knownRule;
    }

    /** One suppression of one rule: covers the findings of an object, or those starting on one line. */
    private static final class Entry {
        final String ruleId;
        final Suppression suppression;
        final int documentIndex;
        final String pointer;
        final int line;
        volatile boolean used;

        private Entry(String ruleId, Suppression suppression, int documentIndex, String pointer, int line) {
            this.ruleId = ruleId;
            this.suppression = suppression;
            this.documentIndex = documentIndex;
            this.pointer = pointer;
            this.line = line;
        }

        static Entry forObject(String ruleId, Suppression s, Manifest m) {
            return new Entry(ruleId, s, m.documentIndex(), m.root().pointer(), -1);
        }

        static Entry forLine(String ruleId, Suppression s, int line) {
            return new Entry(ruleId, s, -1, "", line);
        }

        boolean covers(Finding f) {
            if (!f.ruleId().equals(ruleId)) {
                return false;
            }
            if (line >= 0) {
                return f.location().line() == line;
            }
            String p = f.location().jsonPointer();
            return f.location().documentIndex() == documentIndex
                    && (pointer.isEmpty() || p.equals(pointer) || p.startsWith(pointer + "/"));
        }
    }

    /**
     * Applies the suppressions of one file to its findings; returns them (suppressed ones marked) plus findings
     * about unreadable suppressions.
     *
     * @param checked objects that were checked
     * @param skipped objects left out by the object filter: their suppressions are not read, so they are
     *                never reported as unused
     */
    List<Finding> apply(
            SourceFile source,
            List<YamlDocument> documents,
            List<Manifest> checked,
            List<Manifest> skipped,
            List<Finding> findings) {
        if (!enabled) {
            return findings;
        }
        List<Finding> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        comments(source, documents, checked, skipped, entries, problems);
        for (Manifest m : checked) {
            annotations(source, m, entries, problems);
        }
        List<Finding> result = new ArrayList<>(findings.size() + problems.size());
        for (Finding f : findings) {
            result.add(suppress(f, entries));
        }
        result.addAll(problems);
        if (!entries.isEmpty()) {
            byFile.put(source.displayName(), List.copyOf(entries));
        }
        return result;
    }

    /** The lines a file's suppressions are on: an unused one is reported there at the end of the run. */
    IntStream lines(String file) {
        return byFile.getOrDefault(file, List.of()).stream()
                .mapToInt(e -> e.suppression.location().line());
    }

    /** Applies the kept suppressions to the cross-object findings, then reports every unused suppression. */
    List<Finding> applyCrossObject(List<Finding> findings) {
        if (!enabled) {
            return findings;
        }
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            List<Entry> entries = byFile.get(f.location().file());
            result.add(entries == null ? f : suppress(f, entries));
        }
        Optional<Severity> severity = activeSeverity.apply(UNUSED);
        if (severity.isPresent()) {
            for (List<Entry> entries : new TreeMap<>(byFile).values()) {
                for (Entry e : entries) {
                    if (!e.used) {
                        result.add(new Finding(
                                UNUSED,
                                severity.get(),
                                e.suppression.location(),
                                unusedMessage(e),
                                List.of(),
                                Optional.empty()));
                    }
                }
            }
        }
        return result;
    }

    private Finding suppress(Finding f, List<Entry> entries) {
        if (f.isSuppressed() || f.ruleId().equals(UNUSED) || f.ruleId().equals(WITHOUT_REASON)) {
            return f;
        }
        Finding result = f;
        for (Entry e : entries) {
            if (e.covers(f)) {
                // every suppression that covers the finding counts as used, the first one is recorded
                e.used = true;
                if (!result.isSuppressed()) {
                    result = f.suppressedBy(e.suppression);
                }
            }
        }
        return result;
    }

    private String unusedMessage(Entry e) {
        String what = e.suppression.kind() == Suppression.Kind.ANNOTATION
                ? "suppression annotation"
                : "kubelint-ignore comment";
        if (!knownRule.test(e.ruleId)) {
            return what + " names " + JsonText.quote(e.ruleId) + ", which is no rule: it suppresses nothing";
        }
        if (e.suppression.kind() == Suppression.Kind.COMMENT && e.line < 0) {
            return what + " for " + e.ruleId + " has no line below it to apply to";
        }
        return what + " for " + e.ruleId + " matched no finding"
                + (activeSeverity.apply(e.ruleId).isEmpty() ? " (the rule is off)" : "") + ": remove it";
    }

    // ---- annotations

    private void annotations(SourceFile source, Manifest m, List<Entry> entries, List<Finding> problems) {
        Optional<MappingNode> annotations = m.metadata().flatMap(meta -> meta.mapping("annotations"));
        if (annotations.isEmpty()) {
            return;
        }
        for (MappingNode.Entry a : annotations.get().entries()) {
            if (!a.key().startsWith(ANNOTATION_PREFIX)) {
                continue;
            }
            String ruleId = a.key().substring(ANNOTATION_PREFIX.length());
            String reason = a.value() instanceof ScalarNode s ? s.asText().trim() : "";
            Location at = new Location(
                    source.displayName(),
                    m.documentIndex(),
                    a.keySpan(),
                    JsonPointers.child(annotations.get().pointer(), a.key()),
                    m.ref());
            if (reason.isEmpty()) {
                problem(
                        problems,
                        at,
                        "suppression annotation " + a.key() + " gives no reason, so it is ignored: write " + a.key()
                                + ": \"<why the finding does not apply>\"");
                continue;
            }
            entries.add(Entry.forObject(ruleId, new Suppression(Suppression.Kind.ANNOTATION, reason, at), m));
        }
    }

    // ---- comments

    private void comments(
            SourceFile source,
            List<YamlDocument> documents,
            List<Manifest> checked,
            List<Manifest> skipped,
            List<Entry> entries,
            List<Finding> problems) {
        if (!source.text().contains(MARKER)) {
            return;
        }
        List<Candidate> candidates = candidates(source);
        if (candidates.isEmpty()) {
            return;
        }
        List<Span> scalars = multiCharacterScalars(documents, candidates);
        for (Candidate c : candidates) {
            if (scalars.stream().anyMatch(s -> inside(c.at, s))) {
                continue; // the text is inside a string value (a manifest embedded in a ConfigMap, say)
            }
            int target = c.ownLine ? lineBelow(source, c.at.line()) : c.at.line();
            int lookup = target > 0 ? target : c.at.line();
            if (containing(skipped, lookup).isPresent()) {
                continue;
            }
            Optional<Manifest> object = containing(checked, lookup);
            Location at = new Location(
                    source.displayName(),
                    object.map(Manifest::documentIndex).orElse(documentAt(documents, c.at.line())),
                    new Span(c.at, new Position(c.at.line(), c.endColumn)),
                    "",
                    object.map(Manifest::ref).orElse(ObjectRef.NONE));
            read(c, target, at, entries, problems);
        }
    }

    /** A comment that looks like a suppression: where its {@code #} is and what follows the marker. */
    private record Candidate(Position at, int endColumn, boolean ownLine, String body) {}

    private static List<Candidate> candidates(SourceFile source) {
        List<Candidate> result = new ArrayList<>();
        for (int n = 1; n <= source.lineCount(); n++) {
            String line = source.line(n);
            if (!line.contains(MARKER)) {
                continue;
            }
            Matcher m = COMMENT.matcher(line);
            if (m.find()) {
                int hash = m.start(1);
                result.add(new Candidate(
                        new Position(n, line.codePointCount(0, hash) + 1),
                        line.codePointCount(0, line.length()) + 1,
                        line.substring(0, hash).isBlank(),
                        m.group(2)));
            }
        }
        return result;
    }

    private void read(Candidate c, int target, Location at, List<Entry> entries, List<Finding> problems) {
        String body = c.body.trim();
        if (!body.startsWith(":")) {
            problem(problems, at, "cannot read this kubelint-ignore comment: write " + COMMENT_FORM);
            return;
        }
        body = body.substring(1);
        int dashes = body.indexOf("--");
        String ids = dashes < 0 ? body : body.substring(0, dashes);
        String reason = dashes < 0 ? "" : body.substring(dashes + 2).trim();
        List<String> ruleIds = new ArrayList<>();
        for (String id : ids.split(",")) {
            if (!id.isBlank()) {
                ruleIds.add(id.trim());
            }
        }
        if (ruleIds.isEmpty()
                || ruleIds.stream().anyMatch(id -> !RULE_ID.matcher(id).matches())) {
            problem(problems, at, "cannot read the rule ids of this kubelint-ignore comment: write " + COMMENT_FORM);
            return;
        }
        if (reason.isEmpty()) {
            problem(
                    problems,
                    at,
                    "kubelint-ignore comment for " + String.join(", ", ruleIds)
                            + " gives no reason, so it is ignored: add -- <why the finding does not apply>");
            return;
        }
        for (String id : ruleIds) {
            entries.add(Entry.forLine(id, new Suppression(Suppression.Kind.COMMENT, reason, at), target));
        }
    }

    /** The line a comment on a line of its own applies to: the next line that is not itself only a comment. */
    private static int lineBelow(SourceFile source, int commentLine) {
        for (int n = commentLine + 1; n <= source.lineCount(); n++) {
            String text = source.line(n).trim();
            if (text.isEmpty()) {
                return -1;
            }
            if (!text.startsWith("#")) {
                return n;
            }
        }
        return -1;
    }

    private static Optional<Manifest> containing(List<Manifest> manifests, int line) {
        Manifest best = null;
        for (Manifest m : manifests) {
            Span s = m.root().span();
            if (s.start().line() <= line
                    && line <= s.end().line()
                    && (best == null
                            || best.root().pointer().length()
                                    < m.root().pointer().length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int documentAt(List<YamlDocument> documents, int line) {
        for (YamlDocument d : documents) {
            if (d.span().start().line() <= line && line <= d.span().end().line()) {
                return d.index();
            }
        }
        return 0;
    }

    /** Spans of the scalars that could hold the text of a candidate comment. */
    private static List<Span> multiCharacterScalars(List<YamlDocument> documents, List<Candidate> candidates) {
        List<Span> result = new ArrayList<>();
        Deque<YamlNode> stack = new ArrayDeque<>();
        documents.forEach(d -> d.root().ifPresent(stack::push));
        while (!stack.isEmpty()) {
            YamlNode node = stack.pop();
            if (node instanceof MappingNode m) {
                m.entries().forEach(e -> stack.push(e.value()));
            } else if (node instanceof SequenceNode s) {
                s.items().forEach(stack::push);
            } else if (candidates.stream().anyMatch(c -> inside(c.at, node.span()))) {
                result.add(node.span());
            }
        }
        return result;
    }

    private static boolean inside(Position p, Span s) {
        return s.start().compareTo(p) <= 0 && p.compareTo(s.end()) < 0;
    }

    private void problem(List<Finding> sink, Location at, String message) {
        activeSeverity
                .apply(WITHOUT_REASON)
                .ifPresent(severity ->
                        sink.add(new Finding(WITHOUT_REASON, severity, at, message, List.of(), Optional.empty())));
    }
}
