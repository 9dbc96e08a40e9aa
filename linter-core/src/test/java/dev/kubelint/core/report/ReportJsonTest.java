package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.engine.LintResult;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/** The one JSON writer of the JSON, SARIF, Code Quality and HTML reports: its escapes and layouts. */
class ReportJsonTest {

    /** Controls (C0, DEL, C1), a line separator, the end of a script element and a lone surrogate. */
    private static final String HOSTILE = "tab\t bell\u0007 esc\u001b[2J del\u007f csi\u009b line\u2028para\u2029"
            + " </script><!-- & half \uD83D stray \uDE00 pair \uD83D\uDE00";

    private static String write(ReportJson.Layout layout, boolean inHtml, String... values) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = ReportJson.generator(out, layout, inHtml)) {
            g.writeStartArray();
            for (String value : values) {
                g.writeString(value);
            }
            g.writeEndArray();
        }
        return out.toString();
    }

    @Test
    void controlsAndLineSeparatorsAreEscapedAndLoneSurrogatesReplaced() {
        String json = write(ReportJson.Layout.COMPACT_FINDINGS, false, HOSTILE);
        assertEquals(
                "[\"tab\\t bell\\u0007 esc\\u001B[2J del\\u007F csi\\u009B line\\u2028para\\u2029"
                        + " </script><!-- & half \uFFFD stray \uFFFD pair \uD83D\uDE00\"]",
                json);
        assertEquals(
                HOSTILE.replace("\uD83D ", "\uFFFD ").replace("\uDE00 pair", "\uFFFD pair"),
                JsonTrees.parse(json).get(0).asString(),
                "read back, the same text (but for the lone surrogates)");
    }

    @Test
    void inHtmlNothingCanEndTheScriptElement() {
        String json = write(ReportJson.Layout.COMPACT_FINDINGS, true, HOSTILE);
        assertTrue(json.contains(" \\u003C/script\\u003E\\u003C!-- \\u0026 half"), json);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertEquals(
                HOSTILE.replace("\uD83D ", "\uFFFD ").replace("\uDE00 pair", "\uFFFD pair"),
                JsonTrees.parse(json).get(0).asString());
    }

    @Test
    void layouts() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = ReportJson.generator(out, ReportJson.Layout.LINE_PER_ITEM, false)) {
            g.writeStartArray();
            for (int i = 1; i <= 2; i++) {
                g.writeStartObject();
                g.writeStringProperty("a", "x");
                g.writeObjectPropertyStart("b");
                g.writeNumberProperty("c", i);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        assertEquals("[\n  {\"a\": \"x\", \"b\": {\"c\": 1}},\n  {\"a\": \"x\", \"b\": {\"c\": 2}}\n]", out.toString());
        assertEquals("[]", write(ReportJson.Layout.LINE_PER_ITEM, false));

        out = new StringWriter();
        try (JsonGenerator g = ReportJson.generator(out, ReportJson.Layout.COMPACT_FINDINGS, true)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("files");
            g.writeString("a");
            g.writeString("b");
            g.writeEndArray();
            g.writeArrayPropertyStart("findings");
            for (int i = 1; i <= 2; i++) {
                g.writeStartArray();
                g.writeNumber(i);
                g.writeNull();
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("none");
            g.writeEndArray();
            g.writeEndObject();
        }
        assertEquals("{\"files\":[\"a\",\"b\"],\"findings\":[\n[1,null],\n[2,null]],\"none\":[]}", out.toString());
    }

    @Test
    void theWriterStaysOpen() throws IOException {
        StringWriter out = new StringWriter();
        ReportJson.write(JsonTrees.nodes().objectNode().put("a", "b"), out);
        out.write("after");
        assertEquals("{\n  \"a\" : \"b\"\n}\nafter", out.toString());
    }

    /** Every JSON report: the hostile message comes back as it was, and no raw control reaches the file. */
    @Test
    void everyJsonReportEscapesTheSameWay() throws IOException {
        LintResult result = SampleResults.fullWithError("k8s/web.yaml", HOSTILE);
        String expected = HOSTILE.replace("\uD83D ", "\uFFFD ").replace("\uDE00 pair", "\uFFFD pair");
        for (Reporter reporter : List.of(new JsonReporter(), new SarifReporter(), new CodeClimateReporter())) {
            StringWriter out = new StringWriter();
            reporter.write(result, ReportOptions.plain(java.nio.file.Path.of(".")), out);
            String text = out.toString();
            assertTrue(
                    text.codePoints()
                            .noneMatch(cp -> cp != '\n'
                                    && (Character.getType(cp) == Character.CONTROL
                                            || cp == 0x2028
                                            || cp == 0x2029
                                            || Character.isSurrogate((char) cp))),
                    reporter.getClass().getSimpleName() + ": " + text);
            assertTrue(
                    JsonTrees.parse(text)
                                    .findValuesAsString(reporter instanceof SarifReporter ? "text" : "message")
                                    .contains(expected)
                            || JsonTrees.parse(text)
                                    .findValuesAsString("description")
                                    .contains(expected),
                    reporter.getClass().getSimpleName() + ": " + text);
        }
    }
}
