package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * What a hostile manifest can do to the output: a value no encoding can write must not cut a report short, a
 * value or file name with line breaks must not forge a line of CI output, and a report must not overwrite an input.
 */
class HostileOutputTest {

    @TempDir
    Path dir;

    /** A ConfigMap whose two keys are the same (so a duplicate-key finding quotes the key) and the key given. */
    private static String duplicateKey(String keyInDoubleQuotes) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  \"" + keyInDoubleQuotes + "\": a\n  \""
                + keyInDoubleQuotes + "\": b\n";
    }

    private static String strictUtf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not valid UTF-8", e);
        }
    }

    @Test
    void aLoneSurrogateIsWrittenAsTheReplacementCharacterInEveryReport() throws IOException {
        Cli cli = new Cli(dir)
                .file("k8s/cm.yaml", duplicateKey("a\\uD800b"))
                .file("k8s/other.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\n");
        Cli.Run run = cli.run(
                "--format",
                "json=r/report.json",
                "--format",
                "sarif=r/report.sarif",
                "--format",
                "junit=r/report.xml",
                "--format",
                "github=r/report.github",
                "--format",
                "text",
                "-o",
                "r/report.txt",
                "k8s");
        assertEquals(Main.FINDINGS, run.exitCode(), run.err());
        assertEquals("", run.err());
        String shown = "a\uFFFDb";

        JsonNode json = Consumers.json(strictUtf8(cli.path("r/report.json")));
        int findings = json.get("findings").size();
        assertTrue(findings >= 2, json.toString());
        assertTrue(json.get("findings").toString().contains(shown), json.toString());
        assertTrue(json.get("findings").toString().contains("other.yaml"), "the findings after it are written");

        JsonNode sarif = Consumers.sarif(strictUtf8(cli.path("r/report.sarif")));
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertEquals(findings, results.size(), "the report is complete");
        assertTrue(results.toString().contains(shown), results.toString());

        Document junit = Consumers.junit(strictUtf8(cli.path("r/report.xml")));
        assertEquals(findings, junit.getElementsByTagName("failure").getLength());
        assertTrue(strictUtf8(cli.path("r/report.xml")).contains(shown));

        List<String> github = strictUtf8(cli.path("r/report.github")).lines().toList();
        assertEquals(findings + 1, github.size(), "a command per finding and the summary");
        assertTrue(
                github.stream()
                        .limit(findings)
                        .map(l -> Consumers.command(l).orElseThrow().data())
                        .anyMatch(d -> d.contains(shown)),
                github.toString());

        String text = strictUtf8(cli.path("r/report.txt"));
        assertTrue(text.contains(shown), text);
        assertTrue(text.contains("k8s/other.yaml:5:3"), "the findings after it are written: " + text);
        assertTrue(text.contains("in 2 files"), "the summary is written: " + text);

        Cli.Run stdout = cli.run("--format", "json", "k8s");
        assertTrue(stdout.out().contains(shown) && !stdout.out().contains("\uD800"), stdout.out());
    }

    private static final String FORGED =
            "k\\n::error file=x.yaml,line=1::FORGED\\n[ERROR] FORGED\\r\\e[31mred\\0\\x85\\u2028";

    @Test
    void noValueOrFileNameStartsALineOfItsOwnOrReachesTheTerminalInTheTextReport() throws IOException {
        Cli cli = new Cli(dir)
                .file("k8s/cm.yaml", duplicateKey(FORGED))
                .file("k8s/evil\n::error file=x.yaml::FORGED\u001b[2J.yaml", "kind: A\nkind: B\n");
        Cli.Run run = cli.run("--no-source", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(
                    lines.get(i).startsWith("k8s/")
                            || i == lines.size() - 1 && lines.get(i).contains(" in 2 files"),
                    lines.get(i));
            assertNoControlCharacter(lines.get(i));
        }
        assertTrue(
                lines.stream()
                        .anyMatch(
                                l -> l.startsWith(
                                        "k8s/cm.yaml:7:3: error: duplicate key \"k\\n::error"
                                                + " file=x.yaml,line=1::FORGED\\n[ERROR] FORGED\\r\\u001b[31mred\\u0000\\u0085\\u2028\"")),
                run.out());
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("k8s/evil\\n::error file=x.yaml::FORGED\\u001b[2J.yaml:2:1:")),
                run.out());
    }

    @Test
    void theGithubFormatEscapesEveryControlCharacterAndKeepsOneCommandPerFinding() throws IOException {
        Cli cli = new Cli(dir)
                .file("k8s/cm.yaml", duplicateKey(FORGED))
                .file("k8s/evil\n::error file=x.yaml::FORGED\u001b[2J.yaml", "kind: A\nkind: B\n");
        Cli.Run run = cli.run("--format", "github", "k8s");
        List<String> lines = run.out().lines().toList();
        for (String line : lines) {
            assertNoControlCharacter(line);
        }
        List<Consumers.Command> commands = lines.subList(0, lines.size() - 1).stream()
                .map(l -> Consumers.command(l).orElseThrow())
                .toList();
        assertTrue(Consumers.command(lines.get(lines.size() - 1)).isEmpty(), "the summary is a plain line");
        assertTrue(
                commands.stream()
                        .anyMatch(
                                c -> c.properties().get("file").equals("k8s/cm.yaml")
                                        && c.data()
                                                .contains(
                                                        "k\n::error file=x.yaml,line=1::FORGED\n[ERROR] FORGED\r\\u001b[31mred\\u0000")),
                "line breaks as GitHub's %0A, the other controls escaped: " + run.out());
        assertTrue(
                commands.stream()
                        .anyMatch(c -> c.properties()
                                .get("file")
                                .equals("k8s/evil\n::error file=x.yaml::FORGED\\u001b[2J.yaml")),
                run.out());
    }

    private static void assertNoControlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int type = Character.getType(c);
            assertFalse(
                    type == Character.CONTROL
                            || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR,
                    "U+" + Integer.toHexString(c) + " in " + line);
        }
    }

    @Test
    void aReportThatWouldOverwriteAScannedInputIsRefusedBeforeTheScan() throws IOException {
        String manifest = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n";
        Cli cli = new Cli(dir).file("k8s/namespace.yaml", manifest).file("k8s/sub/b.json", "{}\n");
        for (List<String> args : List.of(
                List.of("--format", "sarif=k8s/namespace.yaml", "k8s/"),
                List.of("-o", "k8s/namespace.yaml", "k8s"),
                List.of("--format", "text", "--format", "json=k8s/sub/../sub/b.json", "k8s/sub"),
                List.of("--format", "json=k8s/namespace.yaml", "k8s/namespace.yaml"),
                List.of("--format", "json=./k8s/namespace.yaml", "-", "k8s"))) {
            Cli.Run run = cli.stdin("a: 1\n").run(args.toArray(String[]::new));
            assertEquals(Main.USAGE, run.exitCode(), args + ": " + run.out() + run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.err().contains("is one of the scanned inputs"), run.err());
            assertFalse(cli.stdinWasRead(), "refused before the scan: " + args);
        }
        assertEquals(manifest, cli.read("k8s/namespace.yaml"));
        assertEquals("{}\n", cli.read("k8s/sub/b.json"));

        // a report in a scanned folder that the scan does not read (a new file, or one the globs leave out) is fine
        Cli.Run fresh = cli.run("--format", "json=k8s/new.json", "k8s");
        assertEquals("", fresh.err());
        assertTrue(Files.size(cli.path("k8s/new.json")) > 0);
        Cli.Run excluded = cli.run("--format", "json=k8s/new.json", "--exclude", "**/new.json", "k8s");
        assertEquals("", excluded.err());
        // k8s/sub/b.json holds no object: a folder walk leaves it out as not a manifest
        assertEquals(1, Consumers.json(cli.read("k8s/new.json")).get("files").asInt());
    }
}
