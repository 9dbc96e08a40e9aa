package dev.kubelint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.yaml.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    @TempDir
    Path dir;

    private ConfigFile read(String text) throws ConfigException {
        return new ConfigReader(dir).read(dir.resolve(".kubelint.yaml"), text);
    }

    /** The problems of a configuration, as printed: "file:line:column: message". */
    private List<String> problems(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(text));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    private static void assertProblem(List<String> problems, String expected) {
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "no problem containing <" + expected + "> in " + problems);
    }

    @Test
    void readsEverySetting() throws Exception {
        Files.createDirectories(dir.resolve("crds"));
        ConfigFile config = read("""
                kubernetes-version: "1.34"
                strict: false
                include: ["**/*.yaml"]
                exclude: [charts/**]
                schema-locations: [crds]
                crds-from-scan: no
                rules-jars: [lib/team-rules.jar]
                limits:
                  max-depth: 64
                  max-file-bytes: 1000
                rules:
                  duplicate-key: off
                  yaml-tag: info
                  rule-failure:
                    enabled: true
                    severity: warning
                    params: {max: 3, names: [a, b]}
                    selector: app=web
                """);
        assertEquals("1.34", config.kubernetesVersion().orElseThrow().value());
        assertEquals(Optional.of(false), config.strict());
        assertEquals(
                List.of("**/*.yaml"),
                config.include().stream().map(Located::value).toList());
        assertEquals(
                List.of("charts/**"),
                config.exclude().stream().map(Located::value).toList());
        assertEquals(
                List.of(dir.resolve("crds")),
                config.schemaLocations().stream().map(Located::value).toList());
        assertEquals(Optional.of(false), config.crdsFromScan());
        assertEquals(
                List.of(dir.resolve("lib/team-rules.jar")),
                config.rulesJars().stream().map(Located::value).toList());
        assertEquals(64L, config.limits().get(ReadLimits.Limit.DEPTH));
        assertEquals(1000L, config.limits().get(ReadLimits.Limit.FILE_SIZE));
        assertEquals(3, config.rules().size());
        ConfigFile.RuleEntry off = config.rules().get(0);
        assertEquals("duplicate-key", off.id().value());
        assertEquals(Optional.of(false), off.enabled());
        ConfigFile.RuleEntry info = config.rules().get(1);
        assertEquals(Optional.of(true), info.enabled());
        assertEquals(Optional.of(Severity.INFO), info.severity());
        ConfigFile.RuleEntry full = config.rules().get(2);
        assertEquals(Optional.of(Severity.WARNING), full.severity());
        assertEquals(
                List.of("max", "names"),
                full.params().stream().map(ConfigFile.ParamEntry::name).toList());
        assertEquals(3L, full.params().get(0).value());
        assertEquals(List.of("a", "b"), full.params().get(1).value());
        assertEquals("app=web", full.selector().orElseThrow().value());
        assertEquals(18, full.selector().orElseThrow().at().line());
    }

    @Test
    void anEmptyFileOrEmptyValuesChangeNothing() throws Exception {
        assertTrue(read("").rules().isEmpty());
        assertTrue(read("# only a comment\n").rules().isEmpty());
        ConfigFile config = read("rules:\ninclude:\nlimits:\nstrict:\n");
        assertTrue(config.rules().isEmpty());
        assertTrue(config.include().isEmpty());
        assertTrue(config.strict().isEmpty());
    }

    @Test
    void anUnquotedVersionIsReadAsWritten() throws Exception {
        // YAML reads 1.30 as the number 1.3
        assertEquals(
                "1.30",
                read("kubernetes-version: 1.30\n")
                        .kubernetesVersion()
                        .orElseThrow()
                        .value());
        // a patch release means its minor release
        assertEquals(
                "1.31",
                read("kubernetes-version: 1.31.4\n")
                        .kubernetesVersion()
                        .orElseThrow()
                        .value());
        assertEquals(
                "1.23",
                read("kubernetes-version: v1.23.17\n")
                        .kubernetesVersion()
                        .orElseThrow()
                        .value());
    }

    @Test
    void unknownKeysAreErrorsAtTheirPosition() {
        List<String> problems = problems("""
                strict: true
                rulez:
                  x: 1
                limits:
                  max-dept: 3
                rules:
                  yaml-tag:
                    sevrity: info
                """);
        assertProblem(problems, ".kubelint.yaml:2:1: unknown key \"rulez\"; did you mean \"rules\"?");
        assertProblem(problems, ".kubelint.yaml:5:3: unknown key \"max-dept\"; did you mean \"max-depth\"?");
        assertProblem(problems, "in limits");
        assertProblem(problems, ".kubelint.yaml:8:5: unknown key \"sevrity\"; did you mean \"severity\"?");
        assertProblem(problems, "(known keys: enabled, severity, params, selector)");
    }

    @Test
    void wrongTypesAndValuesAreErrors() {
        List<String> problems = problems("""
                strict: "yes please"
                include: x.yaml
                limits: {max-depth: 0}
                rules:
                  yaml-tag: loud
                  duplicate-key: {enabled: 3}
                """);
        assertProblem(problems, ".kubelint.yaml:1:9: strict: expected boolean, found string \"yes please\"");
        assertProblem(problems, ".kubelint.yaml:2:10: include: expected array, found string");
        assertProblem(problems, ".kubelint.yaml:3:21: limits.max-depth: must have a minimum value of 1");
        assertProblem(problems, ".kubelint.yaml:5:13: rules.yaml-tag: must be error, warning or info, not \"loud\"");
        assertProblem(problems, ".kubelint.yaml:6:28: rules.duplicate-key.enabled: expected boolean, found integer 3");
    }

    @Test
    void versionsGlobsAndSchemaLocationsAreChecked() {
        List<String> problems = problems("""
                kubernetes-version: "1.22"
                exclude: ["[a"]
                schema-locations: [missing-crds]
                policies: [missing-policies.yaml]
                """);
        assertProblem(
                problems,
                ".kubelint.yaml:1:21: kubernetes-version: Kubernetes version '1.22' is not one of the bundled releases "
                        + "1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"
                        + " (give a minor release such as 1.31, or a patch release such as 1.31.4)");
        assertProblem(problems, ".kubelint.yaml:2:11: exclude: invalid glob '[a'");
        assertProblem(problems, ".kubelint.yaml:3:20: schema-locations: no such folder or file: missing-crds");
        assertProblem(problems, ".kubelint.yaml:4:12: policies: no such folder or file: missing-policies.yaml");
    }

    @Test
    void helmValuesAndSetAreReadInOrderAndMissingValuesFilesAreErrors() throws Exception {
        Files.writeString(dir.resolve("ci-values.yaml"), "replicas: 1\n");
        ConfigFile config = read("""
                helm:
                  values: [ci-values.yaml]
                  set: {image.tag: "1.2.3", replicas: 2, debug: true}
                """);
        assertEquals(
                List.of(dir.resolve("ci-values.yaml")),
                config.helmValues().stream().map(Located::value).toList());
        assertEquals(
                List.of("image.tag=1.2.3", "replicas=2", "debug=true"),
                config.helmSet().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
        assertProblem(
                problems("helm:\n  values: [missing.yaml]\n"),
                ".kubelint.yaml:2:12: helm.values: no such file: missing.yaml");
        assertProblem(problems("helm:\n  valuez: []\n"), "valuez");
    }

    @Test
    void yamlProblemsAreErrorsWithPositions() {
        assertProblem(problems("strict: true\nstrict: false\n"), ".kubelint.yaml:2:1: duplicate key \"strict\"");
        assertProblem(problems("rules: [a\n"), ".kubelint.yaml:2:1: YAML syntax error");
        assertProblem(
                problems("strict: true\n---\nstrict: false\n"),
                ".kubelint.yaml:2:1: the configuration file must hold one YAML document");
        assertProblem(problems("- a\n- b\n"), ".kubelint.yaml:1:1: expected object, found array");
    }

    @Test
    void fileProblemsNameTheFile() throws IOException {
        ConfigReader reader = new ConfigReader(dir);
        assertEquals(
                "other.yaml: no such configuration file",
                assertThrows(ConfigException.class, () -> reader.read(Path.of("other.yaml")))
                        .getMessage());
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xe9});
        assertEquals(
                "latin1.yaml: the configuration file is not UTF-8 text",
                assertThrows(ConfigException.class, () -> reader.read(Path.of("latin1.yaml")))
                        .getMessage());
        Files.writeString(dir.resolve("ok.yaml"), "\ufeffstrict: false\n", StandardCharsets.UTF_8);
        assertDoesNotThrow(() -> reader.read(Path.of("ok.yaml")));
    }

    private static void assertDoesNotThrow(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(e);
    }

    @Test
    void customRulesAreReadAndTheirSchemasCompiled() throws Exception {
        ConfigFile config = read("""
                custom-rules:
                  - id: team-label
                    message: every workload needs a team label
                    kinds: [Deployment]
                    pointer: /metadata
                    schema:
                      required: [labels]
                """);
        assertEquals(1, config.customRules().size());
        ConfigFile.CustomRuleEntry entry = config.customRules().get(0);
        assertEquals("team-label", entry.spec().id());
        assertEquals(Severity.ERROR, entry.spec().severity());
        assertEquals(List.of("Deployment"), entry.spec().kinds());
        assertEquals("/metadata", entry.spec().pointer());
        assertFalse(entry.spec().podTemplate());
        assertEquals("custom rule in .kubelint.yaml", entry.spec().origin());
    }

    @Test
    void customRuleMistakesAreErrorsInsideTheSchema() {
        List<String> problems = problems("""
                custom-rules:
                  - id: Bad_Id
                    message: m
                    schema: {type: strin}
                  - id: no-schema
                    message: m
                  - id: dup
                    message: m
                    pointer: spec
                    schema:
                      properties:
                        a: {minimum: low}
                  - id: dup
                    message: m
                    schema: {$ref: "https://example.com/x.json"}
                  - id: bad-pattern
                    message: m
                    schema: {pattern: "(["}
                """);
        assertProblem(problems, ".kubelint.yaml:2:9: custom-rules[0].id: \"Bad_Id\" does not match the pattern");
        assertProblem(problems, ".kubelint.yaml:5:5: custom-rules[1]: missing required key \"schema\"");
        assertProblem(problems, ".kubelint.yaml:9:14: custom-rules[2].pointer: \"spec\" does not match the pattern");
        // schema problems are found once the file itself is well-formed; see the next test
    }

    @Test
    void customRuleSchemasAreCheckedAgainstTheMetaSchema() {
        List<String> problems = problems("""
                custom-rules:
                  - id: a
                    message: m
                    schema: {type: strin}
                  - id: b
                    message: m
                    schema:
                      properties:
                        x: {minimum: low}
                  - id: b
                    message: m
                    schema: {$ref: "https://example.com/x.json"}
                  - id: c
                    message: m
                    schema: {pattern: "(["}
                """);
        assertProblem(
                problems,
                ".kubelint.yaml:4:20: custom-rules[0].schema.type: must be array, boolean, integer, null, number, object or string, not \"strin\"");
        assertProblem(
                problems,
                ".kubelint.yaml:9:22: custom-rules[1].schema.properties.x.minimum: expected number, found string");
        assertProblem(problems, ".kubelint.yaml:10:9: custom-rules: the id \"b\" is declared twice (first at line 5)");
        assertProblem(
                problems,
                ".kubelint.yaml:12:13: custom-rules[2].schema: the schema cannot be used: cannot resolve the reference https://example.com/x.json");
        assertProblem(problems, ".kubelint.yaml:15:13: custom-rules[3].schema: the schema cannot be used:");
    }

    @Test
    void reportsAreReadWithTheirFilesResolvedAgainstTheFilesFolder() throws Exception {
        ConfigFile config = read("""
                reports:
                  - format: text
                  - format: SARIF
                    file: build/kubelint.sarif
                """);
        assertEquals(2, config.reports().size());
        assertEquals("text", config.reports().get(0).format());
        assertEquals(Optional.empty(), config.reports().get(0).file());
        assertEquals("sarif", config.reports().get(1).format(), "names ignore case, as --format's do");
        assertEquals(
                Optional.of(dir.resolve("build/kubelint.sarif")),
                config.reports().get(1).file());
        assertEquals(3, config.reports().get(1).at().line());
    }

    @Test
    void reportMistakesAreErrorsAtTheirPosition() {
        List<String> problems = problems("""
                reports:
                  - format: sarf
                    file: a.sarif
                  - format: json
                    file: out/report
                  - format: html
                    file: out/report
                  - format: text
                  - format: github
                """);
        assertProblem(
                problems,
                ".kubelint.yaml:2:13: reports: unknown report format \"sarf\"; did you mean sarif? kubelint writes text,"
                        + " json, sarif");
        assertProblem(
                problems,
                ".kubelint.yaml:7:11: reports: two reports would be written to out/report (first at" + " line 5)");
        assertProblem(problems, ".kubelint.yaml:9:5: reports: only one report can go without a file");
        assertEquals(3, problems.size(), problems.toString());
        assertProblem(problems("reports:\n  - {file: b.json}\n"), ".kubelint.yaml:2:5: ");
        assertProblem(problems("reports:\n  - {format: json, to: b.json}\n"), "to");
    }
}
