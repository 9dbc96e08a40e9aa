package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every usage error: one line naming the problem, exit code 2, nothing on standard output, no stack trace. */
@CliWorkspace(sampleInputs = true)
class UsageErrorsTest {

    Cli cli;

    @BeforeEach
    void standardInput() {
        cli.stdin(Inputs.DUP);
    }

    /** Runs with "-" as input, so that the test can tell whether scanning started. */
    private String usageError(String... options) {
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = "-";
        Cli.Run run = cli.run(args);
        assertEquals(Main.USAGE, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.errLines().size(), "one line: " + run.err());
        assertTrue(run.err().startsWith("kubelint: "), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertFalse(cli.stdinWasRead(), "options are checked before scanning starts");
        return run.errLines().get(0);
    }

    @Test
    void misspelledOptionsGetASuggestion() {
        assertEquals("kubelint: unknown option --formt; did you mean --format?", usageError("--formt", "json"));
        assertEquals("kubelint: unknown option --no-sorce; did you mean --no-source?", usageError("--no-sorce"));
        assertEquals(
                "kubelint: unknown option --kubernetes-versoin; did you mean --kubernetes-version?",
                usageError("--kubernetes-versoin", "1.30"));
        assertEquals("kubelint: unknown option --colour; did you mean --color?", usageError("--colour", "never"));
        assertEquals("kubelint: unknown option --kube; did you mean --kubernetes-version?", usageError("--kube"));
        assertEquals("kubelint: unknown option --frobnicate", usageError("--frobnicate"));
    }

    @Test
    void optionValuesAreChecked() {
        assertEquals(
                "kubelint: option --format needs a value: --format FORMAT[=FILE]",
                cli.run("--format").errLines().get(0));
        assertEquals("kubelint: option --no-source takes no value", usageError("--no-source=yes"));
        assertEquals(
                "kubelint: unknown format 'xml' for --format; formats are text, json, sarif, junit, github, "
                        + "checkstyle, codeclimate, html",
                usageError("--format", "xml"));
        assertEquals(
                "kubelint: unknown format 'junti' for --format; did you mean junit? formats are text, json, "
                        + "sarif, junit, github, checkstyle, codeclimate, html",
                usageError("--format", "junti=out.xml"));
        assertEquals("kubelint: --format sarif= needs a file name after '='", usageError("--format", "sarif="));
        assertEquals(
                "kubelint: --color must be auto, always or never, not sometimes", usageError("--color", "sometimes"));
        assertEquals("kubelint: --jobs: job count 0 is not a whole number from 1 to 1024", usageError("-j", "0"));
        assertEquals("kubelint: --jobs: 'many' is not a whole number", usageError("-j", "many"));
        assertEquals(
                "kubelint: --fail-on: failure threshold 'errors' is not one of error, warning, info, none",
                usageError("--fail-on", "errors"));
        assertEquals(
                "kubelint: --kubernetes-version: Kubernetes version '1.99' is not one of the bundled releases"
                        + " 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35 (give a minor release such as 1.31, or a patch release such as 1.31.4)",
                usageError("--kubernetes-version", "1.99"));
    }

    @Test
    void reportDestinationsMustBeUnambiguous() {
        assertEquals(
                "kubelint: only one report can go to standard output, but text and json have no file; write "
                        + "--format NAME=FILE for all but one",
                usageError("--format", "text", "--format", "json"));
        assertEquals(
                "kubelint: -o/--output takes one report, but text and json have no file of their own; write "
                        + "--format NAME=FILE for the others",
                usageError("--format", "text", "--format", "json", "-o", "x"));
        assertEquals(
                "kubelint: -o/--output out.json has no report to take: every --format names its own file",
                usageError("--format", "json=a.json", "-o", "out.json"));
        assertEquals(
                "kubelint: two reports would be written to the same file " + cli.path("r.txt"),
                usageError("--format", "json=r.txt", "--format", "sarif=./r.txt"));
        assertEquals(
                "kubelint: -o/--output given 2 times; give each format its own file with --format NAME=FILE",
                usageError("-o", "a", "-o", "b"));
    }

    @Test
    void reportPathsAreCheckedWritableBeforeScanning() throws IOException {
        Files.createDirectories(cli.path("adir"));
        assertEquals(
                "kubelint: cannot write the report to " + cli.path("adir") + ": it is a folder",
                usageError("--format", "sarif=adir"));
        Files.writeString(cli.path("afile"), "x");
        assertEquals(
                "kubelint: cannot write the report to " + cli.path("afile/r.xml") + ": " + cli.path("afile")
                        + " is not a folder",
                usageError("--format", "text", "--format", "junit=afile/r.xml"));
        assertEquals(
                "kubelint: cannot write the report to " + cli.path("adir") + ": it is a folder",
                usageError("-o", "adir"));
    }

    @Test
    void unwritableFolder() throws IOException {
        Path locked = Files.createDirectories(cli.path("locked"));
        boolean changed = locked.toFile().setWritable(false, false);
        try {
            // root may write anywhere: then the check rightly passes and there is nothing to test
            if (changed && !Files.isWritable(locked)) {
                assertEquals(
                        "kubelint: cannot write the report to " + locked.resolve("r.sarif") + ": permission denied",
                        usageError("--format", "sarif=locked/r.sarif"));
            }
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void noInput() {
        Cli.Run run = cli.run("--format", "json");
        assertEquals(Main.USAGE, run.exitCode());
        assertEquals("kubelint: no input: give one or more files or folders, or - for standard input\n", run.err());
    }

    @Test
    void missingInputPathIsExitTwoAndNamesThePath() {
        Cli.Run run = cli.run("k8s", "nope.yaml");
        assertEquals(Main.USAGE, run.exitCode());
        assertTrue(run.err().contains("nope.yaml"), run.err());
        assertEquals("", run.out(), "nothing is reported when an input path is wrong");
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void laterValuesOverrideEarlierOnes() {
        assertEquals(
                Main.OK,
                cli.run("--fail-on", "warning", "--fail-on", "none", "k8s").exitCode());
    }
}
