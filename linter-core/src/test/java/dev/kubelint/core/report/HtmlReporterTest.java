package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page's markup and data; how a browser shows them is tested in Chromium (the command line's tests). */
class HtmlReporterTest {

    @TempDir
    Path dir;

    private String html(LintResult result) throws IOException {
        return SampleResults.render(new HtmlReporter(), result, ReportOptions.plain(dir));
    }

    private static JsonNode data(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "the page carries its data");
        return JsonMapper.builder().build().readTree(m.group(1));
    }

    @Test
    void everyFindingIsInTheDataWithItsFrameAndRule() throws IOException {
        LintResult full = SampleResults.full();
        JsonNode data = data(html(full));
        JsonNode findings = data.get("findings");
        assertEquals(full.findings().size() + full.suppressed().size(), findings.size(), "suppressed ones too");
        JsonNode port = null;
        for (JsonNode f : findings) {
            if (f.get(5).asString().startsWith("spec.containers[0].ports[0].containerPort")) {
                port = f;
            }
        }
        assertEquals(
                "schema-type", data.get("rules").get(port.get(1).asInt()).get(0).asString());
        assertEquals(
                "A field has a value of the wrong type",
                data.get("rules").get(port.get(1).asInt()).get(2).asString());
        assertEquals("k8s/web.yaml", data.get("files").get(port.get(2).asInt()).asString());
        assertEquals(List.of(12, 22), List.of(port.get(3).asInt(), port.get(4).asInt()));
        assertEquals("Pod web", port.get(6).asString());
        assertEquals(
                "[12,\"    - containerPort: \",\"\\\"80a\\\"\",\"\"]",
                port.get(8).toString(),
                "the frame's line, split around the marked text");
        List<String> reasons = new ArrayList<>();
        findings.forEach(f -> reasons.add(f.get(9).isNull() ? null : f.get(9).asString()));
        assertEquals(1, reasons.stream().filter(r -> r != null).count());
        assertTrue(reasons.contains("pinned by the platform team"), reasons::toString);
    }

    @Test
    void theSummaryCountsBySeverityRuleAndFile() throws IOException {
        String html = html(SampleResults.full());
        assertTrue(html.contains("<span class=\"n\" id=\"count-error\">6</span> errors"), html);
        assertTrue(html.contains("<span class=\"n\" id=\"count-warning\">1</span> warning<"));
        assertTrue(html.contains("<span class=\"n\" id=\"count-suppressed\">1</span> suppressed"));
        assertTrue(html.contains("<strong id=\"k8s-version\">1.35</strong>"));
        assertTrue(html.contains("<a href=\"#rule-schema-type\">schema-type</a>"));
        assertTrue(html.contains("<article class=\"rule\" id=\"rule-schema-type\""), "each rule has a section");
        assertTrue(html.contains("<strong>Why:</strong> The API server rejects an object whose fields do not match"));
        assertTrue(
                html.contains(">k8s/web.yaml</button></th><td class=\"num\">1</td><td class=\"num\">1</td>"
                        + "<td class=\"num\">1</td><td class=\"num\">1</td></tr>"),
                "by file: errors, warnings, infos, suppressed");
        assertTrue(
                html.contains(">k8s/list.yaml</button></th><td class=\"num\">1</td><td class=\"num\"></td>"
                        + "<td class=\"num\"></td><td class=\"num\"></td></tr>"),
                "no zeros");
        assertTrue(html.contains("1 file without findings."), "k8s/empty.yaml");
    }

    /** Self-contained: nothing is loaded from anywhere, and the policy forbids it should anything try. */
    @Test
    void theReportLoadsNothing() throws IOException {
        String html = html(SampleResults.full());
        assertTrue(
                html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"));
        assertFalse(Pattern.compile("(src|href)=\"(?!#)").matcher(html).find(), "only links within the page");
        assertFalse(html.contains("@import") || html.contains("url("), "no loads from the styles");
    }

    /** Nothing a manifest holds can end the data's script element, run, or make the file malformed. */
    @Test
    void hostileTextStaysText() throws IOException {
        String hostile = "</script><script>alert(1)</script><!-- \u2028 \u001b[2J half \uD83D stray \uDE00";
        String html = html(SampleResults.fullWithError("k8s/<b>web</b>.yaml", hostile));
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(html), "a file can hold it");
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<b>web"));
        assertEquals(2, html.split("<script", -1).length - 1, "the data and the page's own script, no other");
        assertTrue(html.codePoints().noneMatch(cp -> cp == 0x1b || cp == 0x2028), "control characters are escaped");
        JsonNode data = data(html);
        boolean found = false;
        for (JsonNode f : data.get("findings")) {
            found |= f.get(5)
                    .asString()
                    .equals(hostile.replace('\uD83D', '\uFFFD').replace('\uDE00', '\uFFFD'));
        }
        assertTrue(found, "the message arrives as written, lone surrogates as U+FFFD");
    }
}
