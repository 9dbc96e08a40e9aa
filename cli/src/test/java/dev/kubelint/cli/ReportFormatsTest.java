package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** Each format produced by the command and read as its consumer reads it. */
@CliWorkspace(sampleInputs = true)
class ReportFormatsTest {

    Cli cli;

    @Test
    void jsonOnStandardOutput() {
        Cli.Run run = cli.run("--format", "json", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode());
        JsonNode doc = Consumers.json(run.out());
        assertEquals(5, doc.get("files").asInt());
        assertEquals(5, doc.get("objects").asInt());
        assertEquals(4, doc.get("findings").size());
        JsonNode wide = doc.get("findings").get(3);
        assertEquals("k8s/wide.yaml", wide.get("file").asString());
        assertEquals(
                List.of(5, 24, 5, 29),
                List.of(
                        wide.get("line").asInt(),
                        wide.get("column").asInt(),
                        wide.get("endLine").asInt(),
                        wide.get("endColumn").asInt()));
        assertEquals("/data/\u65e5\u672c\u8a9e", wide.get("jsonPointer").asString());
        assertEquals(0, doc.get("suppressed").size());
        assertEquals(3, doc.get("summary").get("errors").asInt());
        assertEquals(1, doc.get("summary").get("warnings").asInt());
    }

    @Test
    void sarifToAFileIsValidAndPlacesEveryFinding() throws IOException {
        Cli.Run run = cli.run("--format", "sarif=target/kubelint.sarif", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode());
        JsonNode sarif = Consumers.sarif(cli.read("target/kubelint.sarif"));
        JsonNode sarifRun = sarif.get("runs").get(0);
        assertEquals(
                cli.path("").toUri().toString(),
                sarifRun.get("originalUriBaseIds").get("SRCROOT").get("uri").asString());
        JsonNode rules = sarifRun.get("tool").get("driver").get("rules");
        List<String> ruleIds = new ArrayList<>();
        rules.forEach(r -> ruleIds.add(r.get("id").asString()));
        assertEquals(List.of("duplicate-key", "yaml-syntax", "yaml-tag"), ruleIds);
        List<String> places = new ArrayList<>();
        for (JsonNode r : sarifRun.get("results")) {
            assertEquals(
                    r.get("ruleId").asString(),
                    rules.get(r.get("ruleIndex").asInt()).get("id").asString());
            JsonNode physical = r.get("locations").get(0).get("physicalLocation");
            assertEquals(
                    "SRCROOT", physical.get("artifactLocation").get("uriBaseId").asString());
            places.add(physical.get("artifactLocation").get("uri").asString() + ":"
                    + physical.get("region").get("startLine").asInt() + ":"
                    + physical.get("region").get("startColumn").asInt() + " "
                    + r.get("level").asString());
        }
        assertEquals(
                List.of(
                        "k8s/broken.yaml:7:1 error",
                        "k8s/dup.yaml:7:3 error",
                        "k8s/tagged.yaml:6:8 warning",
                        "k8s/wide.yaml:5:24 error"),
                places);
        assertTrue(run.out().startsWith("3 errors, 1 warning"), "the log still gets the summary: " + run.out());
    }

    @Test
    void sarifOfACleanScanIsValid() throws IOException {
        assertEquals(
                Main.OK,
                cli.run("--format", "sarif", "-o", "clean.sarif", "k8s/pod.yaml")
                        .exitCode());
        assertEquals(
                0,
                Consumers.sarif(cli.read("clean.sarif"))
                        .get("runs")
                        .get(0)
                        .get("results")
                        .size());
        Cli.Run stdout = cli.stdin(Inputs.DUP).run("--format", "sarif", "-");
        JsonNode result =
                Consumers.sarif(stdout.out()).get("runs").get(0).get("results").get(0);
        assertEquals(
                "standard input",
                result.get("locations")
                        .get(0)
                        .get("physicalLocation")
                        .get("artifactLocation")
                        .get("description")
                        .get("text")
                        .asString());
    }

