package dev.kubelint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.testing.NoCheckRule;
import dev.kubelint.core.testing.TestRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCheckerTest {

    @TempDir
    Path dir;

    /** Remembers the names of the objects its cross-object state observes. */
    @RuleInfo(id = "names-seen", category = "test", severity = Severity.INFO, summary = "Observes names")
    static final class NamesSeenRule extends NoCheckRule {
        final List<String> observed = new ArrayList<>();

        @Override
        public Optional<CrossObjectCheck> newCrossObjectCheck() {
            return Optional.of(new CrossObjectCheck() {
                @Override
                public void observe(Manifest manifest, RuleContext ctx) {
                    observed.add(manifest.name());
                }

                @Override
                public void finish(RuleContext ctx) {}
            });
        }
    }

    private static FileChecker checker(LintRequest request) {
        ActiveRules rules = new ActiveRules(request);
        return new FileChecker(
                request,
                rules,
                new Suppressions(request.useSuppressions(), rules::severity, request.catalog()::contains));
    }

    private LintRequest request(RuleDescriptor... rules) {
        return LintRequest.of(List.of("."), dir, TestRules.coreWith(rules));
    }

    private static FileChecker.Outcome check(FileChecker checker, String name, String text) {
        return checker.check(
                new SourceScanner.Input(Optional.empty(), name), new SourceFile(Optional.empty(), name, text));
    }

    private static List<String> described(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.ruleId() + "@" + f.location().line() + ": " + f.message())
                .toList();
    }

    @Test
    void aFailingRuleBecomesAFindingOnItsObjectAndTheOtherRulesRunOn() {
        FileChecker checker = checker(request(TestRules.alwaysFails(), TestRules.kindEcho()));
        FileChecker.Outcome outcome = check(
                checker,
                "two.yaml",
                "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Service\n"
                        + "metadata: {name: b}\n");
        List<String> findings = described(outcome.findings());
        assertEquals(4, findings.size(), findings.toString());
        assertTrue(
                findings.contains("rule-failure@1: rule always-fails failed on Pod a: IllegalStateException (boom);"
                        + " the other rules ran normally (run with --debug for the stack trace)"),
                findings.toString());
        assertTrue(findings.contains("kind-echo@2: kind Pod named a"), findings.toString());
        assertTrue(
                findings.stream().anyMatch(f -> f.startsWith("rule-failure@5: rule always-fails failed on Service b")));
        assertTrue(findings.contains("kind-echo@6: kind Service named b"), findings.toString());
        assertEquals(2, outcome.summary().objectCount());
        assertEquals(2, checker.objectsChecked());
    }

    @Test
    void withDebugAFailingRulesFindingCarriesTheStackTrace() {
        FileChecker checker = checker(request(TestRules.alwaysFails()).withDebug(true));
        String message = check(checker, "a.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n")
                .findings()
                .get(0)
                .message();
        assertTrue(message.startsWith("rule always-fails failed on Pod a: IllegalStateException (boom);"), message);
        assertTrue(message.contains("at dev.kubelint"), message);
        assertTrue(!message.contains("run with --debug"), message);
    }

    @Test
    void aRuleIsHandedOnlyObjectsOfItsKindsWhileCrossObjectChecksSeeThemAll() {
        NamesSeenRule names = new NamesSeenRule();
        FileChecker checker = checker(request(
                TestRules.rule("kind-echo", Severity.INFO, TestRules.kindEcho().rule(), "ConfigMap", "Secret"),
                TestRules.rule("names-seen", Severity.INFO, names, "Pod")));
        FileChecker.Outcome outcome = check(
                checker,
                "mixed.yaml",
                "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\n"
                        + "metadata: {name: b}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: c}\n");
        assertEquals(List.of("kind-echo@6: kind ConfigMap named b"), described(outcome.findings()));
        assertEquals(List.of("a", "b", "c"), names.observed);
    }

    @Test
    void theItemsOfAListAreObjectsAndWhatIsNoObjectIsAFinding() {
        NamesSeenRule names = new NamesSeenRule();
        FileChecker checker = checker(request(RuleDescriptor.of(names, "test")));
        FileChecker.Outcome outcome = check(
                checker,
                "list.yaml",
                "apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Pod, metadata: {name: a}}\n"
                        + "  - just a string\n  - {apiVersion: v1, kind: Pod, metadata: {name: b}}\n---\n- not\n- a map\n");
        assertEquals(List.of("a", "b"), names.observed, "the cross-object state sees each item");
        assertEquals(
                List.of(
                        "not-an-object@5: a List item is a string, not a Kubernetes object",
                        "not-an-object@8: the document is an array, not a Kubernetes object: kubectl expects a"
                                + " mapping with apiVersion and kind"),
                described(outcome.findings()));
        assertEquals(2, outcome.summary().objectCount());
        assertEquals(
                List.of("Pod a", "Pod b"),
                outcome.summary().objects().stream()
                        .map(o -> o.object().describe())
                        .toList());
    }

    @Test
    void aFallbackFindingGivesWayToAnErrorOnTheSameNode() {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n";
        FileChecker both = checker(request(TestRules.kindFallback(), TestRules.kindDedicated()));
        assertEquals(
                List.of("kind-dedicated@2: the precise explanation", "kind-fallback@3: generic problem with metadata"),
                described(check(both, "a.yaml", pod).findings()));
        FileChecker alone = checker(request(TestRules.kindFallback()));
        assertEquals(
                List.of("kind-fallback@2: generic problem with kind", "kind-fallback@3: generic problem with metadata"),
                described(check(alone, "a.yaml", pod).findings()),
                "without a dedicated finding the fallback stays");
    }

    @Test
    void aFileFoundInAFolderThatIsNoManifestIsLeftOutWithItsReason() throws Exception {
        Files.writeString(dir.resolve("values.yaml"), "replicas: 3\nimage: web\n");
        FileChecker.Outcome outcome = checker(request())
                .check(new SourceScanner.Input(
                        Optional.of(dir.resolve("values.yaml")), "values.yaml", Optional.empty()));
        assertTrue(outcome.notManifest().isPresent());
        assertEquals("values.yaml", outcome.notManifest().get().file());
        assertEquals(List.of(), outcome.findings());
    }

    @Test
    void aFileThatCannotBeReadIsAFindingNotAnException() {
        FileChecker.Outcome outcome = checker(request())
                .check(new SourceScanner.Input(Optional.of(dir.resolve("missing.yaml")), "missing.yaml"));
        assertEquals(
                List.of("unreadable-file"),
                outcome.findings().stream().map(Finding::ruleId).toList());
        assertEquals(0, outcome.summary().objectCount());
    }

    @Test
    void sourceLinesAreKeptOnlyWhenAReportShowsThem() {
        String text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n";
        Path file = dir.resolve("pod.yaml");
        SourceFile source = new SourceFile(Optional.of(file), "pod.yaml", text);
        SourceScanner.Input input = new SourceScanner.Input(Optional.of(file), "pod.yaml");
        LintRequest request = request(TestRules.kindEcho());
        assertTrue(checker(request).check(input, source).source().isPresent());
        assertTrue(checker(request.withSourceLines(false))
                .check(input, source)
                .source()
                .isEmpty());
    }
}
