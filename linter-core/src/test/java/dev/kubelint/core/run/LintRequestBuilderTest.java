package dev.kubelint.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.run.OptionProblem.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintRequestBuilderTest {

    @TempDir
    Path folder;

    @Test
    void leavesDefaultsAloneWhenNothingIsSet() throws OptionsException {
        LintPlan plan = new LintRequestBuilder(folder, List.of("k8s")).build();
        LintRequest request = plan.request();
        assertEquals(List.of("k8s"), request.inputs());
        assertEquals(folder.toAbsolutePath().normalize(), request.workingDirectory());
        assertEquals(LintSettings.DEFAULTS, request.settings());
        assertEquals(List.of(), request.includes());
        assertEquals(Runtime.getRuntime().availableProcessors(), request.jobs());
        assertTrue(request.objectFilter().isEmpty());
        assertEquals(Optional.of(Severity.ERROR), plan.failOn());
        assertEquals("error", plan.failOnLabel());
        assertTrue(request.catalog().contains("duplicate-key"), "the core rules are found on the class loader");
    }

    @Test
    void appliesEveryOption() throws OptionsException {
        LintPlan plan = new LintRequestBuilder(folder, List.of("a", "b"))
                .includes(List.of("prod/**"))
                .excludes(List.of("**/kustomization.yaml"))
                .kubernetesVersion(" 1.30 ")
                .strict(false)
                .jobs(3)
                .failOn("Warning")
                .build();
        LintRequest request = plan.request();
        assertEquals("1.30", request.settings().kubernetesVersion());
        assertFalse(request.settings().strict());
        assertEquals(List.of("prod/**"), request.includes());
        assertEquals(List.of("**/kustomization.yaml"), request.excludes());
        assertEquals(3, request.jobs());
        assertEquals(Optional.of(Severity.WARNING), plan.failOn());
    }

    @Test
    void theReportsDecideWhatTheRunKeeps() throws OptionsException {
        ReportOptions withFrames = ReportOptions.plain(folder).withShowSource(true);
        assertEquals(List.of(true, true), kept(null, withFrames), "no reports named: everything is kept");
        assertEquals(List.of(false, false), kept(List.of("json", "sarif"), withFrames));
        assertEquals(List.of(false, true), kept(List.of("text"), withFrames), "the text report's code frames");
        assertEquals(List.of(false, false), kept(List.of("text"), ReportOptions.plain(folder)), "text, no frames");
        assertEquals(List.of(true, true), kept(List.of("json", "junit"), ReportOptions.plain(folder)));
        assertEquals(List.of(false, true), kept(List.of("HTML"), ReportOptions.plain(folder)));
    }

    @Test
    void theConfigurationsReportsDecideWhenTheFrontEndNamesNone() throws Exception {
        Path config =
                Files.writeString(folder.resolve(".kubelint.yaml"), "reports:\n  - format: junit\n    file: out.xml\n");
        ReportOptions plain = ReportOptions.plain(folder);
        List<ReportFormats.Format> text = List.of(ReportFormats.find("text").orElseThrow());
        LintRequestBuilder fallback = new LintRequestBuilder(folder, List.of("k8s"))
                .configFile(config)
                .reportsOrConfigured(text, plain);
        try (LintPlan plan = fallback.build()) {
            assertTrue(plan.request().objectSummaries(), "the configuration's JUnit report lists every object");
        }
        LintRequestBuilder given = new LintRequestBuilder(folder, List.of("k8s"))
                .configFile(config)
                .reports(text, plain);
        try (LintPlan plan = given.build()) {
            assertFalse(plan.request().objectSummaries(), "reports named by the front end replace the file's");
        }
        LintRequestBuilder none =
                new LintRequestBuilder(folder, List.of("k8s")).noConfigFile().reportsOrConfigured(text, plain);
        try (LintPlan plan = none.build()) {
            assertFalse(plan.request().objectSummaries(), "no configured reports: the front end's own");
        }
    }

    /** Whether the run keeps each object and the source lines, for these report formats (null: none named). */
    private List<Boolean> kept(List<String> formats, ReportOptions options) throws OptionsException {
        LintRequestBuilder builder = new LintRequestBuilder(folder, List.of("k8s")).noConfigFile();
        if (formats != null) {
            builder.reports(
                    formats.stream()
                            .map(f -> ReportFormats.find(f).orElseThrow())
                            .toList(),
                    options);
        }
        try (LintPlan plan = builder.build()) {
            return List.of(plan.request().objectSummaries(), plan.request().sourceLines());
        }
    }

    @Test
    void failOnNoneNeverFails() throws OptionsException {
        assertEquals(Optional.empty(), LintRequestBuilder.parseFailOn("none"));
        assertEquals(Optional.empty(), LintRequestBuilder.parseFailOn(" NONE"));
        assertEquals(Optional.of(Severity.INFO), LintRequestBuilder.parseFailOn("info"));
    }

    @Test
    void aPatchReleaseMeansItsMinorRelease() throws OptionsException {
        assertEquals(
                "1.31",
                new LintRequestBuilder(folder, List.of("k8s"))
                        .kubernetesVersion("1.31.4")
                        .build()
                        .request()
                        .settings()
                        .kubernetesVersion());
        assertEquals(
                "1.29",
                new LintRequestBuilder(folder, List.of("k8s"))
                        .kubernetesVersion("v1.29.15-eks-0d1c2e3")
                        .build()
                        .request()
                        .settings()
                        .kubernetesVersion());
        assertEquals(
                "kubernetes-version: Kubernetes version '1.36.1' is not one of the bundled releases "
                        + "1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"
                        + " (give a minor release such as 1.31, or a patch release such as 1.31.4)",
                problem(new LintRequestBuilder(folder, List.of("k8s")).kubernetesVersion("1.36.1")));
        assertEquals("1.31", LintSettings.bundledRelease("1.31").orElseThrow());
        assertEquals(Optional.empty(), LintSettings.bundledRelease("1.31."));
        assertEquals(Optional.empty(), LintSettings.bundledRelease("1.031"));
        assertEquals(Optional.empty(), LintSettings.bundledRelease("latest"));
    }

    @Test
    void rejectsBadValuesWithMessagesThatNameTheGoodOnes() {
        assertEquals(
                "fail-on: failure threshold 'fatal' is not one of error, warning, info, none",
                problem(new LintRequestBuilder(folder, List.of("k8s")).failOn("fatal")));
        assertEquals(
                "kubernetes-version: Kubernetes version '1.12' is not one of the bundled releases "
                        + "1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"
                        + " (give a minor release such as 1.31, or a patch release such as 1.31.4)",
                problem(new LintRequestBuilder(folder, List.of("k8s")).kubernetesVersion("1.12")));
        assertEquals(
                "jobs: job count 0 is not a whole number from 1 to 1024",
                problem(new LintRequestBuilder(folder, List.of("k8s")).jobs(0)));
        assertTrue(problem(new LintRequestBuilder(folder, List.of("k8s")).includes(List.of("a[b")))
                .startsWith("include: invalid glob 'a[b': "));
        assertEquals(
                "limit: unknown reader limit 'depth': the limits are max-file-bytes, max-documents, max-depth, "
                        + "max-alias-nodes, max-scalar-length",
                problem(new LintRequestBuilder(folder, List.of("k8s")).limit("depth", 3)));
        assertEquals(
                "limit: limit max-depth 0 is not a whole number from 1 to 2147483647",
                problem(new LintRequestBuilder(folder, List.of("k8s")).limit("max-depth", 0)));
        assertEquals(
                "schema-location: no such folder or file: crds",
                problem(new LintRequestBuilder(folder, List.of("k8s")).schemaLocation("crds")));
        assertEquals(
                "enable: unknown rule id \"duplicate-keys\"; did you mean \"duplicate-key\"?",
                problem(new LintRequestBuilder(folder, List.of("k8s")).enableRules(List.of("duplicate-keys"))));
        assertEquals(
                "rules-jar: rule jar lib/missing.jar does not exist",
                problem(new LintRequestBuilder(folder, List.of("k8s")).rulesJar("lib/missing.jar")));
    }

    @Test
    void reportsEveryProblemAtOnceEachWithItsOption() throws Exception {
        Files.writeString(folder.resolve(".kubelint.yaml"), "rules:\n  no-such-rule: off\n");
        OptionsException e = assertThrows(
                OptionsException.class,
                () -> new LintRequestBuilder(folder, List.of("k8s"))
                        .configFile(Path.of(".kubelint.yaml"))
                        .failOn("fatal")
                        .kubernetesVersion("1.99")
                        .excludes(List.of("[a"))
                        .selector("app in (web")
                        .disableRules(List.of("nope"))
                        .build());
        assertEquals(
                List.of(
                        Optional.of(Option.FAIL_ON),
                        Optional.of(Option.EXCLUDE),
                        Optional.of(Option.KUBERNETES_VERSION),
                        Optional.of(Option.SELECTOR),
                        Optional.empty()),
                e.problems().stream().map(OptionProblem::option).toList());
        assertTrue(
                e.problems().get(3).message().startsWith("invalid label selector 'app in (web': "),
                e.problems()::toString);
        assertEquals(
                ".kubelint.yaml:2:3: unknown rule id \"no-such-rule\" (kubelint rules lists them all)",
                e.problems().get(4).message());
        // with the file fixed, the rule ids are checked against the catalogue too
        Files.writeString(folder.resolve(".kubelint.yaml"), "rules: {}\n");
        e = assertThrows(
                OptionsException.class,
                () -> new LintRequestBuilder(folder, List.of("k8s"))
                        .configFile(Path.of(".kubelint.yaml"))
                        .kubernetesVersion("1.99")
                        .disableRules(List.of("nope"))
                        .build());
        assertEquals(
                List.of("kubernetes-version", "disable"),
                e.problems().stream().map(p -> p.option().orElseThrow().label()).toList());
        assertEquals(
                "--disable: unknown rule id \"nope\" (kubelint rules lists them all)",
                e.problems().get(1).shown(o -> "--" + o.label()));
    }

    @Test
    void excludesAddToTheFilesAndIncludesReplaceThem() throws Exception {
        Files.writeString(folder.resolve(".kubelint.yaml"), """
                include: ["**/*.yaml"]
                exclude: ["generated/**"]
                """);
        try (LintPlan plan = new LintRequestBuilder(folder, List.of("."))
                .excludes(List.of("tmp/**"))
                .build()) {
            assertEquals(List.of("**/*.yaml"), plan.request().includes(), "unset includes keep the file's");
            assertEquals(List.of("generated/**", "tmp/**"), plan.request().excludes());
        }
        try (LintPlan plan = new LintRequestBuilder(folder, List.of("."))
                .includes(List.of("prod/**"))
                .build()) {
            assertEquals(List.of("prod/**"), plan.request().includes());
            assertEquals(List.of("generated/**"), plan.request().excludes());
        }
        try (LintPlan plan = new LintRequestBuilder(folder, List.of("."))
                .noConfigFile()
                .excludes(List.of("tmp/**"))
                .build()) {
            assertEquals(List.of(), plan.request().includes());
            assertEquals(List.of("tmp/**"), plan.request().excludes());
        }
    }

    @Test
    void theOtherOptionsGoOverTheFile() throws Exception {
        Files.createDirectories(folder.resolve("crds"));
        Files.createDirectories(folder.resolve("more-crds"));
        Files.writeString(folder.resolve(".kubelint.yaml"), """
                schema-locations: [crds]
                crds-from-scan: false
                limits: {max-documents: 10, max-depth: 50}
                rules: {yaml-tag: error, duplicate-key: off}
                """);
        try (LintPlan plan = new LintRequestBuilder(folder, List.of("."))
                .schemaLocation("more-crds")
                .crdsFromScan(true)
                .limit("max-documents", 20)
                .enableRules(List.of("duplicate-key"))
                .disableRules(List.of(" yaml-tag", ""))
                .useSuppressions(false)
                .debug(true)
                .build()) {
            LintRequest request = plan.request();
            assertEquals(
                    List.of(folder.resolve("crds"), folder.resolve("more-crds")),
                    request.settings().schemaLocations());
            assertTrue(request.settings().crdsFromScan());
            assertEquals(20, request.limits().maxDocuments());
            assertEquals(50, request.limits().maxDepth(), "the file's other limits stay");
            assertEquals(
                    Optional.of(true), request.ruleSettings("duplicate-key").enabled());
            assertEquals(Optional.of(false), request.ruleSettings("yaml-tag").enabled());
            assertEquals(
                    Optional.of(Severity.ERROR),
                    request.ruleSettings("yaml-tag").severity(),
                    "turning a rule off keeps its severity");
            assertFalse(request.useSuppressions());
            assertTrue(request.debug());
        }
        try (LintPlan plan =
                new LintRequestBuilder(folder, List.of(".")).noConfigFile().build()) {
            assertEquals(LintSettings.DEFAULTS, plan.request().settings(), "no file: none of its settings");
            assertTrue(plan.request().useSuppressions());
        }
    }

    @Test
    void aConfigurationFileMustExist() {
        assertEquals(
                "nope.yaml: no such configuration file",
                problem(new LintRequestBuilder(folder, List.of("k8s")).configFile(Path.of("nope.yaml"))));
    }

    @Test
    void readsTheConfigurationFileAndTheSelector() throws Exception {
        Files.writeString(folder.resolve(".kubelint.yaml"), "rules:\n  duplicate-key: {severity: warning}\n");
        try (LintPlan plan = new LintRequestBuilder(folder, List.of("k8s"))
                .configFile(Path.of(".kubelint.yaml"))
                .selector("app in (web, api)")
                .build()) {
            assertEquals(
                    java.util.Optional.of(dev.kubelint.core.finding.Severity.WARNING),
                    plan.request().ruleSettings("duplicate-key").severity());
            assertTrue(plan.request().objectFilter().orElseThrow().test(java.util.Map.of("app", "api")));
            assertTrue(!plan.request().objectFilter().orElseThrow().test(java.util.Map.of("app", "db")));
        }
        assertTrue(problem(new LintRequestBuilder(folder, List.of("k8s")).selector("app in (web"))
                .contains("invalid label selector"));
        Files.writeString(folder.resolve("bad.kubelint.yaml"), "rules:\n  no-such-rule: off\n");
        assertTrue(problem(new LintRequestBuilder(folder, List.of("k8s")).configFile(Path.of("bad.kubelint.yaml")))
                .contains("bad.kubelint.yaml:2:3"));
    }

    private static String problem(LintRequestBuilder builder) {
        return assertThrows(OptionsException.class, builder::build).getMessage();
    }
}
