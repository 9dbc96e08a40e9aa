package dev.kubelint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.TextReporter;
import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.testing.LatestTagRule;
import dev.kubelint.core.testing.TestCatalog;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result keeps the lines the reports show, not the text of every file. */
class KeptSourceLinesTest {

    @TempDir
    Path dir;

    private LintResult lint(String... inputs) throws Exception {
        // one job: the cross-object rule then sees the files in order, and reports the second one
        return new Linter()
                .lint(LintRequest.of(List.of(inputs), dir, TestCatalog.get()).withJobs(1));
    }

    private static List<Integer> kept(LintResult result, String file) {
        return result.source(file).orElseThrow().lineNumbers().boxed().toList();
    }

    private String text(LintResult result) throws Exception {
        StringWriter out = new StringWriter();
        new TextReporter()
                .write(result, ReportOptions.plain(dir).withShowSource(true).withShowSummary(false), out);
        return out.toString();
    }

    @Test
    void onlyTheLinesFindingsStartOnAreKept() throws Exception {
        Files.writeString(dir.resolve("pod.yaml"), LatestTagRule.POD);
        Files.writeString(dir.resolve("clean.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        LintResult result = lint(".");
        assertEquals(List.of(8, 10), kept(result, "pod.yaml"));
        assertEquals(10, result.source("pod.yaml").orElseThrow().lineCount());
        assertEquals(
                "      image: redis",
                result.source("pod.yaml").orElseThrow().line(10).orElseThrow());
        assertTrue(result.source("clean.yaml").isEmpty(), "a file without findings keeps nothing");
        assertEquals("""
                pod.yaml:8:14: warning: image nginx:latest is not pinned [latest-tag]
                    8 |       image: nginx:latest
                      |              ^~~~~~~~~~~~
                pod.yaml:10:14: warning: image redis is not pinned [latest-tag]
                   10 |       image: redis
                      |              ^~~~~
                """, text(result));
    }

    @Test
    void suppressedFindingsAndSuppressionsKeepTheirLines() throws Exception {
        Files.writeString(
                dir.resolve("pod.yaml"),
                LatestTagRule.POD
                        .replace("image: redis", "image: redis # kubelint-ignore: latest-tag -- pinned by digest later")
                        .replace("  name: web", "  name: web # kubelint-ignore: unique-name -- one of a kind"));
        LintResult result = lint(".");
        assertEquals(List.of(4, 8, 10), kept(result, "pod.yaml"));
        assertEquals("unused-suppression", result.findings().get(0).ruleId());
        assertTrue(
                text(result).contains("   4 |   name: web # kubelint-ignore"), () -> "frame of the unused suppression");
    }

    @Test
    void aCrossObjectFindingOnALineNoOtherFindingIsOnStillHasItsFrame() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), LatestTagRule.POD);
        Files.writeString(
                dir.resolve("b.yaml"),
                LatestTagRule.POD.replace("nginx:latest", "nginx:1.27").replace("image: redis", "image: redis:7"));
        LintResult result = lint(".");
        assertTrue(result.source("b.yaml").isEmpty(), "the duplicate is only known at the end of the run");
        String text = text(result);
        assertTrue(text.contains("""
                b.yaml:4:9: error: Pod web is defined twice [unique-name]
                    4 |   name: web
                      |         ^~~
                """), text);
    }

    @Test
    void nothingIsKeptWhenNoReportShowsSourceLinesAndFramesAreReadAgainIfOneDoes() throws Exception {
        Files.writeString(dir.resolve("pod.yaml"), LatestTagRule.POD);
        LintResult result = new Linter()
                .lint(LintRequest.of(List.of("."), dir, TestCatalog.get()).withSourceLines(false));
        assertEquals(2, result.findings().size());
        assertTrue(result.source("pod.yaml").isEmpty());
        assertTrue(text(result).contains("   10 |       image: redis\n"), "read again from disk");
    }

    @Test
    void standardInputIsKeptWhole() throws Exception {
        LintRequest request = LintRequest.of(List.of("-"), dir, TestCatalog.get())
                .withStdin(new ByteArrayInputStream(LatestTagRule.POD.getBytes(StandardCharsets.UTF_8)));
        SourceExcerpt kept = new Linter().lint(request).source("<stdin>").orElseThrow();
        assertEquals(10, kept.lineNumbers().count());
        assertEquals("kind: Pod", kept.line(2).orElseThrow());
    }
}
