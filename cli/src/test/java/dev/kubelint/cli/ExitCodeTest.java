package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

@CliWorkspace(sampleInputs = true)
class ExitCodeTest {

    Cli cli;

    @Test
    void zeroWhenNothingReachesTheThreshold() {
        assertEquals(Main.OK, cli.run("k8s/pod.yaml").exitCode());
        assertEquals(Main.OK, cli.run("k8s/tagged.yaml").exitCode(), "a warning does not fail by default");
        assertEquals(Main.OK, cli.run("--fail-on", "none", "k8s").exitCode());
    }

    @Test
    void oneWhenAFindingReachesTheThreshold() throws IOException {
        assertEquals(Main.FINDINGS, cli.run("k8s/dup.yaml").exitCode());
        assertEquals(
                Main.FINDINGS,
                cli.run("--fail-on", "warning", "k8s/tagged.yaml").exitCode());
        assertEquals(
                Main.FINDINGS,
                cli.run("--fail-on", "info", "--format", "sarif=x.sarif", "k8s/tagged.yaml")
                        .exitCode());
        Consumers.sarif(cli.read("x.sarif"));
    }

    /** Reads what a run wrote as the format's consumer would, so every report made here is checked too. */
    private static void consume(String format, String report) {
        switch (format) {
            case "sarif" -> Consumers.sarif(report);
            case "junit" -> Consumers.junit(report);
            case "json" -> Consumers.json(report);
            default -> {}
        }
    }

    @Test
    void theFormatDoesNotChangeTheExitCode() {
        for (String format : new String[] {"text", "json", "sarif", "junit", "github"}) {
            Cli.Run findings = cli.run("--format", format, "k8s");
            assertEquals(Main.FINDINGS, findings.exitCode(), format);
            consume(format, findings.out());
            Cli.Run clean = cli.run("--format", format, "k8s/pod.yaml");
            assertEquals(Main.OK, clean.exitCode(), format);
            consume(format, clean.out());
        }
    }

    @Test
    void helpAndVersionAreZero() {
        assertEquals(Main.OK, cli.run("--help").exitCode());
        assertEquals(Main.OK, cli.run("-h").exitCode());
        assertEquals(Main.OK, cli.run("--version").exitCode());
    }
}
