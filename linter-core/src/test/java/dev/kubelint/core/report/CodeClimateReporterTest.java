package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.LintRequestBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CodeClimateReporterTest {

    @TempDir
    Path dir;

    private String write(LintResult result) throws IOException {
        return SampleResults.render(new CodeClimateReporter(), result, ReportOptions.plain(dir));
    }

    @Test
    void everyActiveFindingIsAnIssueGitLabReads() throws IOException {
        JsonNode issues = ReportShapes.codeQuality(write(SampleResults.full()));
        assertEquals(SampleResults.full().findings().size(), issues.size(), "suppressed findings are left out");
        List<String> read = new ArrayList<>();
        for (JsonNode issue : issues) {
            JsonNode location = issue.get("location");
            read.add(location.get("path").asString() + ":"
                    + location.get("lines").get("begin").asInt() + " "
                    + issue.get("severity").asString() + " "
                    + issue.get("check_name").asString());
        }
        assertEquals(
                List.of(
                        ".:1 critical rule-failure",
                        "<stdin>:4 critical schema-type",
                        "k8s/broken.yaml:6 critical yaml-syntax",
                        "k8s/list.yaml:10 critical schema-type",
                        "k8s/tabs.yaml:6 critical schema-type",
                        "k8s/web.yaml:4 info name-style",
                        "k8s/web.yaml:6 major label-value",
                        "k8s/web.yaml:12 critical schema-type"),
                read);
        assertEquals(
                "data.k: tab\there, bell\u0007 and escape\u001b[31m in a message",
                issues.get(4).get("description").asString(),
                "the message as it is, escaped for JSON");
        assertEquals(issues.size(), new HashSet<>(issues.findValuesAsString("fingerprint")).size(), "unique");
    }

    @Test
    void severitiesMapToGitLabs() {
        assertEquals("critical", CodeClimateReporter.severity(Severity.ERROR));
        assertEquals("major", CodeClimateReporter.severity(Severity.WARNING));
        assertEquals("info", CodeClimateReporter.severity(Severity.INFO));
    }

    @Test
    void anEmptyRunIsAnEmptyArray() throws IOException {
        assertEquals("[]\n", write(SampleResults.clean()));
        assertEquals(0, ReportShapes.codeQuality(write(SampleResults.clean())).size());
    }

    @Test
    void noControlCharacterOrLoneSurrogateReachesTheFile() throws IOException {
        String json = write(SampleResults.fullWithError(
                "k8s/web.yaml", "half \uD83D, a stray \uDE00, CSI \u009B2J, line\u2028separator </script>"));
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(json), "a file can hold it");
        assertTrue(
                json.codePoints()
                        .noneMatch(cp -> cp != '\n' && (Character.getType(cp) == Character.CONTROL || cp == 0x2028)),
                "only escapes: " + json);
        JsonNode issues = ReportShapes.codeQuality(json);
        assertEquals(
                "half \uFFFD, a stray \uFFFD, CSI \u009B2J, line\u2028separator </script>",
                issues.get(issues.size() - 1).get("description").asString());
    }

    /** GitLab tells new from fixed findings by fingerprint: moving a finding must not change it. */
    @Test
    void fingerprintsSurviveRunsAndMovedLines() throws Exception {
        String manifest = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  name: again
                data:
                  a: "1"
                  a: "2"
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: other, name: more}
                """;
        Map<String, String> before = fingerprints(manifest);
        assertEquals(before, fingerprints(manifest), "the same on every run");
        Map<String, String> moved =
                fingerprints("# a comment on top\n\n" + manifest.replace("\ndata:", "\n# note\ndata:"));
        assertEquals(
                before.values().stream().sorted().toList(),
                moved.values().stream().sorted().toList(),
                "the same after lines were added above: " + before + " " + moved);
        assertEquals(3, new HashSet<>(before.values()).size());
        Map<String, String> renamed = fingerprints(manifest.replace("name: again", "name: config"));
        assertNotEquals(
                before.values().stream().sorted().toList(),
                renamed.values().stream().sorted().toList(),
                "another object is another finding");
    }

    private Map<String, String> fingerprints(String manifest) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), manifest);
        try (LintPlan plan = new LintRequestBuilder(dir, List.of("a.yaml")).build()) {
            JsonNode issues = ReportShapes.codeQuality(write(new Linter().lint(plan.request())));
            Map<String, String> byPlace = new TreeMap<>();
            for (JsonNode issue : issues) {
                byPlace.put(
                        issue.get("location").get("lines").get("begin").asInt() + " "
                                + issue.get("description").asString(),
                        issue.get("fingerprint").asString());
            }
            return byPlace;
        }
    }
}
