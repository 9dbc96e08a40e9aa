package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelint.core.engine.LintResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReporterTest {

    @TempDir
    Path dir;

    private JsonNode json(LintResult result) throws IOException {
        return JsonMapper.builder()
                .build()
                .readTree(SampleResults.render(new JsonReporter(), result, ReportOptions.plain(dir)));
    }

    private static Set<String> keys(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    @Test
    void theDocumentHasTheShapeTheReadmeDefines() throws IOException {
        JsonNode doc = json(SampleResults.full());
        assertEquals(
                Set.of(
                        "kubernetesVersion",
                        "files",
                        "objects",
                        "findings",
                        "suppressed",
                        "skipped",
                        "notes",
                        "summary"),
                keys(doc));
        assertEquals("1.35", doc.get("kubernetesVersion").asString());
        assertEquals(6, doc.get("files").asInt());
        assertEquals(6, doc.get("objects").asInt());
        assertEquals(Set.of("errors", "warnings", "infos", "suppressed", "skipped"), keys(doc.get("summary")));
        assertEquals(
                List.of(6, 1, 1, 1),
                List.of(
                        doc.get("summary").get("errors").asInt(),
                        doc.get("summary").get("warnings").asInt(),
                        doc.get("summary").get("infos").asInt(),
                        doc.get("summary").get("suppressed").asInt()));
        Set<String> findingKeys = Set.of(
                "ruleId",
                "severity",
                "file",
                "line",
                "column",
                "endLine",
                "endColumn",
                "jsonPointer",
                "object",
                "message");
        for (JsonNode f : doc.get("findings")) {
            assertEquals(findingKeys, keys(f));
            assertEquals(Set.of("apiVersion", "kind", "namespace", "name"), keys(f.get("object")));
        }
    }

    @Test
    void findingsInOrderWithPositionsAndSeverities() throws IOException {
        JsonNode findings = json(SampleResults.full()).get("findings");
        List<String> files = new ArrayList<>();
        findings.forEach(f -> files.add(f.get("file").asString()));
        assertEquals(SampleResults.findingFiles(""), files);
        JsonNode label = findings.get(6);
        assertEquals("label-value", label.get("ruleId").asString());
        assertEquals("warning", label.get("severity").asString());
        assertEquals(List.of(6, 10, 6, 18), ReportShapes.ints(label, "line", "column", "endLine", "endColumn"));
        assertEquals("/metadata/labels/app", label.get("jsonPointer").asString());
        assertEquals("Pod", label.get("object").get("kind").asString());
        assertEquals("", label.get("object").get("namespace").asString());
        assertEquals("info", findings.get(5).get("severity").asString());
    }

    @Test
    void suppressedFindingsCarryTheirReason() throws IOException {
        JsonNode suppressed = json(SampleResults.full()).get("suppressed");
        assertEquals(1, suppressed.size());
        JsonNode f = suppressed.get(0);
        assertEquals("image-tag", f.get("ruleId").asString());
        assertEquals(10, f.get("line").asInt());
        JsonNode s = f.get("suppression");
        assertEquals(Set.of("kind", "reason", "line", "column"), keys(s));
        assertEquals("comment", s.get("kind").asString());
        assertEquals("pinned by the platform team", s.get("reason").asString());
        assertEquals(10, s.get("line").asInt());
        assertEquals(18, s.get("column").asInt());
    }
}
