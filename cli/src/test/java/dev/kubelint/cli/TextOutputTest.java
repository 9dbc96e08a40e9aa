package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.report.ColumnWidths;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

@CliWorkspace(sampleInputs = true)
class TextOutputTest {

    Cli cli;

    @Test
    void findingsWithTheirSourceLinesThenTheSummary() {
        Cli.Run run = cli.run("k8s");
        assertEquals(Main.FINDINGS, run.exitCode());
        assertEquals("", run.err());
        assertTrue(run.out().contains("""
                k8s/dup.yaml:7:3: error: duplicate key "greeting": first at line 6, column 3; kubectl silently keeps this last value [duplicate-key]
                    7 |   greeting: "bye"
                      |   ^~~~~~~~
                """), run.out());
        assertTrue(run.out().contains("""
                k8s/tagged.yaml:6:8: warning: YAML tag !custom is ignored: kubelint never constructs objects from tags, and kubectl cannot send a tagged value to the API server [yaml-tag]
                    6 |   key: !custom value
                      |        ^~~~~~~~~~~~~
                """), run.out());
        assertTrue(
                run.out()
                        .contains("k8s/broken.yaml:7:1: error: YAML syntax error: expected the node content, but "
                                + "found '<stream end>' (while parsing a flow node) [yaml-syntax]\nk8s/dup.yaml:7:3:"),
                "no frame for the end of the file: " + run.out());
        String summary = run.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(
                summary.matches(
                        "3 errors, 1 warning, 0 infos, 0 suppressed in 5 files, 5 objects \\(\\d+\\.\\d\\ds\\)"),
                summary);
    }

    @Test
    void theCaretStaysUnderTheKeyAfterWideTextAndATab() {
        List<String> lines = cli.run("k8s/wide.yaml").out().lines().toList();
        assertTrue(lines.get(0).startsWith("k8s/wide.yaml:5:24: error: duplicate key"), lines.get(0));
        String source = lines.get(1);
        String marker = lines.get(2);
        assertTrue(source.startsWith("    5 | ") && marker.startsWith("      | "), lines.toString());
        String shown = source.substring("    5 | ".length());
        int caretCell = marker.indexOf('^') - "      | ".length();
        assertEquals(32, caretCell, "7 cells of 'data: {', 8 of the first key, 10 up to the tab, the tab to 32");
        assertFalse(shown.contains("\t"), "tabs are expanded so that every terminal shows the same");
        assertEquals("\"\u65e5\u672c\u8a9e\": \"x\"}", textFromCell(shown, caretCell));
        assertEquals("^~~~~~~~", marker.substring(marker.indexOf('^')), "the key is 8 cells wide");
    }

    /** The shown text from a terminal cell on, counting wide characters as two cells. */
    private static String textFromCell(String shown, int cell) {
        int used = 0;
        int i = 0;
        while (used < cell) {
            int cp = shown.codePointAt(i);
            used += ColumnWidths.of(cp);
            i += Character.charCount(cp);
        }
        return shown.substring(i);
    }

    @Test
    void noSourceGivesOneLinePerFinding() {
        Cli.Run run = cli.run("--no-source", "k8s");
        assertEquals(5, run.out().lines().count(), run.out());
        assertFalse(run.out().contains(" | "));
    }

    @Test
    void quietGivesTheFindingLinesOnly() {
        Cli.Run run = cli.run("-q", "k8s");
        assertEquals(
                List.of("k8s/broken.yaml:7:1", "k8s/dup.yaml:7:3", "k8s/tagged.yaml:6:8", "k8s/wide.yaml:5:24"),
                run.out().lines().map(l -> l.substring(0, l.indexOf(": "))).toList());
        assertEquals(Main.FINDINGS, run.exitCode());
        assertEquals("", cli.run("--quiet", "k8s/pod.yaml").out(), "a clean run is silent");
    }

    @Test
    void standardInputHasCodeFramesToo() {
        Cli.Run run = cli.stdin(Inputs.DUP).run("-");
        assertTrue(run.out().startsWith("""
                <stdin>:7:3: error: duplicate key "greeting": first at line 6, column 3; kubectl silently keeps this last value [duplicate-key]
                    7 |   greeting: "bye"
                      |   ^~~~~~~~
                """), run.out());
    }

    @Test
    void aCleanScanIsTheSummaryAndExitZero() {
        Cli.Run run = cli.run("k8s/pod.yaml");
        assertEquals(Main.OK, run.exitCode());
        assertTrue(
                run.out().startsWith("0 errors, 0 warnings, 0 infos, 0 suppressed in 1 file, 1 object ("), run.out());
    }

    @Test
    void outputFileGetsTheTextReportAndStdoutTheSummary() throws IOException {
        Cli.Run run = cli.run("-o", "out/report.txt", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode());
        String report = cli.read("out/report.txt");
        assertTrue(report.contains("k8s/dup.yaml:7:3: error: duplicate key"), report);
        assertTrue(report.contains("      |   ^~~~~~~~\n"), "frames in files too: " + report);
        assertTrue(run.out().startsWith("3 errors, 1 warning, 0 infos, 0 suppressed in 5 files, 5 objects"), run.out());
        assertEquals(1, run.out().lines().count());
    }
}
