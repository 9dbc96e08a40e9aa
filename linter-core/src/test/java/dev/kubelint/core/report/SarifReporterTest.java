package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SarifReporterTest {

    @TempDir
    Path dir;

    /** Every document made here is checked against the schema before a test looks at it. */
    private String sarif(LintResult result) throws IOException {
        StringWriter out = new StringWriter();
        new SarifReporter().write(result, new ReportOptions(dir, false, false, true, "1.2.3"), out);
        SarifSchema.parseValid(out.toString());
        return out.toString();
    }

    private JsonNode run(LintResult result) throws IOException {
        JsonNode doc = SarifSchema.parseValid(sarif(result));
        assertEquals("2.1.0", doc.get("version").asString());
        assertEquals(1, doc.get("runs").size());
        return doc.get("runs").get(0);
    }

    private static JsonNode result(JsonNode run, String ruleId, String uri) {
        for (JsonNode r : run.get("results")) {
            JsonNode artifact =
                    r.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            String actual = artifact.has("uri") ? artifact.get("uri").asString() : "";
            if (r.get("ruleId").asString().equals(ruleId) && actual.equals(uri)) {
                return r;
            }
        }
        throw new AssertionError("no result " + ruleId + " at " + uri);
    }

    @Test
    void aCleanRunIsValidSarifWithNoResults() throws IOException {
        JsonNode run = run(SampleResults.clean());
        assertEquals(0, run.get("results").size());
        assertEquals(0, run.get("tool").get("driver").get("rules").size());
        assertEquals("kubelint", run.get("tool").get("driver").get("name").asString());
        assertEquals("1.2.3", run.get("tool").get("driver").get("version").asString());
        assertTrue(run.get("invocations").get(0).get("executionSuccessful").asBoolean());
    }

    @Test
    void everyResultPointsAtItsRuleInTheCatalogue() throws IOException {
        JsonNode run = run(SampleResults.full());
        JsonNode rules = run.get("tool").get("driver").get("rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asString()));
        assertEquals(
                List.of("image-tag", "label-value", "name-style", "rule-failure", "schema-type", "yaml-syntax"), ids);
        for (JsonNode r : run.get("results")) {
            assertEquals(
                    r.get("ruleId").asString(),
                    rules.get(r.get("ruleIndex").asInt()).get("id").asString());
        }
        assertEquals(7 + 1, run.get("results").size(), "7 findings with a file and the suppressed one");
    }

    @Test
    void rulesCarryDescriptionsHelpAndDefaultLevel() throws IOException {
        JsonNode rules = run(SampleResults.full()).get("tool").get("driver").get("rules");
        JsonNode label = rules.get(1);
        assertEquals("LabelValue", label.get("name").asString());
        assertEquals(
                "A label value is not a valid label value.",
                label.get("shortDescription").get("text").asString());
        assertTrue(label.get("fullDescription").get("text").asString().startsWith("Label values are at most 63"));
        assertEquals("warning", label.get("defaultConfiguration").get("level").asString());
        assertTrue(label.get("defaultConfiguration").get("enabled").asBoolean());
        assertEquals(
                "https://kubelint.dev/rules/label-value", label.get("helpUri").asString());
        String markdown = label.get("help").get("markdown").asString();
        assertTrue(markdown.contains("### How to fix\n\nUse only letters, digits"), markdown);
        assertTrue(markdown.contains("| `max-length` | `63` | Longest value allowed \\| in characters |"), markdown);
        String text = label.get("help").get("text").asString();
        assertTrue(text.contains("How to fix: Use only letters"), text);
        assertTrue(text.contains("Parameter max-length (default 63)"), text);

        JsonNode nameStyle = rules.get(2);
        assertEquals("note", nameStyle.get("defaultConfiguration").get("level").asString());
        assertFalse(nameStyle.get("defaultConfiguration").get("enabled").asBoolean());
        JsonNode schemaType = rules.get(4);
        assertEquals(
                "error", schemaType.get("defaultConfiguration").get("level").asString());
        assertTrue(schemaType.get("help").get("markdown").asString().contains("Applies to: `Pod`, `Deployment`."));
    }

    @Test
    void resultsHaveLevelMessageAndRegionRelativeToTheWorkingDirectory() throws IOException {
        JsonNode run = run(SampleResults.full());
        assertEquals("unicodeCodePoints", run.get("columnKind").asString());
        String base =
                run.get("originalUriBaseIds").get(SarifReporter.ROOT).get("uri").asString();
        String expected = dir.toUri().toASCIIString();
        assertEquals(expected.endsWith("/") ? expected : expected + "/", base);
        assertTrue(base.startsWith("file:///") && base.endsWith("/"), base);

        JsonNode error = result(run, "schema-type", "k8s/web.yaml");
        assertEquals("error", error.get("level").asString());
        assertEquals(
                "spec.containers[0].ports[0].containerPort: expected integer, found string \"80a\"",
                error.get("message").get("text").asString());
        JsonNode physical = error.get("locations").get(0).get("physicalLocation");
        assertEquals(
                SarifReporter.ROOT,
                physical.get("artifactLocation").get("uriBaseId").asString());
        JsonNode region = physical.get("region");
        assertEquals(
                List.of(12, 22, 12, 27), ReportShapes.ints(region, "startLine", "startColumn", "endLine", "endColumn"));
        JsonNode logical = error.get("locations").get(0).get("logicalLocations").get(0);
        assertEquals("Pod web", logical.get("fullyQualifiedName").asString());
        assertEquals(
                "/spec/containers/0/ports/0/containerPort",
                error.get("properties").get("jsonPointer").asString());

        assertEquals(
                "warning",
                result(run, "label-value", "k8s/web.yaml").get("level").asString());
        assertEquals(
                "note", result(run, "name-style", "k8s/web.yaml").get("level").asString());
    }

    @Test
    void columnsCountCodePoints() throws IOException {
        JsonNode region = result(run(SampleResults.full()), "label-value", "k8s/web.yaml")
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("region");
        // "we\u0308b-😀" in quotes: 8 code points from column 10, though 9 UTF-16 units and 9 terminal cells
        assertEquals(10, region.get("startColumn").asInt());
        assertEquals(18, region.get("endColumn").asInt());
    }

    @Test
    void suppressedFindingsAreResultsWithAnInSourceSuppression() throws IOException {
        JsonNode run = run(SampleResults.full());
        JsonNode suppressed = result(run, "image-tag", "k8s/web.yaml");
        JsonNode suppression = suppressed.get("suppressions").get(0);
        assertEquals("inSource", suppression.get("kind").asString());
        assertEquals("accepted", suppression.get("status").asString());
        assertEquals(
                "pinned by the platform team", suppression.get("justification").asString());
        assertEquals(
                10,
                suppression
                        .get("location")
                        .get("physicalLocation")
                        .get("region")
                        .get("startLine")
                        .asInt());
        int withSuppressions = 0;
        for (JsonNode r : run.get("results")) {
            withSuppressions += r.has("suppressions") ? 1 : 0;
        }
        assertEquals(1, withSuppressions, "active findings carry no suppressions");
    }

    @Test
    void standardInputHasADescriptionInsteadOfAUri() throws IOException {
        JsonNode stdin = result(run(SampleResults.full()), "schema-type", "");
        JsonNode artifact =
                stdin.get("locations").get(0).get("physicalLocation").get("artifactLocation");
        assertEquals("standard input", artifact.get("description").get("text").asString());
        assertFalse(artifact.has("uriBaseId"));
    }

    @Test
    void findingsAboutTheRunAreToolNotifications() throws IOException {
        JsonNode run = run(SampleResults.full());
        JsonNode notifications = run.get("invocations").get(0).get("toolExecutionNotifications");
        assertEquals(1, notifications.size());
        JsonNode n = notifications.get(0);
        assertEquals("error", n.get("level").asString());
        assertEquals("rule-failure", n.get("associatedRule").get("id").asString());
        assertEquals(3, n.get("associatedRule").get("index").asInt());
        for (JsonNode r : run.get("results")) {
            assertTrue(r.get("locations").size() > 0, "code scanning rejects results without a location");
        }
    }

    @Test
    void uriEncodingOfUnusualFileNames() throws IOException {
        assertEquals("my%20dir/%C3%A4%23x%3Fy%25.yaml", SarifReporter.relativeUri("my dir/ä#x?y%.yaml"));
        assertEquals("a%3Ab.yaml", SarifReporter.relativeUri("a:b.yaml"), "a colon would read as a URI scheme");
        LintResult result = new LintResult(
                SampleResults.full().settings(),
                SampleResults.catalog(),
                List.of(
                        SampleResults.finding(
                                "schema-type",
                                Severity.ERROR,
                                "my dir/ä [1].yaml",
                                1,
                                1,
                                1,
                                2,
                                "",
                                SampleResults.OK,
                                "m"),
                        SampleResults.finding(
                                "schema-type",
                                Severity.ERROR,
                                dir.resolve("outside dir/x.yaml").toString(),
                                1,
                                1,
                                1,
                                2,
                                "",
                                SampleResults.OK,
                                "m")),
                List.of(),
                List.of(),
                java.util.Map.of(),
                java.time.Duration.ZERO);
        JsonNode run = run(result);
        JsonNode outside = run.get("results")
                .get(0)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation");
        JsonNode inside = run.get("results")
                .get(1)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation");
        assertTrue(outside.get("uri").asString().startsWith("file:///"), outside.toString());
        assertTrue(outside.get("uri").asString().endsWith("/outside%20dir/x.yaml"), outside.toString());
        assertFalse(outside.has("uriBaseId"));
        assertEquals("my%20dir/%C3%A4%20%5B1%5D.yaml", inside.get("uri").asString());
    }

    @Test
    void theSameResultGivesTheSameDocument() throws IOException {
        assertEquals(sarif(SampleResults.full()), sarif(SampleResults.full()));
    }

    @Test
    void theSchemaCatchesMistakes() {
        // guards the guard: a level SARIF does not know and a result without a message must fail validation
        String bad = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "kubelint"}},
                 "results": [{"ruleId": "x", "level": "fatal"}]}]}
                """;
        List<String> errors = SarifSchema.errors(bad);
        assertTrue(errors.stream().anyMatch(e -> e.contains("level")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("message")), errors.toString());
        assertTrue(
                SarifSchema.errors("{\"version\": \"2.1.0\", \"runs\": [], \"$schema\": \"not a uri\"}").stream()
                        .anyMatch(e -> e.contains("$schema")),
                "formats are checked");
    }
}
