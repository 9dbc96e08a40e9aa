package dev.kubelint.core.rule;

import static dev.kubelint.core.testing.TextAssertions.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.testing.NoCheckRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleDocsTest {

    @RuleInfo(
            id = "sample-rule",
            category = "ports",
            severity = Severity.WARNING,
            summary = "A sample finds something | odd",
            rationale = "It matters because of reasons that take a while to explain, so the text is long enough to be"
                    + " wrapped when it is printed in a terminal of a hundred columns.",
            remediation = "Change it.",
            kinds = {"Pod", "Deployment"})
    static final class SampleRule extends NoCheckRule {
        public static final RuleParam<Long> MAX = RuleParam.integer("max", 3, "How many are allowed.");
    }

    @RuleInfo(
            id = "quiet-rule",
            category = "metadata",
            severity = Severity.INFO,
            enabledByDefault = false,
            summary = "Another sample")
    static final class QuietRule extends NoCheckRule {}

    private final RuleDescriptor sample = RuleDescriptor.of(new SampleRule(), "tests");
    private final RuleDescriptor quiet = RuleDescriptor.of(new QuietRule(), "tests");
    private final RuleExamples examples = new RuleExamples(Optional.of("kind: Bad\n"), Optional.of("kind: Good\n"));

    @Test
    void exampleDropsMarkersAndFixtureHeader() {
        String fixture = """
                # fixture: kubernetes-version=1.30
                # fixture: param max=2
                # a comment that explains the example stays
                apiVersion: v1 # expect: sample-rule "first" sample-rule "second"
                kind: Pod
                metadata:
                  name: x   # expect: other "y"
                """;
        assertEquals(Optional.of("""
                # a comment that explains the example stays
                apiVersion: v1
                kind: Pod
                metadata:
                  name: x
                """), RuleExamples.example(fixture));
    }

    @Test
    void fixtureLinesAfterTheHeaderAreContent() {
        assertEquals(
                Optional.of("kind: Pod\n# fixture: not a header here\n"),
                RuleExamples.example("kind: Pod\n# fixture: not a header here\n"));
    }

    @Test
    void fixtureThatNeedsATestOnlyRuleGivesNoExample() {
        assertEquals(Optional.empty(), RuleExamples.example("# fixture: with-rule=a.B\nkind: Pod\n"));
        assertEquals(Optional.empty(), RuleExamples.example("# fixture: strict=false\n\n"));
    }

    @Test
    void aBadFixtureThatCannotBeShownHidesTheGoodOneToo() {
        assertEquals(
                RuleExamples.NONE,
                RuleExamples.of(Optional.of("# fixture: with-rule=a.B\nkind: Pod\n"), Optional.of("kind: Pod\n")));
        assertEquals(
                new RuleExamples(Optional.empty(), Optional.of("kind: Pod\n")),
                RuleExamples.of(Optional.empty(), Optional.of("kind: Pod\n")));
    }

    @Test
    void examplesComeFromAFolder(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("sample-rule"));
        Files.writeString(root.resolve("sample-rule/bad.yaml"), "kind: Pod # expect: sample-rule \"x\"\n");
        RuleExamples found = RuleExamples.fromFolder(root).examples("sample-rule");
        assertEquals(Optional.of("kind: Pod\n"), found.bad());
        assertEquals(Optional.empty(), found.good());
        assertEquals(RuleExamples.NONE, RuleExamples.fromFolder(root).examples("other-rule"));
    }

    @Test
    void pageHasEverySection() {
        String page = RuleDocs.markdownPage(sample, examples);
        assertTrue(
                page.startsWith(RuleDocs.GENERATED + "\n\n# sample-rule\n\nA sample finds something | odd.\n"), page);
        assertContainsAll(
                page,
                "| Severity | warning |",
                "| Enabled by default | yes |",
                "| Category | ports |",
                "| Kinds | Pod, Deployment |",
                "| Origin | tests |",
                "## Why\n\nIt matters because",
                "## How to fix\n\nChange it.\n",
                "| Name | Type | Default | Description |\n| --- | --- | --- | --- |\n"
                        + "| `max` | integer | `3` | How many are allowed. |\n",
                "Reported:\n\n```yaml\nkind: Bad\n```\n\nNot reported:\n\n```yaml\nkind: Good\n```\n");
    }

    @Test
    void pageWithoutParametersOrExamplesSaysSo() {
        String page = RuleDocs.markdownPage(quiet, RuleExamples.NONE);
        assertContainsAll(
                page, "| Enabled by default | no |", "| Kinds | any |", "This rule has no parameters.", "No examples:");
    }

    @Test
    void indexGroupsRulesByCategoryAndLinksTheirPages() {
        String index = RuleDocs.markdownIndex(List.of(sample, quiet));
        assertTrue(index.startsWith(RuleDocs.GENERATED), index);
        assertTrue(index.contains("2 rules."), index);
        int metadata = index.indexOf("## metadata");
        int ports = index.indexOf("## ports");
        assertTrue(metadata > 0 && ports > metadata, index);
        assertContainsAll(
                index,
                "| [quiet-rule](quiet-rule.md) | info | off | Another sample |",
                "| [sample-rule](sample-rule.md) | warning | on | A sample finds something \\| odd |");
    }

    @Test
    void markdownFilesAreTheIndexAndOnePagePerRule() {
        Map<String, String> files = RuleDocs.markdownFiles(List.of(quiet, sample), id -> RuleExamples.NONE);
        assertEquals(List.of("README.md", "quiet-rule.md", "sample-rule.md"), List.copyOf(files.keySet()));
    }

    @Test
    void textIsWrappedAndIndented() {
        String text = RuleDocs.text(sample, examples);
        assertTrue(text.startsWith("sample-rule (warning, on by default, category ports, from tests)\n\n"), text);
        assertTrue(text.contains("Why:\n  It matters because"), text);
        assertTrue(text.lines().allMatch(l -> l.length() <= 100), text);
        assertContainsAll(
                text,
                "Parameters:\n  max (integer, default 3)\n      How many are allowed.\n",
                "Reported:\n    kind: Bad\n",
                "Not reported:\n    kind: Good\n");
        assertFalse(RuleDocs.text(quiet, RuleExamples.NONE).contains("Reported:"));
    }
}