    @Test
    void junitToAFileIsValidWithOneTestCasePerObject() throws IOException {
        Cli.Run run = cli.run("--format", "junit=reports/kubelint.xml", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode());
        Document doc = Consumers.junit(cli.read("reports/kubelint.xml"));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(5, suites.getLength());
        Map<String, String> cases = new java.util.TreeMap<>();
        NodeList testcases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) {
            Element c = (Element) testcases.item(i);
            NodeList failures = c.getElementsByTagName("failure");
            String outcome = failures.getLength() == 0
                    ? "pass"
                    : ((Element) failures.item(0)).getAttribute("type") + " x" + failures.getLength();
            cases.put(((Element) c.getParentNode()).getAttribute("name") + " | " + c.getAttribute("name"), outcome);
        }
        assertEquals(
                Map.of(
                        "k8s/broken.yaml | ConfigMap fine", "pass",
                        "k8s/broken.yaml | k8s/broken.yaml", "yaml-syntax x1",
                        "k8s/dup.yaml | ConfigMap dup", "duplicate-key x1",
                        "k8s/pod.yaml | Pod web", "pass",
                        "k8s/tagged.yaml | ConfigMap tagged", "yaml-tag x1",
                        "k8s/wide.yaml | ConfigMap wide", "duplicate-key x1"),
                cases);
        Element failure = (Element) doc.getElementsByTagName("failure").item(1);
        assertEquals(
                "k8s/dup.yaml:7:3: error: duplicate key \"greeting\": first at line 6, column 3; kubectl "
                        + "silently keeps this last value [duplicate-key]",
                failure.getAttribute("message"));
        assertEquals("6", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("4", doc.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void githubCommandsParsedAsTheRunnerDoes() {
        Cli.Run run = cli.run("--format", "github", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.out());
        Consumers.Command dup = Consumers.command(lines.get(1)).orElseThrow();
        assertEquals("error", dup.name());
        assertEquals(
                Map.of(
                        "file",
                        "k8s/dup.yaml",
                        "line",
                        "7",
                        "col",
                        "3",
                        "endLine",
                        "7",
                        "endColumn",
                        "11",
                        "title",
                        "duplicate-key"),
                dup.properties());
        assertEquals(
                "duplicate key \"greeting\": first at line 6, column 3; kubectl silently keeps this last value",
                dup.data());
        Consumers.Command tag = Consumers.command(lines.get(2)).orElseThrow();
        assertEquals("warning", tag.name());
        assertEquals("yaml-tag", tag.properties().get("title"));
        assertTrue(Consumers.command(lines.get(4)).isEmpty(), "the summary is a plain log line");
    }

    @Test
    void severalFormatsInOneRun() throws IOException {
        Cli.Run run = cli.run(
                "--format",
                "text",
                "--format",
                "sarif=target/kubelint.sarif",
                "--format",
                "junit=target/kubelint.xml",
                "--format",
                "json=target/kubelint.json",
                "--no-source",
                "k8s");
        assertEquals(Main.FINDINGS, run.exitCode());
        assertEquals(5, run.out().lines().count(), "text on standard output: " + run.out());
        assertEquals(
                4,
                Consumers.sarif(cli.read("target/kubelint.sarif"))
                        .get("runs")
                        .get(0)
                        .get("results")
                        .size());
        assertEquals(
                4,
                Consumers.junit(cli.read("target/kubelint.xml"))
                        .getElementsByTagName("failure")
                        .getLength());
        assertEquals(
                4,
                Consumers.json(cli.read("target/kubelint.json")).get("findings").size());
    }

    /** The shapes are checked against their consumers' in linter-core; here, that the command writes them. */
    @Test
    void checkstyleAndCodeClimateFromTheCommandLine() throws Exception {
        Cli.Run run = cli.run("--format", "checkstyle=out/checkstyle.xml", "--format", "codeclimate", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode(), run.err());
        JsonNode issues = Consumers.json(run.out());
        assertEquals(4, issues.size());
        assertEquals(
                "k8s/broken.yaml", issues.get(0).get("location").get("path").asString());
        assertEquals(7, issues.get(0).get("location").get("lines").get("begin").asInt());
        assertEquals("critical", issues.get(0).get("severity").asString());
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        Document checkstyle = factory.newDocumentBuilder()
                .parse(cli.path("out/checkstyle.xml").toFile());
        assertEquals("checkstyle", checkstyle.getDocumentElement().getTagName());
        assertEquals(5, checkstyle.getElementsByTagName("file").getLength(), "every file scanned");
        NodeList errors = checkstyle.getElementsByTagName("error");
        assertEquals(4, errors.getLength());
        Element first = (Element) errors.item(0);
        assertEquals(
                List.of("7", "1", "error", "yaml-syntax"),
                List.of(
                        first.getAttribute("line"),
                        first.getAttribute("column"),
                        first.getAttribute("severity"),
                        first.getAttribute("source")));
    }

    /** Format names are read as the Maven plugin reads them, through the one registry: case does not matter. */
    @Test
    void formatNamesIgnoreCase() throws IOException {
        Cli.Run run = cli.run("--format", "JSON", "--format", "Sarif=out.sarif", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode(), run.err());
        assertEquals(4, Consumers.json(run.out()).get("findings").size());
        assertEquals(
                4,
                Consumers.sarif(cli.read("out.sarif"))
                        .get("runs")
                        .get(0)
                        .get("results")
                        .size());
    }

    @Test
    void outputTakesTheOneFormatWithoutAFile() throws IOException {
        Cli.Run run = cli.run("--format", "github=gh.txt", "--format", "json", "-o", "report.json", "k8s");
        assertEquals(Main.FINDINGS, run.exitCode());
        assertEquals(4, Consumers.json(cli.read("report.json")).get("findings").size());
        assertTrue(cli.read("gh.txt").startsWith("::error file=k8s/broken.yaml,line=7,col=1,"), cli.read("gh.txt"));
        assertFalse(run.out().contains("::error"));
    }

    @Test
    void reportFilesAreWrittenEvenWhenTheScanIsClean() throws IOException {
        Cli.Run run = cli.run("--format", "junit=clean.xml", "--format", "github", "k8s/pod.yaml");
        assertEquals(Main.OK, run.exitCode());
        Document doc = Consumers.junit(cli.read("clean.xml"));
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
        assertTrue(run.out().startsWith("0 errors"), "github output of a clean scan is the summary: " + run.out());
    }
}
