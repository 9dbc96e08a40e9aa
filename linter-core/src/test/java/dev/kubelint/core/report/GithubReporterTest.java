package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.report.WorkflowCommandParser.Command;
import dev.kubelint.core.rule.LintSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubReporterTest {

    @TempDir
    Path dir;

    private List<String> lines(LintResult result, ReportOptions options) throws IOException {
        return SampleResults.render(new GithubReporter(), result, options)
                .lines()
                .toList();
    }

    private static Command command(String line) {
        return WorkflowCommandParser.parse(line).orElseThrow(() -> new AssertionError("not a command: " + line));
    }

    @Test
    void oneCommandPerFindingThenThePlainSummary() throws IOException {
        LintResult result = SampleResults.full();
        List<String> lines = lines(result, ReportOptions.plain(dir));
        assertEquals(result.findings().size() + 1, lines.size());
        for (int i = 0; i < result.findings().size(); i++) {
            Finding f = result.findings().get(i);
            Command c = command(lines.get(i));
            assertEquals(f.ruleId(), c.properties().get("title"));
            assertTrue(lines.get(i).indexOf('\n') < 0 && lines.get(i).indexOf('\r') < 0);
        }
        assertTrue(WorkflowCommandParser.parse(lines.get(lines.size() - 1)).isEmpty(), "the summary is a log line");
        assertTrue(lines.get(lines.size() - 1).startsWith("6 errors, 1 warning, 1 info, 1 suppressed"));
    }

    @Test
    void severitiesMapToErrorWarningAndNotice() throws IOException {
        List<String> names = lines(
                        SampleResults.full(), ReportOptions.plain(dir).withShowSummary(false))
                .stream()
                .map(l -> command(l).name())
                .distinct()
                .sorted()
                .toList();
        assertEquals(List.of("error", "notice", "warning"), names);
    }

    @Test
    void propertiesGiveFileAndRangeAsTheRunnerReadsThem() throws IOException {
        Command c = command(lines(SampleResults.full(), ReportOptions.plain(dir)).stream()
                .filter(l -> l.contains("containerPort"))
                .findFirst()
                .orElseThrow());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("file", "k8s/web.yaml");
        expected.put("line", "12");
        expected.put("col", "22");
        expected.put("endLine", "12");
        expected.put("endColumn", "27");
        expected.put("title", "schema-type");
        assertEquals("error", c.name());
        assertEquals(expected, c.properties());
        assertEquals("spec.containers[0].ports[0].containerPort: expected integer, found string \"80a\"", c.data());
    }

    @Test
    void messagesRoundTripThroughTheRunnersUnescaping() throws IOException {
        LintResult result = SampleResults.full();
        List<String> lines = lines(result, ReportOptions.plain(dir));
        for (int i = 0; i < result.findings().size(); i++) {
            Finding f = result.findings().get(i);
            String data = command(lines.get(i)).data();
            // line breaks travel as GitHub's %0A and come back; other control characters are escaped as in the text
            // report
            String shown = String.join(
                    "\n",
                    java.util.Arrays.stream(f.message().split("\n", -1))
                            .map(PrintableText::escape)
                            .toList());
            assertTrue(data.endsWith(shown), data + " should end with " + shown);
        }
        String multiLine =
                lines.stream().filter(l -> l.startsWith("::notice")).findFirst().orElseThrow();
        assertTrue(multiLine.endsWith("::name \"web\" could say more%0Asecond line of the message"), multiLine);
        String percent = lines.stream()
                .filter(l -> l.contains("label value"))
                .findFirst()
                .orElseThrow();
        assertTrue(percent.contains("100%25 wrong, a:b"), "data keeps : and , but escapes %: " + percent);
    }

    @Test
    void awkwardFileNamesSurviveAsProperties() {
        Finding f = SampleResults.finding(
                "schema-type", Severity.WARNING, "we,ird/na:me%2C.yaml", 3, 4, 3, 9, "", SampleResults.OK, "m");
        String line = GithubReporter.command(f);
        assertEquals(
                "::warning file=we%2Cird/na%3Ame%252C.yaml,line=3,col=4,endLine=3,endColumn=9,title=schema-type::m",
                line);
        assertEquals("we,ird/na:me%2C.yaml", command(line).properties().get("file"));
    }

    @Test
    void aSpanOverSeveralLinesHasNoColumns() {
        Finding f =
                SampleResults.finding("schema-type", Severity.INFO, "a.yaml", 3, 4, 7, 2, "", SampleResults.OK, "m");
        assertEquals(
                Map.of("file", "a.yaml", "line", "3", "endLine", "7", "title", "schema-type"),
                command(GithubReporter.command(f)).properties());
    }

    @Test
    void standardInputAndRunFindingsHaveNoFileButSayWhere() throws IOException {
        List<String> lines = lines(SampleResults.full(), ReportOptions.plain(dir));
        Command stdin = command(lines.stream()
                .filter(l -> l.contains("found integer 5"))
                .findFirst()
                .orElseThrow());
        assertEquals(Map.of("title", "schema-type"), stdin.properties());
        assertEquals("<stdin>:4:7: type: expected string, found integer 5", stdin.data());
        Command run = command(lines.get(0));
        assertEquals(Map.of("title", "rule-failure"), run.properties());
    }

    @Test
    void escapingFollowsTheWorkflowCommandFormat() {
        assertEquals("100%25 done%0D%0Anext: a, b", WorkflowCommands.escapeData("100% done\r\nnext: a, b"));
        assertEquals("a%3Ab%2Cc%25d%0A", WorkflowCommands.escapeProperty("a:b,c%d\n"));
        assertEquals("%250A", WorkflowCommands.escapeData("%0A"), "a literal %0A must not turn into a line break");
        assertEquals("%0A", WorkflowCommandParser.unescapeData(WorkflowCommands.escapeData("%0A")));
        String tricky = "::x::%25%0A\r\n:,=";
        assertEquals(tricky, WorkflowCommandParser.unescapeData(WorkflowCommands.escapeData(tricky)));
        assertEquals(tricky, WorkflowCommandParser.unescapeProperty(WorkflowCommands.escapeProperty(tricky)));
    }

    @Test
    void aMessageThatLooksLikeACommandStaysData() {
        Finding f = SampleResults.finding(
                "schema-type",
                Severity.ERROR,
                "a.yaml",
                1,
                1,
                1,
                2,
                "",
                SampleResults.OK,
                "value \"::error::pwned\"\n::set-output name=x::y");
        List<String> lines = GithubReporter.command(f).lines().toList();
        assertEquals(1, lines.size(), "a line break in a message cannot start a second command");
        assertEquals(
                "value \"::error::pwned\"\n::set-output name=x::y",
                command(lines.get(0)).data());
        assertEquals(
                Optional.of("error"), WorkflowCommandParser.parse(lines.get(0)).map(Command::name));
    }

    @Test
    void quietLeavesOutTheSummary() throws IOException {
        LintResult clean = new LintResult(
                LintSettings.DEFAULTS,
                SampleResults.catalog(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                Duration.ZERO);
        assertEquals(List.of(), lines(clean, ReportOptions.plain(dir).withShowSummary(false)));
        assertFalse(lines(clean, ReportOptions.plain(dir)).isEmpty());
    }
}
