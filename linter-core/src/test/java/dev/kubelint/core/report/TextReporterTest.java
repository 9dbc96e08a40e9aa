package dev.kubelint.core.report;

import static dev.kubelint.core.testing.TextAssertions.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReporterTest {

    @TempDir
    Path dir;

    private String write(LintResult result, ReportOptions options) throws IOException {
        return SampleResults.render(new TextReporter(), result, options);
    }

    private ReportOptions options() {
        return ReportOptions.plain(dir).withShowSource(true);
    }

    @Test
    void elapsedSecondsHaveTwoDecimalsRoundedHalfUp() {
        assertEquals("0.00", TextReporter.seconds(0));
        assertEquals("0.00", TextReporter.seconds(4));
        assertEquals("0.01", TextReporter.seconds(5));
        assertEquals("0.09", TextReporter.seconds(94));
        assertEquals("0.10", TextReporter.seconds(95));
        assertEquals("1.23", TextReporter.seconds(1234));
        assertEquals("1.24", TextReporter.seconds(1235));
        assertEquals("10.00", TextReporter.seconds(9999));
        assertEquals("125.70", TextReporter.seconds(125_700));
    }

    @Test
    void findingsWithCodeFramesThenTheSummary() throws IOException {
        String text = write(SampleResults.full(), options());
        String expectedWeb = """
                k8s/web.yaml:4:9: info: name "web" could say more\\nsecond line of the message [name-style]
                    4 |   name: web
                      |         ^~~
                k8s/web.yaml:6:10: warning: label value "we\u0308b-\uD83D\uDE00" has characters other than [a-zA-Z0-9-_.]: 100% wrong, a:b [label-value]
                    6 |     app: "we\u0308b-\uD83D\uDE00"
                      |          ^~~~~~~~
                k8s/web.yaml:12:22: error: spec.containers[0].ports[0].containerPort: expected integer, found string "80a" [schema-type]
                   12 |     - containerPort: "80a"
                      |                      ^~~~~
                """;
        assertTrue(text.contains(expectedWeb), text);
        String expectedTabs = """
                k8s/tabs.yaml:6:6: error: data.k: tab\\there, bell\\u0007 and escape\\u001b[31m in a message [schema-type]
                    6 |   k:    "caf\u00e9   \u65e5\u672c"
                      |         ^~~~~~~~~~~~~
                """;
        assertContainsAll(text, expectedTabs, """
                <stdin>:4:7: error: type: expected string, found integer 5 [schema-type]
                    4 | type: 5
                      |       ^
                """);
        assertTrue(
                text.startsWith("error: rule service-selector failed at the end of the run: "
                        + "java.lang.IllegalStateException [rule-failure]\n"),
                "a finding about the run has no location");
        assertTrue(text.endsWith("6 errors, 1 warning, 1 info, 1 suppressed in 6 files, 6 objects (1.23s)\n"), text);
    }

    @Test
    void aSyntaxErrorAtTheEndOfTheFileHasNoFrameButTheLine() throws IOException {
        String text = write(SampleResults.full(), options());
        assertTrue(
                text.contains("k8s/broken.yaml:6:1: error: YAML syntax error: expected the node content, "
                        + "but found '<stream end>' [yaml-syntax]\nk8s/list.yaml:10:13:"),
                text);
    }

    @Test
    void findingsComeInTheResultsOrder() throws IOException {
        String text = write(SampleResults.full(), ReportOptions.plain(dir));
        List<String> lines = text.lines()
                .filter(l -> l.contains("error: ") || l.contains(": warning: ") || l.contains(": info: "))
                .toList();
        assertEquals(
                SampleResults.findingFiles("error"),
                lines.stream().map(l -> l.substring(0, l.indexOf(':'))).toList());
    }

    @Test
    void noSourceMeansOneLinePerFinding() throws IOException {
        String text = write(SampleResults.full(), ReportOptions.plain(dir));
        assertFalse(text.contains(" | "), text);
        assertEquals(
                SampleResults.full().findings().size() + 1 /* summary: a message's line break is escaped */,
                text.lines().count());
    }

    @Test
    void quietLeavesOutTheSummary() throws IOException {
        String text = write(SampleResults.full(), ReportOptions.plain(dir).withShowSummary(false));
        assertFalse(text.contains("suppressed in"), text);
        assertEquals("", write(SampleResults.clean(), ReportOptions.plain(dir).withShowSummary(false)));
    }

    @Test
    void aCleanRunIsTheSummaryAlone() throws IOException {
        assertEquals(
                "0 errors, 0 warnings, 0 infos, 0 suppressed in 2 files, 1 object (0.01s)\n",
                write(SampleResults.clean(), options()));
    }

    @Test
    void coloursMarkSeverityLocationGutterAndMarker() throws IOException {
        String text = write(SampleResults.full(), options().withColor(true));
        assertContainsAll(
                text,
                "\u001b[1mk8s/web.yaml:12:22:\u001b[0m \u001b[1;31merror:\u001b[0m spec.",
                "\u001b[1;33mwarning:\u001b[0m",
                "\u001b[1;36minfo:\u001b[0m",
                "\u001b[2m[schema-type]\u001b[0m",
                "\u001b[34m   12 |\u001b[0m     - containerPort: \"80a\"\n",
                "\u001b[34m      |\u001b[0m \u001b[31m                     ^~~~~\u001b[0m\n",
                "\u001b[1;31m6 errors\u001b[0m, \u001b[1;33m1 warning\u001b[0m");
        // the message's own escape character is still replaced: only kubelint's styles reach the terminal
        assertFalse(text.contains("escape\u001b"), text);
    }

    @Test
    void noColoursMeansNoEscapeCharacterAtAll() throws IOException {
        assertFalse(write(SampleResults.full(), options()).contains("\u001b"));
    }

    @Test
    void sourcesMissingFromTheResultAreReadFromDisk() throws IOException {
        Files.createDirectories(dir.resolve("k8s"));
        Files.write(dir.resolve("k8s/web.yaml"), ("\uFEFF" + SampleResults.WEB).getBytes(StandardCharsets.UTF_8));
        LintResult full = SampleResults.full();
        LintResult withoutSources = SampleResults.withoutSources(full);
        String text = write(withoutSources, options());
        assertTrue(
                text.contains("   12 |     - containerPort: \"80a\"\n"), "read again from disk, BOM dropped: " + text);
        assertFalse(
                text.contains("k8s/list.yaml:10:13: error: items[1].data.k: expected string, found integer 1 <&> "
                        + "[schema-type]\n    10 |"),
                "a file that is gone has no frame: " + text);
        assertFalse(text.contains("4 | type: 5"), "standard input cannot be read again");
    }

    @Test
    void aLineNotKeptIsReadAgainFromDiskEvenBeyondTheDefaultSizeLimit() throws IOException {
        // a file the scan read with a raised size limit: its kept lines miss the line of a cross-object finding
        String head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n";
        String text = head + "  k: " + "x".repeat((int) ReadLimits.DEFAULTS.maxFileBytes()) + "\n";
        Files.writeString(dir.resolve("big.yaml"), text, StandardCharsets.UTF_8);
        SourceExcerpt kept = SourceExcerpt.of(SourceFile.of("big.yaml", text), IntStream.of(2));
        LintResult result = new LintResult(
                LintSettings.DEFAULTS,
                SampleResults.catalog(),
                List.of(
                        SampleResults.finding(
                                "schema-type",
                                Severity.ERROR,
                                "big.yaml",
                                2,
                                7,
                                2,
                                16,
                                "/kind",
                                SampleResults.OK,
                                "kept"),
                        SampleResults.finding(
                                "schema-type",
                                Severity.ERROR,
                                "big.yaml",
                                3,
                                17,
                                3,
                                20,
                                "/metadata/name",
                                SampleResults.OK,
                                "read again")),
                List.of(),
                List.of(SampleResults.file("big.yaml")),
                Map.of("big.yaml", kept),
                Duration.ZERO);
        String report = write(result, options().withShowSummary(false));
        assertContainsAll(
                report,
                "    2 | kind: ConfigMap\n      |       ^~~~~~~~~\n",
                "    3 | metadata: {name: big}\n      |                 ^~~\n");
    }

    @Test
    void summaryCountsEverything() {
        LintResult result = new LintResult(
                LintSettings.DEFAULTS,
                SampleResults.catalog(),
                List.of(SampleResults.finding(
                        "schema-type", Severity.WARNING, "a.yaml", 1, 1, 1, 2, "", SampleResults.OK, "m")),
                List.of(),
                List.of(SampleResults.file("a.yaml")),
                Map.of(),
                Duration.ofMillis(61_500));
        assertEquals(
                "0 errors, 1 warning, 0 infos, 0 suppressed in 1 file, 0 objects (61.50s)",
                TextReporter.summary(result));
    }

    @Test
    void lineIsTheCompilerStyleLocationSeverityMessageAndRule() {
        Finding f = SampleResults.finding(
                "schema-type", Severity.ERROR, "dir/a b.yaml", 3, 5, 3, 9, "/x", SampleResults.OK, "bad");
        assertEquals("dir/a b.yaml:3:5: error: bad [schema-type]", TextReporter.line(f));
    }
}
