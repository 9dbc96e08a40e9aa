package dev.kubelint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.testing.TestFiles;
import dev.kubelint.core.testing.TestRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinterTest {

    @TempDir
    Path dir;

    private static RuleCatalog catalog(RuleDescriptor... extra) {
        return TestRules.coreWith(extra);
    }

    /** A Pod named p, typed by its kind alone. */
    private static final String POD_P = "kind: Pod\nmetadata: {name: p}\n";

    private static List<String> ruleIds(LintResult result) {
        return result.findings().stream().map(Finding::ruleId).toList();
    }

    private static List<String> messages(LintResult result) {
        return result.findings().stream().map(Finding::message).toList();
    }

    /** A request for the whole folder, with the core rules and the given ones. */
    private LintRequest request(RuleDescriptor... rules) {
        return LintRequest.of(List.of("."), dir, catalog(rules));
    }

    private LintResult lint(LintRequest request) throws Linter.InputException {
        return new Linter().lint(request);
    }

    private void write(String name, String text) throws IOException {
        TestFiles.write(dir, name, text);
    }

    @Test
    void listItemsAreObjectsOfTheirOwnWithTheirOwnPositions() throws Exception {
        write(
                "list.yaml",
                "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n"
                        + "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n");
        LintResult result = lint(request(TestRules.kindEcho()));
        List<Finding> echoes = result.findings();
        assertEquals(2, echoes.size(), echoes.toString());
        assertEquals("kind Service named a", echoes.get(0).message());
        assertEquals(5, echoes.get(0).location().line());
        assertEquals("/items/0/kind", echoes.get(0).location().jsonPointer());
        assertEquals(8, echoes.get(1).location().line());
        assertEquals(2, result.objectCount());
    }

    @Test
    void objectsAreListedOnlyWhenAskedForAndCountedAlways() throws Exception {
        write(
                "a.yaml",
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n---\napiVersion: v1\nkind: Pod\n"
                        + "metadata: {name: q, namespace: shop}\n");
        LintRequest request = request();
        LintResult listed = lint(request);
        LintResult.FileSummary file = listed.files().get(0);
        assertEquals(2, file.objectCount());
        assertEquals(
                List.of("Pod p", "Pod shop/q"),
                file.objects().stream().map(o -> o.object().describe()).toList());
        assertEquals(5, file.objects().get(1).location().line());

        LintResult counted = lint(request.withObjectSummaries(false));
        assertEquals(2, counted.files().get(0).objectCount());
        assertEquals(List.of(), counted.files().get(0).objects());
        assertEquals(2, counted.objectCount());
    }

    @Test
    void keptFindingsKeepTheirObjectsAndPointers() throws Exception {
        write("a.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n");
        write("b.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: q, namespace: shop}\n");
        List<Finding> echoes = lint(request(TestRules.kindEcho())).findings();
        assertEquals(2, echoes.size(), echoes.toString());
        Location a = echoes.get(0).location();
        Location b = echoes.get(1).location();
        assertEquals(
                List.of("Pod shop/p", "Pod shop/q"),
                List.of(a.object().describe(), b.object().describe()));
        assertEquals("/kind", a.jsonPointer());
    }

    @Test
    void folderScanIsSortedSkipsHiddenFoldersAndOtherExtensions() throws Exception {
        write("b.yaml", "kind: B\n");
        write("a/c.yml", "kind: C\n");
        write("a/d.json", "{\"kind\": \"D\"}\n");
        write(".git/e.yaml", "kind: E\n");
        write("notes.txt", "kind: F\n");
        LintResult result = lint(request(TestRules.kindEcho()));
        assertEquals(
                List.of("a/c.yml", "a/d.json", "b.yaml"),
                result.files().stream().map(LintResult.FileSummary::file).toList());
    }

    @Test
    void includeAndExcludeGlobsFilterFiles() throws Exception {
        write("base/a.yaml", "kind: A\n");
        write("base/b.yaml", "kind: B\n");
        write("overlays/c.yaml", "kind: C\n");
        LintResult result = lint(request().withGlobs(List.of("base/**"), List.of("**/b.yaml")));
        assertEquals(
                List.of("base/a.yaml"),
                result.files().stream().map(LintResult.FileSummary::file).toList());
    }

    @Test
    void symbolicLinkLoopsDoNotLoopForever() throws Exception {
        write("x/a.yaml", "kind: A\n");
        Files.createSymbolicLink(dir.resolve("x/loop"), dir.resolve("x"));
        LintResult result = lint(request());
        assertEquals(
                List.of("x/a.yaml"),
                result.files().stream().map(LintResult.FileSummary::file).toList());
    }

    @Test
    void missingPathsAreInputErrors() {
        Linter.InputException e = assertThrows(
                Linter.InputException.class, () -> lint(LintRequest.of(List.of("nope.yaml"), dir, catalog())));
        assertTrue(e.getMessage().contains("nope.yaml"));
    }

    @Test
    void standardInputIsReadForDash() throws Exception {
        LintRequest request = LintRequest.of(List.of("-"), dir, catalog(TestRules.kindEcho()))
                .withStdin(new ByteArrayInputStream(POD_P.getBytes(StandardCharsets.UTF_8)));
        LintResult result = lint(request);
        assertEquals("<stdin>", result.findings().get(0).location().file());
        assertTrue(result.source("<stdin>").isPresent());
    }

    @Test
    void ruleSettingsEnableDisableAndChangeSeverity() throws Exception {
        write("a.yaml", "kind: Pod\nmetadata: {name: p}\na: 1\na: 2\n");
        LintRequest base = request(TestRules.kindEcho());
        LintResult warned = lint(base.withRuleSettings(Map.of(
                "duplicate-key",
                RuleSettings.DEFAULT.withSeverity(Severity.WARNING),
                "kind-echo",
                RuleSettings.DEFAULT.withEnabled(false))));
        assertEquals(1, warned.findings().size());
        assertEquals(Severity.WARNING, warned.findings().get(0).severity());
        assertEquals(false, warned.fails(Optional.of(Severity.ERROR)));
        assertEquals(true, warned.fails(Optional.of(Severity.WARNING)));
    }

    @Test
    void objectFilterSelectsObjectsByLabels() throws Exception {
        write("a.yaml", "kind: Pod\nmetadata: {name: p, labels: {app: web}}\n---\nkind: Pod\nmetadata: {name: q}\n");
        LintResult result =
                lint(request(TestRules.kindEcho()).withObjectFilter(labels -> "web".equals(labels.get("app"))));
        assertEquals(1, result.findings().size());
        assertEquals("kind Pod named p", result.findings().get(0).message());
    }

    @Test
    void outputIsTheSameForAnyNumberOfJobs() throws Exception {
        for (int i = 0; i < 40; i++) {
            write(
                    "f" + (i % 7) + "/m" + i + ".yaml",
                    "kind: Pod\nmetadata: {name: p" + i + "}\nx: 1\nx: 2\n---\n[bad\n---\nkind: Svc\n");
        }
        LintRequest request = request(TestRules.kindEcho());
        List<Finding> one = lint(request.withJobs(1)).findings();
        for (int jobs : new int[] {2, 8}) {
            assertEquals(one, lint(request.withJobs(jobs)).findings(), "jobs " + jobs);
        }
        assertEquals(40 * 4, one.size());
    }

    @Test
    void documentsThatAreNotObjectsAreReported() throws Exception {
        write("a.yaml", "- a\n- b\n---\njust text\n---\n");
        LintResult result = lint(LintRequest.of(List.of("a.yaml"), dir, catalog()));
        assertEquals(List.of("not-an-object", "not-an-object"), ruleIds(result));
        assertTrue(result.findings().get(0).message().contains("an array"));
        LintResult walked = lint(request());
        assertEquals(List.of(), walked.findings(), "found in a folder, a file without any typed document is left out");
        assertEquals(
                List.of(new LintResult.SkippedFile("a.yaml", "no document has apiVersion or kind")), walked.skipped());
    }

    @Test
    void invalidUtf8IsAFindingWithAPosition() throws Exception {
        Files.write(
                dir.resolve("bad.yaml"),
                new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        write("good.yaml", "kind: Pod\n");
        LintResult result = lint(request());
        Finding f = result.findings().get(0);
        assertEquals("unreadable-file", f.ruleId());
        assertEquals(2, f.location().line());
        assertEquals(4, f.location().column());
        assertEquals(2, result.fileCount());
    }

    @Test
    void byteOrderMarksAndUtf16AreRead() throws Exception {
        Files.write(
                dir.resolve("bom.yaml"), ("\uFEFFkind: Pod\nmetadata: {name: a}\n").getBytes(StandardCharsets.UTF_8));
        byte[] utf16 = "\uFEFFkind: Pod\nmetadata: {name: b}\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(dir.resolve("utf16.yaml"), utf16);
        LintResult result = lint(request(TestRules.kindEcho()));
        assertEquals(List.of("kind Pod named a", "kind Pod named b"), messages(result));
    }
}
