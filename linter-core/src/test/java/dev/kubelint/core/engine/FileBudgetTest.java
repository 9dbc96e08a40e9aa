package dev.kubelint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.input.CoreRule;
import dev.kubelint.core.yaml.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budgets of one file: nodes built (parsed or copied), documents given up over a limit, findings kept per
 * rule. Each stops a file that stays under every per-document limit from costing without bound.
 */
class FileBudgetTest {

    private static final RuleCatalog CORE = RuleCatalog.of(CoreRule.descriptors());

    @TempDir
    Path dir;

    private List<Finding> lint(String text) throws Exception {
        Files.writeString(dir.resolve("input.yaml"), text, StandardCharsets.UTF_8);
        return new Linter()
                .lint(LintRequest.of(List.of("input.yaml"), dir, CORE).withJobs(1))
                .findings();
    }

    /** A document whose aliases copy 90,107 nodes, just under the default alias budget of 100,000. */
    static String justUnderTheAliasBudget() {
        return "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d]\n";
    }

    @Test
    void documentsEachJustUnderTheAliasBudgetStopAtTheFileBudget() throws Exception {
        assertEquals(List.of(), lint(justUnderTheAliasBudget()), "one such document is fine");
        List<Finding> findings = lint(("---\n" + justUnderTheAliasBudget()).repeat(200));
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals("input-limit", f.ruleId());
        assertTrue(f.message().contains("more than 1000000 nodes"), f.message());
        assertTrue(f.message().contains("max-alias-nodes"), "says how to raise it: " + f.message());
        // the twelfth document passes the budget of a million nodes (eleven of them build 90,170 each)
        assertEquals(11, f.location().documentIndex(), f.toString());
    }

    @Test
    void afterAHundredDocumentsOverALimitTheRestOfTheFileIsNotRead() throws Exception {
        String deep = "---\na: " + "[".repeat(300) + "]".repeat(300) + "\n";
        List<Finding> findings = lint(deep.repeat(150));
        assertEquals(102, findings.size());
        assertEquals(
                101,
                findings.stream().filter(f -> f.message().contains("max-depth")).count());
        Finding last = findings.stream()
                .filter(f -> f.message().contains("more than 100 documents of this file are" + " over a limit"))
                .findFirst()
                .orElseThrow();
        assertEquals(101 * 2, last.location().line(), "in the 101st document");
    }

    @Test
    void atMostAThousandFindingsOfARulePerFileAndOneThatCountsTheRest() throws Exception {
        StringBuilder text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n");
        for (int i = 0; i < 1500; i++) {
            text.append("  k: v\n");
        }
        List<Finding> findings = lint(text.toString());
        assertEquals(1000, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.ruleId().equals("duplicate-key")));
        Finding summary = findings.get(999);
        assertTrue(summary.message().startsWith("and 500 more such problems in this file"), summary.message());
        assertEquals(5 + 1001, summary.location().line(), "at the first one not listed");
    }

    @Test
    void theEngineKeepsAThousandFindingsOfARulePerFileAndCutsHugeMessages() {
        FileFindings findings = new FileFindings();
        dev.kubelint.core.finding.Location at = new dev.kubelint.core.finding.Location(
                "f.yaml", 0, dev.kubelint.core.yaml.Span.START, "", dev.kubelint.core.finding.ObjectRef.NONE);
        String huge = "x".repeat(100_000);
        for (int i = 0; i < 3000; i++) {
            findings.add(new Finding(
                    "label-value",
                    dev.kubelint.core.finding.Severity.ERROR,
                    at,
                    "value \"" + huge + "\"",
                    List.of(),
                    java.util.Optional.empty()));
        }
        List<Finding> kept = findings.withSummaries();
        assertEquals(1001, kept.size());
        assertTrue(
                kept.subList(0, 1000).stream()
                        .allMatch(
                                f -> f.message().length() < 4200 && f.message().endsWith("more characters)")),
                kept.get(0).message().substring(3900));
        assertEquals(
                "and 2000 more findings of label-value in this file, not listed: at most 1000 of each rule are"
                        + " kept per file (the first one not listed is here)",
                kept.get(1000).message());
    }

    @Test
    void theFileBudgetGrowsWithTheAliasLimit() {
        ReadLimits raised = ReadLimits.DEFAULTS.with(ReadLimits.Limit.ALIAS_NODES, 1_000_000);
        List<String> problems = new dev.kubelint.core.yaml.YamlReader(raised)
                .read("x.yaml", ("---\n" + justUnderTheAliasBudget()).repeat(12)).problems().stream()
                        .map(p -> p.message())
                        .toList();
        assertEquals(List.of(), problems, "twelve documents of 90,000 copies fit ten million nodes");
    }
}
