package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.rule.RuleDocs;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesAndExplainCommandTest {

    @TempDir
    Path dir;

    private ConfigCli.Run run(String... args) {
        return ConfigCli.run(dir, args);
    }

    @Test
    void rulesListsEveryRuleWithItsMetadata() {
        ConfigCli.Run run = run("rules");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].matches("ID +SEVERITY +ON +CATEGORY +SUMMARY"), lines[0]);
        assertTrue(
                run.out()
                        .lines()
                        .anyMatch(
                                l -> l.matches("image-tag +warning +on +images +A container image has no" + " tag .*")),
                run.out());
        assertTrue(
                run.out().lines().anyMatch(l -> l.matches("liveness-probe-missing +info +off +probes .*")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("yaml-syntax +error +on +input .*")), run.out());
        assertFalse(run.out().contains("kubelint built-in rules"), "no origin column without rule jars");
    }

    @Test
    void rulesFitsOneHundredColumnsOrTheTerminal() {
        ConfigCli.Run run = run("rules");
        assertTrue(run.out().lines().count() > 60);
        assertTrue(run.out().lines().allMatch(l -> l.length() <= 100), run.out());
        String table = run.out();
        int summary = table.lines().findFirst().orElseThrow().indexOf("SUMMARY");
        assertTrue(
                table.lines()
                        .anyMatch(l ->
                                l.length() > summary && l.substring(0, summary).isBlank()),
                "a long summary goes on in its column on the next line: " + table);
        assertTrue(table.replaceAll("\\s+", " ").contains("A container image has no tag or the tag latest"), table);
        StringWriter out = new StringWriter();
        Main.run(
                new String[] {"rules"},
                new Main.Environment(dir, InputStream.nullInputStream(), Map.of("COLUMNS", "160"), true),
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertTrue(out.toString().lines().allMatch(l -> l.length() <= 160));
        assertTrue(out.toString().lines().anyMatch(l -> l.length() > 100), "a wider terminal shows more");
    }

    @Test
    void rulesMarkdownPrintsTheCatalogue() {
        ConfigCli.Run run = run("rules", "--format", "markdown");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith(RuleDocs.GENERATED), run.out());
        assertTrue(
                run.out().contains("| [container-port-conflict](container-port-conflict.md) | warning | on |"),
                run.out());
    }

    @Test
    void rulesMarkdownOutputWritesPagesAndRemovesOnlyStaleGeneratedOnes() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("gone-rule.md"), RuleDocs.GENERATED + "\n\n# gone-rule\n");
        Files.writeString(docs.resolve("notes.md"), "# hand-written\n");
        ConfigCli.Run run = run("rules", "--format", "markdown", "--output", "docs");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("removed 1 stale pages"), run.err());
        assertFalse(Files.exists(docs.resolve("gone-rule.md")));
        assertTrue(Files.exists(docs.resolve("notes.md")));
        String page = Files.readString(docs.resolve("port-protocol.md"));
        assertTrue(page.contains("```yaml\napiVersion: v1\nkind: Pod\n"), page);
        assertFalse(page.contains("# expect:"), page);
        assertTrue(Files.readString(docs.resolve("README.md")).contains("(port-protocol.md)"));
    }

    @Test
    void rulesRejectsBadOptions() {
        assertEquals(2, run("rules", "--format", "xml").code());
        assertEquals(2, run("rules", "--output", "docs").code());
        assertEquals(2, run("rules", "extra").code());
        assertEquals(0, run("rules", "--help").code());
    }

    @Test
    void explainPrintsTheDocWithExamplesFromTheFixtures() {
        ConfigCli.Run run = run("explain", "port-protocol");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("port-protocol (error, on by default, category ports"), run.out());
        assertTrue(run.out().contains("Why:\n  The API server accepts exactly TCP, UDP and SCTP"), run.out());
        assertTrue(run.out().contains("Reported:\n    apiVersion: v1\n    kind: Pod\n"), run.out());
        assertTrue(run.out().contains("          protocol: udp\n"), run.out());
        assertTrue(run.out().contains("Not reported:\n"), run.out());
        assertFalse(run.out().contains("expect:"), run.out());
    }

    @Test
    void explainMarkdownIsTheGeneratedPage() {
        ConfigCli.Run run = run("explain", "--format", "markdown", "image-tag");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith(RuleDocs.GENERATED + "\n\n# image-tag\n"), run.out());
    }

    @Test
    void explainUnknownRuleSuggestsTheClosestOne() {
        ConfigCli.Run typo = run("explain", "contaner-port-conflict");
        assertEquals(2, typo.code());
        assertTrue(
                typo.err().contains("unknown rule contaner-port-conflict; did you mean container-port-conflict?"),
                typo.err());
        ConfigCli.Run fragment = run("explain", "restart-polic");
        assertTrue(fragment.err().contains("did you mean restart-policy?"), fragment.err());
        ConfigCli.Run nothing = run("explain", "zzzzzzzzzzzz");
        assertEquals(2, nothing.code());
        assertFalse(nothing.err().contains("did you mean"), nothing.err());
    }

    @Test
    void explainNeedsExactlyOneRuleId() {
        assertEquals(2, run("explain").code());
        assertEquals(2, run("explain", "image-tag", "image-missing").code());
        assertEquals(2, run("explain", "--format", "html", "image-tag").code());
    }

    @Test
    void subCommandsReadOptionsAsTheScanDoes() {
        ConfigCli.Run misspelt = run("rules", "--formt", "markdown");
        assertEquals(2, misspelt.code());
        assertTrue(
                misspelt.err().startsWith("kubelint: unknown option --formt; did you mean --format?"), misspelt.err());
        // an abbreviation is not taken for the option it starts: a later option could make it ambiguous
        ConfigCli.Run abbreviated = run("explain", "--form", "markdown", "image-tag");
        assertEquals(2, abbreviated.code());
        assertTrue(abbreviated.err().contains("unknown option --form; did you mean --format?"), abbreviated.err());
        ConfigCli.Run noValue = run("config", "init", "--rules-jar");
        assertEquals(2, noValue.code());
        assertTrue(noValue.err().contains("option --rules-jar needs a value: --rules-jar JAR"), noValue.err());
    }

    @Test
    void explainSuggestsWithTheEditDistanceOfEveryOtherSuggestion() {
        // a swap of two letters is one edit, as for options and configuration keys: two swaps are two edits here,
        // four for a plain Levenshtein distance, which would find nothing this close
        ConfigCli.Run swapped = run("explain", "imgae-tga");
        assertEquals(2, swapped.code());
        assertTrue(swapped.err().contains("did you mean image-tag?"), swapped.err());
    }
}
