package dev.kubelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.render.ChartValues;
import dev.kubelint.core.render.RenderSetup;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class KustomizeRendererTest {

    private static final Path EXAMPLE =
            Paths.get("src/test/resources/kustomize/components").toAbsolutePath();

    private static List<String> files(LintResult result) {
        return result.files().stream()
                .map(LintResult.FileSummary::file)
                .sorted()
                .toList();
    }

    @Test
    void anOverlayWithComponentsIsLintedAsKubectlRendersIt() throws Exception {
        Assumptions.assumeTrue(
                ExternalTool.find("kubectl", System.getenv("PATH")).isPresent(),
                "kubectl is on the build machines; this machine has none");
        LintResult result = Scans.scan(EXAMPLE, b -> b, ".");
        assertEquals(List.of(), result.notes());
        // the base is rendered alone and through the overlay; the components' patches are consumed, not linted
        assertEquals(
                List.of(
                        "base/deployment.yaml",
                        "base/deployment.yaml",
                        "base/kustomization.yaml",
                        "base/kustomization.yaml",
                        "components/external_db/kustomization.yaml",
                        "components/ldap/kustomization.yaml"),
                files(result));
        assertTrue(
                result.findings().stream()
                        .noneMatch(f -> f.location().file().contains("configmap.yaml")
                                || f.location().file().endsWith("components/ldap/deployment.yaml")),
                Scans.lines(result).toString());
        // the example's Deployment has no selector; said once, at the object in the base, though rendered twice
        List<String> selector =
                Scans.lines(result).stream().filter(l -> l.contains("selector")).toList();
        assertEquals(
                List.of("base/deployment.yaml:1:1 selector-required"),
                selector,
                Scans.lines(result).toString());
    }

    @Test
    void findingsOnLinesTheSourceHasPointAtThem() throws Exception {
        Assumptions.assumeTrue(
                ExternalTool.find("kubectl", System.getenv("PATH")).isPresent(),
                "kubectl is on the build machines; this machine has none");
        // kustomize sorts the container's keys (image before name) and re-indents: the finding on the container's
        // name is traced back by its JSON pointer to "- name: example" on line 9 of the base
        LintResult result =
                Scans.scan(EXAMPLE, b -> b.enableRules(List.of("liveness-probe-missing")), "overlays/enterprise");
        assertEquals(
                List.of("base/deployment.yaml:9:9 liveness-probe-missing"),
                Scans.lines(result).stream().filter(l -> l.contains("liveness")).toList(),
                Scans.lines(result).toString());
    }

    @Test
    void withoutKubectlOrKustomizeTheFoldersAreLintedRawAndTheRunSaysSo() throws Exception {
        RenderSetup noTools =
                new RenderSetup(List.of(new HelmRenderer(), new KustomizeRenderer(() -> "")), ChartValues.NONE);
        LintResult result = Scans.scan(EXAMPLE, b -> b, r -> r.withRender(noTools), ".");
        assertEquals(List.of(KustomizeRenderer.NO_TOOL), result.notes());
        assertEquals(
                List.of(
                        "base/deployment.yaml",
                        "components/external_db/configmap.yaml",
                        "components/ldap/configmap.yaml"),
                files(result));
        assertTrue(result.skipped().stream().anyMatch(s -> s.file().equals("overlays/enterprise/kustomization.yaml")));
    }
}
