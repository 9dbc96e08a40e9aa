package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The HTML report loaded in headless Chromium, as people open it: no console message and no script error, the
 * counts and findings the JSON report of the same run has, filters taken from the address, and a report of ten
 * thousand findings shown a page at a time.
 */
class HtmlReportBrowserTest {

    /** The repository root: the samples are there. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path work;

    @Test
    void theSamplesReportShowsWhatTheRunFound() throws Exception {
        Chromium chromium = Chromium.require();
        Path html = work.resolve("samples.html");
        Cli.Run run = new Cli(ROOT)
                .run("--format", "html=" + html, "--format", "json=" + work.resolve("samples.json"), "samples");
        assertEquals(Main.FINDINGS, run.exitCode(), run.err());
        JsonNode json = Consumers.json(Files.readString(work.resolve("samples.json")));
        int findings = json.get("findings").size();
        assertTrue(findings > 10, "the bad samples have findings");

        Chromium.Page page = chromium.load(html, "", work);
        page.assertClean();
        assertEquals(Optional.of(Integer.toString(findings)), page.rootAttribute("data-matching"));
        assertEquals(findings, page.count("<li class=\"finding "), "every finding on the first page");
        assertTrue(
                page.dom()
                        .contains("<span class=\"n\" id=\"count-error\">"
                                + json.get("summary").get("errors").asInt() + "</span>"),
                "error count");
        assertTrue(
                page.dom()
                        .contains("<span class=\"n\" id=\"count-warning\">"
                                + json.get("summary").get("warnings").asInt() + "</span>"),
                "warning count");
        assertTrue(page.dom().contains("<strong id=\"k8s-version\">1.35</strong>"), "target Kubernetes version");
        for (JsonNode f : json.get("findings")) {
            String where = f.get("file").asString() + ":" + f.get("line").asInt() + ":"
                    + f.get("column").asInt();
            assertTrue(page.dom().contains("<span class=\"where\">" + where + "</span>"), where);
            assertTrue(
                    page.dom()
                            .contains("<a class=\"rule-link\" href=\"#rule-"
                                    + f.get("ruleId").asString() + "\">"),
                    "the finding links to its rule");
            assertTrue(page.dom().contains("id=\"rule-" + f.get("ruleId").asString() + "\""), "the rule has a section");
        }
        assertTrue(
                page.dom()
                        .contains("<pre class=\"frame\"><span class=\"ln\">    4 | </span>  name: <mark>Team_A</mark>"),
                "code frames mark the finding");
    }

    /**
     * Ten thousand findings: the page shows a hundred of them at a time, and the filters (severity, rule, file,
     * free text, page) work on all of them.
     */
    @Test
    void tenThousandFindingsArePaged() throws Exception {
        Chromium chromium = Chromium.require();
        // twenty files of 500 findings each: a file keeps at most a thousand findings of one kind
        Cli cli = new Cli(work);
        for (int f = 0; f < 20; f++) {
            StringBuilder manifest = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                manifest.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: map-")
                        .append(i)
                        .append("\ndata:\n");
                for (int k = 0; k < 10; k++) {
                    manifest.append("  k")
                            .append(k)
                            .append(": a\n  k")
                            .append(k)
                            .append(": b\n");
                }
            }
            cli.file("big/maps-" + (f < 10 ? "0" : "") + f + ".yaml", manifest.toString());
        }
        Path html = work.resolve("big.html");
        assertEquals(Main.FINDINGS, cli.run("--format", "html=" + html, "big").exitCode());

        // one load for the filters too (a browser start is slow): every filter at once, taken from the address
        Chromium.Page filtered =
                chromium.load(html, "#view?severity=error,info&rule=duplicate-key&q=%22k7%22%20b&page=10", work);
        filtered.assertClean();
        assertEquals(Optional.of("1000"), filtered.rootAttribute("data-matching"));
        assertEquals(Optional.of("100"), filtered.rootAttribute("data-shown"));
        assertTrue(
                filtered.dom().contains("Showing 901\u2013" + "1000 of 1000 matching findings (10000 in the report)."),
                "the tenth page of the matches");
        assertTrue(filtered.dom().contains("Page 10 of 10"), "a page from the address");
    }
}
