package dev.kubelint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.render.ChartValues;
import dev.kubelint.core.render.RenderTarget;
import dev.kubelint.core.render.RenderedFile;
import dev.kubelint.core.render.Rendering;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmRendererTest {

    private static final Path CHARTS = Paths.get("src/test/resources/charts").toAbsolutePath();

    @TempDir
    Path temp;

    private static RenderTarget target(Path chart, String version, ChartValues values) {
        return new RenderTarget(
                chart,
                chart.getParent(),
                version,
                values,
                p -> chart.getParent().relativize(p).toString().replace('\\', '/'));
    }

    @Test
    void aChartWithDependenciesRendersPerTemplateWithTheRunsKubeVersion() {
        Rendering r = new HelmRenderer().render(target(CHARTS.resolve("subchart"), "1.34", ChartValues.NONE));
        assertEquals(
                List.of(
                        "subchart/charts/subcharta/templates/service.yaml",
                        "subchart/charts/subchartb/templates/service.yaml",
                        "subchart/templates/service.yaml"),
                r.files().stream().map(RenderedFile::displayName).sorted().toList(),
                r.toString());
        String parent = r.files().stream()
                .filter(f -> f.displayName().equals("subchart/templates/service.yaml"))
                .findFirst()
                .orElseThrow()
                .text();
        assertTrue(parent.contains("kube-version/version: \"v1.34.0\""), parent);
        assertTrue(parent.contains("app.kubernetes.io/instance: \"release-name\""), parent);
    }

    @Test
    void valuesFilesAndSetValuesApplyInOrder() throws Exception {
        Path values = Files.writeString(
                temp.resolve("ci.yaml"),
                "service:\n  type: NodePort\n  name: web\n" + "subchartb:\n  enabled: false\n");
        Rendering r = new HelmRenderer()
                .render(target(
                        CHARTS.resolve("subchart"),
                        "1.35",
                        new ChartValues(List.of(values), java.util.Map.of("service.name", "http"))));
        assertEquals(2, r.files().size(), "subchartb is turned off by its condition");
        String parent = r.files().stream()
                .filter(f -> f.displayName().equals("subchart/templates/service.yaml"))
                .findFirst()
                .orElseThrow()
                .text();
        assertTrue(parent.contains("type: NodePort") && parent.contains("name: http"), parent);
    }

    @Test
    void findingsNameTheTemplateAndItsLine() throws Exception {
        LintResult result = Scans.scan(CHARTS, b -> b.helmSet("service.externalPort=eighty"), ".");
        assertEquals(
                List.of(
                        "subchart/charts/subcharta/templates/service.yaml",
                        "subchart/charts/subchartb/templates/service.yaml",
                        "subchart/templates/service.yaml"),
                result.files().stream()
                        .map(LintResult.FileSummary::file)
                        .sorted()
                        .toList());
        assertEquals(List.of(), result.skipped(), "values and Chart.yaml belong to the chart, not to the walk");
        // the port is the value of one template line: "  - port: {{ .Values.service.externalPort }}"
        assertEquals(
                List.of("subchart/templates/service.yaml:20:11 schema-conformance"),
                Scans.lines(result).stream()
                        .filter(l -> l.startsWith("subchart/templates"))
                        .toList(),
                Scans.lines(result).toString());
    }

    @Test
    void aChartThatDoesNotRenderIsOneFindingWithHelmsMessage() throws Exception {
        Path chart = copy(CHARTS.resolve("subchart"), temp.resolve("broken"));
        try (var files = Files.walk(chart.resolve("charts/subchartb"))) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        LintResult result = Scans.scan(temp, b -> b, ".");
        assertEquals(List.of("broken/Chart.yaml:1:1 render-failed"), Scans.lines(result));
        assertTrue(
                result.findings().get(0).message().contains("subchartb"),
                result.findings().get(0).message());
        assertEquals(
                List.of("broken/Chart.yaml"),
                result.files().stream().map(LintResult.FileSummary::file).toList());
    }

    @Test
    void aKubeVersionTheChartDoesNotSupportIsHelmsError() throws Exception {
        Path chart = copy(CHARTS.resolve("subchart"), temp.resolve("old"));
        Files.writeString(
                chart.resolve("Chart.yaml"),
                Files.readString(chart.resolve("Chart.yaml")) + "kubeVersion: \"<1.31.0-0\"\n");
        LintResult result = Scans.scan(temp, b -> b.kubernetesVersion("1.30"), ".");
        assertEquals(
                List.of(),
                Scans.lines(result).stream()
                        .filter(l -> l.endsWith("render-failed"))
                        .toList());
        LintResult newer = Scans.scan(temp, b -> b.kubernetesVersion("1.35"), ".");
        assertEquals(List.of("old/Chart.yaml:1:1 render-failed"), Scans.lines(newer));
        assertTrue(
                newer.findings().get(0).message().contains("kubeVersion"),
                newer.findings().get(0).message());
    }

    static Path copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
