package dev.kubelint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.TextReporter;
import dev.kubelint.core.testing.TestRules;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Files of a repository that are not manifests are left out and said once; manifests, even broken, are not. */
class NotManifestsTest {

    private static final Path REPO =
            Paths.get("src/test/resources/not-manifests/repo").toAbsolutePath();

    private static LintResult lint(Path dir, String... inputs) throws Linter.InputException {
        return new Linter()
                .lint(LintRequest.of(List.of(inputs), dir, TestRules.coreWith(TestRules.kindEcho()))
                        .withJobs(1));
    }

    @Test
    void aRepositoryScanLeavesOutWhatIsNotAManifestAndSaysWhatItWas() throws Exception {
        LintResult result = lint(REPO, ".");
        Map<String, String> skipped = new TreeMap<>();
        result.skipped().forEach(s -> skipped.put(s.file(), s.reason()));
        assertEquals(
                Map.of(
                        "charts/web/Chart.yaml", "Helm chart metadata",
                        "charts/web/values.yaml", "Helm values",
                        "ci-values.yaml", "Helm values",
                        "deploy/kustomization.yaml", "Kustomize configuration",
                        "docker-compose.yml", "a Docker Compose file",
                        "docs/openapi.yaml", "an OpenAPI document",
                        "docs/values.schema.json", "a JSON Schema",
                        "hack/kind-config.yaml", "configuration of kind",
                        "mkdocs.yml", "MkDocs configuration"),
                skipped);
        List<String> linted =
                result.files().stream().map(LintResult.FileSummary::file).toList();
        assertEquals(
                List.of(
                        "deploy/broken.yaml",
                        "deploy/deployment.yaml",
                        "deploy/partly-typed.yaml",
                        "deploy/untyped-object.yaml"),
                linted,
                "manifests, broken ones too, are linted");
        assertTrue(
                result.findings().stream()
                        .anyMatch(f -> f.ruleId().equals("yaml-syntax")
                                && f.location().file().equals("deploy/broken.yaml")),
                result.findings().toString());
        assertEquals(
                List.of("kind ConfigMap named settings", "kind  named forgot-the-type"),
                messages(result, "deploy/partly-typed.yaml"),
                "a file whose documents are partly typed keeps every object");
        assertEquals(List.of("kind  named lost-its-type"), messages(result, "deploy/untyped-object.yaml"));
    }

    @Test
    void theSummarySaysItOnceAndVerboseListsThem() throws Exception {
        LintResult result = lint(REPO, ".");
        StringWriter plain = new StringWriter();
        new TextReporter().write(result, ReportOptions.plain(REPO), plain);
        assertTrue(plain.toString().contains("; 9 files skipped: not Kubernetes manifests ("), plain.toString());
        assertTrue(!plain.toString().contains("mkdocs.yml"), plain.toString());
        StringWriter verbose = new StringWriter();
        new TextReporter().write(result, ReportOptions.plain(REPO).withVerbose(true), verbose);
        assertTrue(
                verbose.toString().contains("mkdocs.yml: skipped, not a Kubernetes manifest (MkDocs configuration)\n"),
                verbose.toString());
    }

    @Test
    void aFileNamedExplicitlyKeepsItsFindings() throws Exception {
        LintResult result = lint(REPO, "mkdocs.yml", "charts/web/values.yaml");
        assertEquals(List.of(), result.skipped());
        assertEquals(2, result.files().size());
        assertEquals(2, result.objectCount());
    }

    @Test
    void aWorkflowFolderScannedOnItsOwnIsRecognised() throws Exception {
        LintResult result = lint(REPO.resolve(".github"), ".");
        assertEquals(
                List.of(new LintResult.SkippedFile("workflows/ci.yaml", "a GitHub Actions workflow")),
                result.skipped());
    }

    @Test
    void objectsOfToolsAreKnownAndNotLinted() throws Exception {
        LintResult result = lint(REPO, "hack/kind-config.yaml");
        assertEquals(0, result.objectCount());
        assertEquals(
                List.of(),
                result.findings().stream()
                        .filter(f -> !f.ruleId().equals("kind-echo"))
                        .map(Finding::ruleId)
                        .toList());
    }

    private static List<String> messages(LintResult result, String file) {
        return result.findings().stream()
                .filter(f -> f.location().file().equals(file) && f.ruleId().equals("kind-echo"))
                .map(Finding::message)
                .toList();
    }
}
