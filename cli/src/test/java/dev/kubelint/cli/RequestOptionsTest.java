package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.OptionsException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the file and the flags combine into the request the engine gets. */
class RequestOptionsTest {

    private static final List<ReportFormats.Format> TEXT =
            List.of(ReportFormats.find("text").orElseThrow());

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("crds"));
        Files.createDirectories(dir.resolve("more-crds"));
        Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n");
    }

    private LintRequest request(String... args) throws Exception {
        CommandLine cmd =
                DefaultParser.builder().get().parse(ScanCommand.options().toOptions(), args);
        try (LintPlan plan = RequestOptions.plan(
                cmd, dir, cmd.getArgList(), InputStream.nullInputStream(), TEXT, ReportOptions.plain(dir))) {
            return plan.request();
        }
    }

    @Test
    void defaultsWithoutFileOrFlags() throws Exception {
        LintRequest r = request("pod.yaml");
        assertEquals(LintSettings.DEFAULTS, r.settings());
        assertTrue(r.useSuppressions());
        assertFalse(r.debug());
        assertTrue(r.catalog().contains("unused-suppression"));
    }

    @Test
    void policiesComeFromTheFileThenFromEachPolicyFlag() throws Exception {
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("extra.yaml"), "");
        Files.writeString(dir.resolve(".kubelint.yaml"), "policies: [policies]\n");
        assertEquals(
                List.of(dir.resolve("policies"), dir.resolve("extra.yaml")),
                request("--policy", "extra.yaml", "pod.yaml").settings().policyLocations());
        OptionsException e = assertThrows(OptionsException.class, () -> request("--policy", "none.yaml", "pod.yaml"));
        assertTrue(e.getMessage().contains("policy: no such folder or file: none.yaml"), e.getMessage());
    }

    @Test
    void theFileSetsSchemaLocationsAndCrdsFromScanAndFlagsOverrideOrAdd() throws Exception {
        Files.writeString(dir.resolve(".kubelint.yaml"), """
                kubernetes-version: 1.30
                strict: false
                schema-locations: [crds]
                crds-from-scan: false
                exclude: ["generated/**"]
                limits: {max-documents: 10}
                rules: {yaml-tag: error}
                """);
        LintRequest fromFile = request("pod.yaml");
        assertEquals(new LintSettings("1.30", false, List.of(dir.resolve("crds")), false), fromFile.settings());
        assertEquals(10, fromFile.limits().maxDocuments());
        assertEquals(
                Optional.of(Severity.ERROR), fromFile.ruleSettings("yaml-tag").severity());

        LintRequest overridden = request(
                "--kubernetes-version",
                "1.35",
                "--strict",
                "--crds-from-scan",
                "--schema-location",
                "more-crds",
                "--exclude",
                "tmp/**",
                "--limit",
                "max-documents=20",
                "--disable",
                "yaml-tag",
                "--no-suppressions",
                "--debug",
                "pod.yaml");
        assertEquals(
                new LintSettings("1.35", true, List.of(dir.resolve("crds"), dir.resolve("more-crds")), true),
                overridden.settings());
        assertEquals(List.of("generated/**", "tmp/**"), overridden.excludes());
        assertEquals(20, overridden.limits().maxDocuments());
        // that turning a rule off keeps its severity is LintRequestBuilder's, and LintRequestBuilderTest's
        assertEquals(Optional.of(false), overridden.ruleSettings("yaml-tag").enabled());
        assertFalse(overridden.useSuppressions());
        assertTrue(overridden.debug());
    }

    @Test
    void optionsGivenTwiceTakeTheLastValue() throws Exception {
        CommandLine cmd = DefaultParser.builder()
                .get()
                .parse(ScanCommand.options().toOptions(), new String[] {
                    "--kubernetes-version",
                    "1.30",
                    "--kubernetes-version",
                    "1.34",
                    "-j",
                    "9",
                    "-j",
                    "2",
                    "--fail-on",
                    "info",
                    "--fail-on",
                    "none",
                    "-l",
                    "app=a",
                    "-l",
                    "app=b",
                    "pod.yaml"
                });
        try (LintPlan plan = RequestOptions.plan(
                cmd, dir, cmd.getArgList(), InputStream.nullInputStream(), TEXT, ReportOptions.plain(dir))) {
            assertEquals("1.34", plan.request().settings().kubernetesVersion());
            assertEquals(2, plan.request().jobs());
            assertEquals(Optional.empty(), plan.failOn());
            assertTrue(plan.request().objectFilter().orElseThrow().test(java.util.Map.of("app", "b")));
            assertFalse(plan.request().objectFilter().orElseThrow().test(java.util.Map.of("app", "a")));
        }
    }

    @Test
    void noCrdsFromScanAndNoStrictFromTheCommandLine() throws Exception {
        LintRequest r = request("--no-crds-from-scan", "--no-strict", "pod.yaml");
        assertFalse(r.settings().crdsFromScan());
        assertFalse(r.settings().strict());
    }
}
