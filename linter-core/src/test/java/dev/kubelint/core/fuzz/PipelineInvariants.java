package dev.kubelint.core.fuzz;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.input.CoreRule;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ReadProblem;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What must hold for any input bytes at all, checked by the fuzz tests: reading never throws, every position lies
 * inside the text, every node can be found again by its pointer, reading is repeatable, and the engine reports
 * every problem of the reader on the input it came from.
 */
final class PipelineInvariants {

    /** Small limits, so that short fuzzed inputs reach every limit. */
    static final ReadLimits SMALL_LIMITS = new ReadLimits(2048, 16, 24, 256, 512);

    private static final RuleCatalog CORE_RULES = RuleCatalog.of(CoreRule.descriptors());
    private static final Set<String> CORE_IDS =
            CORE_RULES.all().stream().map(RuleDescriptor::id).collect(Collectors.toUnmodifiableSet());
    private static final SourceScanner.Input STDIN =
            new SourceScanner.Input(java.util.Optional.empty(), SourceFile.STDIN);

    private PipelineInvariants() {}

    /** bytes -> SourceLoader.decode -> YamlReader, then the same bytes through the whole engine. */
    static void check(byte[] bytes, ReadLimits limits) {
        SourceLoader.Loaded loaded = SourceLoader.decode(STDIN, bytes);
        if (loaded.source().isPresent()) {
            checkReader(loaded.source().get().text(), limits);
        } else {
            ReadProblem p = loaded.problem().orElseThrow(() -> new AssertionError("neither a source nor a problem"));
            checkSpan(p.span(), "decoding problem " + p.message(), Integer.MAX_VALUE);
        }
        checkEngine(bytes, limits, loaded);
    }

    static void checkReader(String text, ReadLimits limits) {
        YamlReader reader = new YamlReader(limits);
        ReadResult first = reader.read("fuzz.yaml", text);
        int lines = SourceFile.of("fuzz.yaml", text).lineCount();
        for (ReadProblem p : first.problems()) {
            checkSpan(p.span(), p.kind() + " " + p.message(), lines);
            p.related().forEach(r -> checkSpan(r, "related span of " + p.message(), lines));
            if (p.message().isBlank()) {
                throw new AssertionError("a problem without a message: " + p);
            }
        }
        int previousIndex = -1;
        for (YamlDocument doc : first.documents()) {
            if (doc.index() <= previousIndex) {
                throw new AssertionError("document indexes not increasing: " + doc.index() + " after " + previousIndex);
            }
            previousIndex = doc.index();
            doc.root().ifPresent(root -> checkTree(root, root, lines));
        }
        ReadResult second = reader.read("fuzz.yaml", text);
        if (!first.problems().equals(second.problems())
                || first.documents().size() != second.documents().size()) {
            throw new AssertionError("reading the same text twice gave different results:\n" + first.problems() + "\n"
                    + second.problems());
        }
    }

    private static void checkTree(YamlNode root, YamlNode node, int lines) {
        // an explicit loop keeps deep trees from overflowing the fuzzer's stack
        List<YamlNode> pending = new ArrayList<>();
        pending.add(node);
        while (!pending.isEmpty()) {
            YamlNode n = pending.remove(pending.size() - 1);
            checkSpan(n.span(), "node at " + n.pointer(), lines);
            YamlNode found = root.at(n.pointer())
                    .orElseThrow(
                            () -> new AssertionError("node at " + n.pointer() + " cannot be found by its pointer"));
            if (!found.pointer().equals(n.pointer())) {
                throw new AssertionError("pointer " + n.pointer() + " leads to a node that says " + found.pointer());
            }
            if (n instanceof MappingNode m) {
                for (MappingNode.Entry e : m.entries()) {
                    checkSpan(e.keySpan(), "key " + e.key() + " at " + m.pointer(), lines);
                    pending.add(e.value());
                }
            } else if (n instanceof SequenceNode s) {
                pending.addAll(s.items());
            }
        }
    }

    private static void checkSpan(Span span, String what, int lines) {
        Position start = span.start();
        Position end = span.end();
        if (start.line() < 1 || start.column() < 1 || end.line() < 1 || end.column() < 1) {
            throw new AssertionError(what + ": position before the start of the text: " + span);
        }
        if (start.compareTo(end) > 0) {
            throw new AssertionError(what + ": span ends before it starts: " + span);
        }
        // a position may point just past the last line (the end of the stream)
        if (end.line() > (long) lines + 1) {
            throw new AssertionError(
                    what + ": line " + end.line() + " is past the end of a text of " + lines + " lines");
        }
    }

    private static void checkEngine(byte[] bytes, ReadLimits limits, SourceLoader.Loaded loaded) {
        LintRequest request = LintRequest.of(List.of("-"), Path.of("").toAbsolutePath(), CORE_RULES)
                .withStdin(new ByteArrayInputStream(bytes))
                .withLimits(limits)
                .withJobs(1);
        LintResult result;
        try {
            result = new Linter().lint(request);
        } catch (Linter.InputException e) {
            throw new AssertionError("standard input was refused: " + e.getMessage(), e);
        }
        if (result.fileCount() != 1) {
            throw new AssertionError("expected one file in the result, got " + result.files());
        }
        int lines = loaded.source().map(SourceFile::lineCount).orElse(Integer.MAX_VALUE);
        for (Finding f : result.findings()) {
            if (!CORE_IDS.contains(f.ruleId()) || f.ruleId().equals("rule-failure")) {
                throw new AssertionError("unexpected finding: " + f);
            }
            if (!f.location().file().equals(SourceFile.STDIN)) {
                throw new AssertionError("finding on another file: " + f);
            }
            checkSpan(f.location().span(), "finding " + f.ruleId() + " " + f.message(), lines);
        }
        if (loaded.problem().isPresent() && result.findings().isEmpty()) {
            throw new AssertionError(
                    "an undecodable input gave no finding: " + loaded.problem().get());
        }
    }
}
