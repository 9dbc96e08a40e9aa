package dev.kubelint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.testing.EqualitySelectors;
import dev.kubelint.core.testing.SampleCustomRules;
import dev.kubelint.core.testing.TestCatalog;
import dev.kubelint.core.yaml.ReadLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigApplierTest {

    @TempDir
    Path dir;

    private final RuleCatalog catalog = TestCatalog.get();

    private ConfigApplier.Applied apply(String text) throws ConfigException {
        ConfigFile file = new ConfigReader(dir).read(dir.resolve(".kubelint.yaml"), text);
        return new ConfigApplier(new EqualitySelectors()).apply(file, catalog);
    }

    private List<String> problems(String text) {
        return assertThrows(ConfigException.class, () -> apply(text)).problems().stream()
                .map(ConfigProblem::toString)
                .toList();
    }

    private static void assertProblem(List<String> problems, String expected) {
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "no problem containing <" + expected + "> in " + problems);
    }

    @Test
    void unknownRuleIdsAreErrorsWithASuggestion() {
        List<String> problems = problems("""
                rules:
                  latest-tags: off
                  something-else: warning
                """);
        assertProblem(problems, ".kubelint.yaml:2:3: unknown rule id \"latest-tags\"; did you mean \"latest-tag\"?");
        assertProblem(
                problems, ".kubelint.yaml:3:3: unknown rule id \"something-else\" (kubelint rules lists them all)");
    }

    @Test
    void parametersAreCheckedAgainstTheRule() {
        List<String> problems = problems("""
                rules:
                  latest-tag:
                    params:
                      max: many
                      untagged: 1
                      tag: 3
                      allowed: [nginx, 1]
                      maxx: 2
                  duplicate-key:
                    params: {depth: 1}
                """);
        assertProblem(
                problems,
                ".kubelint.yaml:4:12: rules.latest-tag.params.max: expected an integer, found the string \"many\"");
        assertProblem(
                problems,
                ".kubelint.yaml:5:17: rules.latest-tag.params.untagged: expected true or false, found the number 1");
        assertProblem(
                problems,
                ".kubelint.yaml:6:12: rules.latest-tag.params.tag: expected a string, found the number 3 (quote it to make it a string)");
        assertProblem(
                problems,
                ".kubelint.yaml:7:16: rules.latest-tag.params.allowed: expected a list of strings, found a list with items that are not strings");
        assertProblem(
                problems,
                ".kubelint.yaml:8:7: rules.latest-tag.params: unknown parameter \"maxx\" of rule latest-tag; did you mean \"max\"? (parameters: max, untagged, tag, allowed)");
        assertProblem(
                problems,
                ".kubelint.yaml:10:14: rules.duplicate-key.params: rule duplicate-key has no parameters, so \"depth\" is unknown");
    }

    @Test
    void invalidSelectorsAreErrorsAtTheSelector() {
        assertProblem(
                problems("rules:\n  latest-tag:\n    selector: \"tier in (web)\"\n"),
                ".kubelint.yaml:3:15: rules.latest-tag.selector: invalid label selector \"tier in (web)\": want key=value");
    }

    @Test
    void customRuleIdsMustNotTakeAnExistingId() {
        assertProblem(
                problems("custom-rules:\n  - {id: latest-tag, message: m, schema: true}\n"),
                ".kubelint.yaml:2:10: custom-rules: the id \"latest-tag\" is already taken by a rule of test rules");
    }

    @Test
    void customRulesJoinTheCatalogAndCanBeConfiguredLikeOthers() throws Exception {
        ConfigApplier.Applied applied =
                apply("rules:\n  no-host-network: warning\n" + SampleCustomRules.NO_HOST_NETWORK);
        assertEquals(
                "custom rule in .kubelint.yaml",
                applied.catalog().find("no-host-network").orElseThrow().origin());
        assertEquals(
                Optional.of(Severity.WARNING),
                applied.ruleSettings().get("no-host-network").severity());
    }

    @Test
    void theFileShapesTheRequest() throws Exception {
        Files.createDirectories(dir.resolve("crds"));
        ConfigApplier.Applied applied = apply("""
                kubernetes-version: "1.30"
                strict: false
                include: ["**/*.yaml"]
                exclude: ["vendor/**"]
                schema-locations: [crds]
                crds-from-scan: false
                limits: {max-depth: 12}
                rules:
                  latest-tag: {severity: error, params: {tag: dev}}
                  yaml-tag: off
                """);
        LintRequest request = applied.applyTo(LintRequest.of(List.of("."), dir, RuleCatalog.of(List.of())));
        assertEquals("1.30", request.settings().kubernetesVersion());
        assertEquals(false, request.settings().strict());
        assertEquals(List.of(dir.resolve("crds")), request.settings().schemaLocations());
        assertEquals(false, request.settings().crdsFromScan());
        assertEquals(List.of("**/*.yaml"), request.includes());
        assertEquals(List.of("vendor/**"), request.excludes());
        assertEquals(12, request.limits().maxDepth());
        assertEquals(ReadLimits.DEFAULTS.maxDocuments(), request.limits().maxDocuments());
        assertTrue(request.catalog().contains("latest-tag"));
        assertEquals(Optional.of(false), request.ruleSettings("yaml-tag").enabled());
        assertEquals(Map.of("tag", "dev"), request.ruleSettings("latest-tag").params());
    }

    @Test
    void severityParametersAndSelectorsReachTheRules() throws Exception {
        String web = """
                apiVersion: v1
                kind: Pod
                metadata: {name: a, labels: {tier: web}}
                spec:
                  containers:
                    - {name: a, image: "nginx:dev"}
                    - {name: b, image: "redis:dev"}
                """;
        // the same Pod again but for its name and its tier, which the selector leaves out
        String db = web.replace("{name: a, labels: {tier: web}}", "{name: b, labels: {tier: db}}");
        Files.writeString(dir.resolve("pods.yaml"), web + "---\n" + db);
        ConfigApplier.Applied applied = apply("""
                rules:
                  latest-tag:
                    severity: error
                    selector: tier=web
                    params: {tag: dev, allowed: ["redis:dev"]}
                """);
        LintRequest request = applied.applyTo(LintRequest.of(List.of("pods.yaml"), dir, RuleCatalog.of(List.of())))
                .withJobs(1);
        LintResult result = new Linter().lint(request);
        List<Finding> findings = result.findings();
        assertEquals(1, findings.size(), findings::toString);
        Finding f = findings.get(0);
        assertEquals("latest-tag", f.ruleId());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(6, f.location().line());
        assertEquals("image nginx:dev is not pinned", f.message());
    }
}
