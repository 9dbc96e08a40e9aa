package dev.kubelint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.finding.Suppression;
import dev.kubelint.core.report.JsonReporter;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.TextReporter;
import dev.kubelint.core.testing.LatestTagRule;
import dev.kubelint.core.testing.TestCatalog;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuppressionsTest {

    @TempDir
    Path dir;

    private LintResult lint(String text) throws Exception {
        return lint(text, true);
    }

    private LintResult lint(String text, boolean useSuppressions) throws Exception {
        Files.writeString(dir.resolve("m.yaml"), text);
        LintRequest request = LintRequest.of(List.of("m.yaml"), dir, TestCatalog.get())
                .withJobs(1)
                .withUseSuppressions(useSuppressions);
        return new Linter().lint(request);
    }

    /** The first suppressed finding's suppression: its kind, its reason and where it is written. */
    private static void assertFirstSuppression(
            LintResult result, Suppression.Kind kind, String reason, int line, int column) {
        Suppression s = result.suppressed().get(0).suppression().orElseThrow();
        assertEquals(kind, s.kind());
        assertEquals(reason, s.reason());
        assertEquals(line, s.location().line());
        assertEquals(column, s.location().column());
    }

    /** The sample Pod with one annotation (on line 6). */
    private static String annotated(String annotation) {
        return LatestTagRule.POD.replace("  name: web\n", "  name: web\n  annotations:\n    " + annotation + "\n");
    }

    /** "rule@line" of each finding, in order. */
    private static String summary(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.ruleId() + "@" + f.location().line())
                .collect(Collectors.joining(" "));
    }

    @Test
    void withoutSuppressionsBothImagesAreReported() throws Exception {
        LintResult result = lint(LatestTagRule.POD);
        assertEquals("latest-tag@8 latest-tag@10", summary(result.findings()));
        assertTrue(result.suppressed().isEmpty());
    }

    @Test
    void anAnnotationSuppressesTheRuleForItsObjectAndKeepsTheReason() throws Exception {
        LintResult result = lint(annotated("ignore.kubelint.dev/latest-tag: \"the demo image follows upstream\""));
        assertEquals("", summary(result.findings()));
        assertEquals("latest-tag@10 latest-tag@12", summary(result.suppressed()));
        assertFirstSuppression(result, Suppression.Kind.ANNOTATION, "the demo image follows upstream", 6, 5);
    }

    @Test
    void anAnnotationCoversOnlyItsOwnObject() throws Exception {
        String other = LatestTagRule.POD.replace("name: web", "name: other");
        LintResult result = lint(LatestTagRule.POD.replace("  name: web\n", """
                  name: web
                  annotations: {ignore.kubelint.dev/latest-tag: "pinned by digest upstream"}
                """) + "---\n" + other);
        assertEquals("latest-tag@20 latest-tag@22", summary(result.findings()));
        assertEquals(2, result.suppressed().size());
    }

    @Test
    void aTrailingCommentSuppressesTheFindingsOfItsLine() throws Exception {
        LintResult result = lint(LatestTagRule.POD.replace(
                "image: nginx:latest", "image: nginx:latest  # kubelint-ignore: latest-tag -- built nightly"));
        assertEquals("latest-tag@10", summary(result.findings()));
        assertEquals("latest-tag@8", summary(result.suppressed()));
        assertFirstSuppression(result, Suppression.Kind.COMMENT, "built nightly", 8, 28);
    }

    @Test
    void aCommentOnItsOwnLineSuppressesTheLineBelow() throws Exception {
        LintResult result = lint(LatestTagRule.POD.replace("      image: redis\n", """
                      # kubelint-ignore: unique-name, latest-tag -- redis follows its own release train
                      # (another comment between is fine)
                      image: redis
                """));
        assertEquals("latest-tag@8 unused-suppression@10", summary(result.findings()), result.findings()::toString);
        assertEquals("latest-tag@12", summary(result.suppressed()));
        Finding unused = result.findings().get(1);
        assertEquals(Severity.WARNING, unused.severity());
        assertEquals("kubelint-ignore comment for unique-name matched no finding: remove it", unused.message());
    }

    /** How kubelint reads a suppression comment, as the findings about a comment it cannot read say. */
    private static final String COMMENT_FORM = "write # kubelint-ignore: <rule-id>[,<rule-id>] -- <reason>";

    /** Suppressions that cannot apply: the findings they name stay, and each is reported where it is written. */
    static Stream<Arguments> suppressionsThatCannotApply() {
        return Stream.of(
                Arguments.of(
                        "an annotation and a comment without a reason",
                        annotated("ignore.kubelint.dev/latest-tag: \"\"")
                                .replace("image: redis", "image: redis # kubelint-ignore: latest-tag"),
                        "suppression-without-reason@6 latest-tag@10 latest-tag@12 suppression-without-reason@12",
                        List.of(
                                "suppression annotation ignore.kubelint.dev/latest-tag gives no reason, so it is ignored:"
                                        + " write ignore.kubelint.dev/latest-tag: \"<why the finding does not apply>\"",
                                "kubelint-ignore comment for latest-tag gives no reason, so it is ignored:"
                                        + " add -- <why the finding does not apply>")),
                Arguments.of(
                        "comments that cannot be read",
                        LatestTagRule.POD
                                .replace("image: redis", "image: redis # kubelint-ignore latest-tag -- why")
                                .replace(
                                        "image: nginx:latest",
                                        "image: nginx:latest # kubelint-ignore: Latest_Tag -- why"),
                        "latest-tag@8 suppression-without-reason@8 latest-tag@10 suppression-without-reason@10",
                        List.of(
                                "cannot read the rule ids of this kubelint-ignore comment: " + COMMENT_FORM,
                                "cannot read this kubelint-ignore comment: " + COMMENT_FORM)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suppressionsThatCannotApply")
    void aSuppressionThatCannotApplyIsIgnoredAndReported(
            String name, String manifest, String expected, List<String> problems) throws Exception {
        LintResult result = lint(manifest);
        assertEquals(expected, summary(result.findings()));
        assertEquals(
                problems,
                result.findings().stream()
                        .filter(f -> f.ruleId().equals("suppression-without-reason"))
                        .map(Finding::message)
                        .toList());
    }

    @Test
    void aSuppressionOfAnUnknownRuleIsReportedAsUnused() throws Exception {
        LintResult result = lint(annotated("ignore.kubelint.dev/latest-tags: \"typo\""));
        Finding unused = result.findings().stream()
                .filter(f -> f.ruleId().equals("unused-suppression"))
                .findFirst()
                .orElseThrow();
        assertEquals(6, unused.location().line());
        assertEquals(
                "suppression annotation names \"latest-tags\", which is no rule: it suppresses nothing",
                unused.message());
    }

    @Test
    void crossObjectFindingsAreSuppressibleToo() throws Exception {
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";
        LintResult plain = lint(cm + "---\n" + cm);
        assertEquals("unique-name@9", summary(plain.findings()));
        LintResult byComment = lint(cm + "---\n"
                + cm.replace(
                        "name: settings",
                        "name: settings # kubelint-ignore: unique-name -- the second copy is patched in by kustomize"));
        assertEquals("", summary(byComment.findings()));
        assertEquals("unique-name@9", summary(byComment.suppressed()));
        LintResult byAnnotation =
                lint(cm + "---\n" + cm + "  annotations: {ignore.kubelint.dev/unique-name: \"kustomize patch\"}\n");
        assertEquals("", summary(byAnnotation.findings()));
        assertEquals(
                "kustomize patch",
                byAnnotation.suppressed().get(0).suppression().orElseThrow().reason());
    }

    @Test
    void noSuppressionsIgnoresThemAll() throws Exception {
        LintResult result = lint(
                LatestTagRule.POD
                        .replace("image: redis", "image: redis # kubelint-ignore: latest-tag")
                        .replace(
                                "image: nginx:latest",
                                "image: nginx:latest # kubelint-ignore: latest-tag, unique-name -- x"),
                false);
        assertEquals("latest-tag@8 latest-tag@10", summary(result.findings()));
        assertTrue(result.suppressed().isEmpty());
    }

    @Test
    void textInsideStringValuesIsNoComment() throws Exception {
        LintResult result = lint("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: manifests
                data:
                  pod.yaml: |
                    image: nginx # kubelint-ignore: latest-tag -- not for this file
                  note: "see # kubelint-ignore: latest-tag -- in the docs"
                """);
        assertEquals("", summary(result.findings()));
    }

    @Test
    void skippedObjectsKeepTheirSuppressionsQuiet() throws Exception {
        Files.writeString(
                dir.resolve("m.yaml"),
                LatestTagRule.POD
                        .replace("  name: web\n", """
                  name: web
                  labels: {tier: cache}
                  annotations: {ignore.kubelint.dev/unique-name: "not used here"}
                """)
                        .replace("image: redis", "image: redis # kubelint-ignore: unique-name -- also unused"));
        LintRequest request = LintRequest.of(List.of("m.yaml"), dir, TestCatalog.get())
                .withJobs(1)
                .withObjectFilter(labels -> "web".equals(labels.get("tier")));
        LintResult result = new Linter().lint(request);
        assertEquals("", summary(result.findings()));
    }

    @Test
    void suppressionRulesFollowTheirSettings() throws Exception {
        Files.writeString(
                dir.resolve("m.yaml"),
                LatestTagRule.POD.replace("image: redis", "image: redis # kubelint-ignore: unique-name -- x"));
        LintRequest request = LintRequest.of(List.of("m.yaml"), dir, TestCatalog.get())
                .withJobs(1)
                .withRuleSettings(Map.of("unused-suppression", RuleSettings.DEFAULT.withSeverity(Severity.ERROR)));
        Finding unused = new Linter()
                .lint(request).findings().stream()
                        .filter(f -> f.ruleId().equals("unused-suppression"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(Severity.ERROR, unused.severity());
        request = request.withRuleSettings(Map.of("unused-suppression", RuleSettings.DEFAULT.withEnabled(false)));
        assertTrue(new Linter()
                .lint(request).findings().stream().noneMatch(f -> f.ruleId().equals("unused-suppression")));
    }

    @Test
    void reportsCountAndListSuppressedFindingsWithTheirReasons() throws Exception {
        LintResult result = lint(LatestTagRule.POD.replace(
                "image: nginx:latest", "image: nginx:latest  # kubelint-ignore: latest-tag -- built nightly"));
        StringWriter json = new StringWriter();
        new JsonReporter().write(result, ReportOptions.plain(dir), json);
        assertTrue(json.toString().contains("\"reason\" : \"built nightly\""), json::toString);
        assertTrue(json.toString().contains("\"suppressed\" : 1"), json::toString);
        assertTrue(TextReporter.summary(result).contains("1 suppressed"), TextReporter.summary(result));
        assertTrue(result.source("m.yaml").isPresent());
    }

    @Test
    void aFileWhoseOnlyFindingIsAnUnusedSuppressionKeepsItsText() throws Exception {
        LintResult result =
                lint("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a # kubelint-ignore: unique-name -- x\n");
        assertEquals("unused-suppression@4", summary(result.findings()));
        assertTrue(result.source("m.yaml").isPresent());
    }

    @Test
    void anAnnotationOnAListItemCoversThatItemOnly() throws Exception {
        LintResult result = lint("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Pod
                    metadata:
                      name: a
                      annotations: {ignore.kubelint.dev/latest-tag: "a demo"}
                    spec: {containers: [{name: a, image: nginx}]}
                  - apiVersion: v1
                    kind: Pod
                    metadata: {name: b}
                    spec: {containers: [{name: b, image: nginx}]}
                """);
        assertEquals("latest-tag@13", summary(result.findings()));
        assertEquals("latest-tag@9", summary(result.suppressed()));
        assertEquals(
                "/items/0/spec/containers/0/image",
                result.suppressed().get(0).location().jsonPointer());
    }

    @Test
    void aCommentWithNothingBelowItIsReported() throws Exception {
        LintResult result = lint(LatestTagRule.POD + "# kubelint-ignore: latest-tag -- nothing follows\n\n");
        Finding unused = result.findings().stream()
                .filter(f -> f.ruleId().equals("unused-suppression"))
                .findFirst()
                .orElseThrow();
        assertEquals(11, unused.location().line());
        assertEquals("kubelint-ignore comment for latest-tag has no line below it to apply to", unused.message());
    }
}
