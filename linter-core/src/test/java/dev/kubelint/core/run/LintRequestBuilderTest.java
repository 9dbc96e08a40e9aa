package dev.kubelint.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;

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
    void failOnNoneNeverFails() throws OptionsException {
        assertEquals(Optional.empty(), LintRequestBuilder.parseFailOn("none"));
        assertEquals(Optional.empty(), LintRequestBuilder.parseFailOn(" NONE"));
        assertEquals(Optional.of(Severity.INFO), LintRequestBuilder.parseFailOn("info"));
    }

    @Test
    void rejectsBadValuesWithMessagesThatNameTheGoodOnes() {
        assertEquals("unknown failure threshold 'fatal': use error, warning, info or none",
                problem(new LintRequestBuilder(folder, List.of("k8s")).failOn("fatal")));
        assertEquals("unknown Kubernetes version '1.12': kubelint knows 1.30, 1.34, 1.35",
                problem(new LintRequestBuilder(folder, List.of("k8s")).kubernetesVersion("1.12")));
        assertEquals("jobs must be a number from 1 to 1024, not 0",
                problem(new LintRequestBuilder(folder, List.of("k8s")).jobs(0)));
        assertTrue(problem(new LintRequestBuilder(folder, List.of("k8s")).includes(List.of("a[b")))
                .startsWith("invalid glob 'a[b': "));
    }

    @Test
    void aConfigurationFileMustExist() {
        assertEquals("configuration file " + folder.resolve("nope.yaml") + " does not exist",
                problem(new LintRequestBuilder(folder, List.of("k8s")).configFile(Path.of("nope.yaml"))));
    }

    @Test
    void readsTheConfigurationFileAndTheSelector() throws Exception {
        Files.writeString(folder.resolve(".kubelint.yaml"), "rules:\n  duplicate-key: {severity: warning}\n");
        try (LintPlan plan = new LintRequestBuilder(folder, List.of("k8s")).configFile(Path.of(".kubelint.yaml"))
                .selector("app in (web, api)").build()) {
            assertEquals(java.util.Optional.of(dev.kubelint.core.finding.Severity.WARNING),
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
