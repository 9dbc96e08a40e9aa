package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

@CliWorkspace(sampleInputs = true)
class ColorTest {

    private static final String ESC = "\u001b[";

    Cli cli;

    @Test
    void autoColoursATerminal() {
        String out = cli.terminal(true, false).run("k8s/dup.yaml").out();
        assertTrue(out.contains(ESC + "1;31merror:" + ESC + "0m"), out);
        assertTrue(out.contains(ESC + "1mk8s/dup.yaml:7:3:" + ESC + "0m"), out);
        assertTrue(out.contains(ESC + "31m  ^~~~~~~~" + ESC + "0m"), "the marker is coloured: " + out);
    }

    @Test
    void autoLeavesAPipePlain() {
        assertFalse(cli.terminal(false, false).run("k8s").out().contains(ESC));
    }

    @Test
    void noColorTurnsAutoOff() {
        assertFalse(
                cli.terminal(true, true).env("NO_COLOR", "1").run("k8s").out().contains(ESC));
        assertTrue(cli.env("NO_COLOR", "").run("k8s").out().contains(ESC), "an empty NO_COLOR does not count");
        assertFalse(cli.env("TERM", "dumb").run("k8s").out().contains(ESC), "a dumb terminal gets no colours");
    }

    @Test
    void alwaysAndNeverOverrideTheTerminalAndNoColor() {
        assertTrue(
                cli.terminal(false, false).run("--color", "always", "k8s").out().contains(ESC));
        assertTrue(
                cli.env("NO_COLOR", "1").run("--color=always", "k8s").out().contains(ESC),
                "an explicit option wins over NO_COLOR");
        assertFalse(
                cli.terminal(true, true).run("--color", "never", "k8s").out().contains(ESC));
    }

    @Test
    void reportFilesNeverGetColours() throws IOException {
        Cli.Run run = cli.terminal(true, true).run("--color", "always", "--format", "text=report.txt", "k8s");
        assertFalse(cli.read("report.txt").contains(ESC));
        assertTrue(
                run.out().contains(ESC + "1;31m3 errors" + ESC + "0m"), "the summary on the terminal is: " + run.out());
    }

    @Test
    void machineFormatsOnATerminalStayPlain() {
        for (String format : new String[] {"json", "github", "junit", "sarif"}) {
            Cli.Run run = cli.terminal(true, true).run("--color", "always", "--format", format, "k8s");
            assertFalse(run.out().contains(ESC), format);
            if (format.equals("sarif")) {
                Consumers.sarif(run.out());
            }
        }
    }

    @Test
    void theDecision() {
        Map<String, String> none = Map.of();
        assertTrue(Terminal.useColor(Terminal.ColorMode.AUTO, true, none));
        assertFalse(Terminal.useColor(Terminal.ColorMode.AUTO, false, none));
        assertFalse(Terminal.useColor(Terminal.ColorMode.AUTO, true, Map.of("NO_COLOR", "true")));
        assertTrue(Terminal.useColor(Terminal.ColorMode.ALWAYS, false, Map.of("NO_COLOR", "1")));
        assertFalse(Terminal.useColor(Terminal.ColorMode.NEVER, true, none));
        assertEquals(java.util.Optional.empty(), Terminal.ColorMode.parse("yes"));
    }
}
