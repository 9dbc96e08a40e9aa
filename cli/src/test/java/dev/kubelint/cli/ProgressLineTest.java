package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressLineTest {

    private static final long MS = 1_000_000L;
    private static final String ERASE = "\r\u001b[K";

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final StringWriter err = new StringWriter();

    private ProgressLine line() {
        return new ProgressLine(new PrintWriter(err), now::get);
    }

    @Test
    void nothingDuringTheFirstMoment() {
        ProgressLine line = line();
        now.addAndGet(200 * MS);
        line.progress(1, 100, 3, 0);
        line.close();
        assertEquals("", err.toString(), "a short scan leaves stderr untouched");
    }

    @Test
    void drawsThenRedrawsAtMostTenTimesASecondThenErases() {
        ProgressLine line = line();
        now.addAndGet(400 * MS);
        line.progress(10, 100, 12, 1);
        assertEquals(ERASE + "kubelint: 10/100 files (10%), 12 objects, 1 finding so far", err.toString());
        now.addAndGet(50 * MS);
        line.progress(11, 100, 13, 1);
        assertEquals(1, err.toString().split("\r", -1).length - 1, "too soon to redraw");
        now.addAndGet(60 * MS);
        line.progress(12, 100, 14, 2);
        assertTrue(err.toString().endsWith(ERASE + "kubelint: 12/100 files (12%), 14 objects, 2 findings so far"));
        line.close();
        assertTrue(err.toString().endsWith(ERASE), "erased at the end");
        int length = err.toString().length();
        now.addAndGet(500 * MS);
        line.progress(13, 100, 15, 2);
        assertEquals(length, err.toString().length(), "a straggling worker draws nothing after the end");
    }

    @Test
    void theLastFileDrawsNothingSinceTheReportFollows() {
        ProgressLine line = line();
        now.addAndGet(400 * MS);
        line.progress(100, 100, 120, 5);
        assertEquals("", err.toString());
    }

    @Test
    void neverInCiOrWhenStderrIsNoTerminal() {
        assertTrue(Terminal.showProgress(true, Map.of()));
        assertFalse(Terminal.showProgress(true, Map.of("CI", "true")));
        assertFalse(Terminal.showProgress(false, Map.of()));
        assertFalse(Terminal.showProgress(true, Map.of("TERM", "dumb")));
    }

    @Test
    void aScanThroughTheCommandLeavesCleanOutput() throws IOException {
        Cli cli = Inputs.all(new Cli(dir));
        for (int i = 0; i < 40; i++) {
            cli.file("many/cm-" + i + ".yaml", Inputs.POD);
        }
        Cli.Run ci = cli.terminal(true, true).env("CI", "true").run("many");
        assertEquals("", ci.err(), "CI logs get no progress line");
        Cli.Run pipe = new Cli(dir).terminal(true, false).run("many");
        assertEquals("", pipe.err(), "a redirected stderr gets no progress line");
        Cli.Run terminal = new Cli(dir).terminal(true, true).run("many");
        assertTrue(
                terminal.err().isEmpty() || terminal.err().endsWith(ERASE),
                "whatever was drawn is erased before the report: " + terminal.err());
        assertTrue(terminal.out().startsWith("0 errors"), terminal.out());
    }
}
