package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.testing.TextAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** .kubelint.yaml and the flags that override it, through {@link Main#run}. */
class ConfigurationCliTest {

    @TempDir
    Path dir;

    /** A Pod with a duplicate key (an error) on line 5 and a YAML tag (a warning) on line 4. */
    private static final String POD = Inputs.manifest("tagged-duplicate-pod.yaml");

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("deploy"));
        Files.writeString(dir.resolve("deploy/pod.yaml"), POD);
    }

    private ConfigCli.Run run(String... args) {
        return ConfigCli.run(dir, args);
    }

    /** Runs kubelint, which must end in a usage error (exit code 2) told without a stack trace. */
    private ConfigCli.Run usageError(String... args) {
        ConfigCli.Run r = run(args);
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.clean(), r::toString);
        return r;
    }

    /** The error output of a run tells each of these problems. */
    private static void assertTold(ConfigCli.Run r, String... problems) {
        TextAssertions.assertContainsAll(r.err(), problems);
    }

    private void config(String text) throws Exception {
        Files.writeString(dir.resolve(".kubelint.yaml"), text);
    }

    @Test
    void withoutConfigurationTheDefaultsApply() {
        ConfigCli.Run r = run("deploy");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("deploy/pod.yaml:5:3: error: duplicate key \"name\""), r::toString);
        assertTrue(r.out().contains("deploy/pod.yaml:4:9: warning: YAML tag !secret is ignored"), r::toString);
    }

    @Test
    void theNearestFileIsFoundAndApplied() throws Exception {
        config("rules:\n  duplicate-key: warning\n  yaml-tag: off\n");
        ConfigCli.Run r = run("deploy");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("deploy/pod.yaml:5:3: warning: duplicate key"), r::toString);
        assertTrue(!r.out().contains("yaml-tag"), r::toString);
    }

    @Test
    void flagsOverrideTheFile() throws Exception {
        config("rules:\n  duplicate-key: off\n  yaml-tag: off\n");
        ConfigCli.Run r = run("--enable", "duplicate-key,yaml-tag", "deploy");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("[duplicate-key]") && r.out().contains("[yaml-tag]"), r::toString);
        r = run("--disable", "duplicate-key", "--enable", "yaml-tag", "--fail-on", "warning", "deploy");
        assertEquals(1, r.code(), r::toString);
        assertTrue(!r.out().contains("[duplicate-key]") && r.out().contains("[yaml-tag]"), r::toString);
    }

    @Test
    void anExplicitFileOrNoneAtAll() throws Exception {
        config("rules: {duplicate-key: off}\n");
        Files.writeString(dir.resolve("strict.yaml"), "rules: {yaml-tag: error}\n");
        ConfigCli.Run r = run("--config", "strict.yaml", "deploy");
        assertTrue(r.out().contains("4:9: error: YAML tag") && r.out().contains("[duplicate-key]"), r::toString);
        r = run("--no-config", "deploy");
        assertTrue(r.out().contains("4:9: warning: YAML tag") && r.out().contains("[duplicate-key]"), r::toString);
        r = usageError("--config", "missing.yaml", "deploy");
        assertEquals("kubelint: missing.yaml: no such configuration file\n", r.err());
    }

    @Test
    void aBadFileIsAUsageErrorNamingEveryProblemWithoutAStackTrace() throws Exception {
        config("""
                kubernetes-version: 1.31
                rules:
                  duplicate-keys: off
                  yaml-tag: {severity: fatal}
                  not-an-object: {params: {max: 1}}
                custom-rules:
                  - id: x
                    message: m
                    schema: {type: strin}
                """);
        ConfigCli.Run r = usageError("deploy");
        assertTrue(r.out().isEmpty(), r::toString);
        assertTold(
                r,
                "kubelint: .kubelint.yaml:4:24: rules.yaml-tag.severity: must be error, warning or info, not \"fatal\"");
        // the schema check comes first; once the file is well-formed, the rest is checked
        config("""
                kubernetes-version: 1.22
                rules:
                  duplicate-keys: off
                  not-an-object: {params: {max: 1}}
                custom-rules:
                  - id: x
                    message: m
                    schema: {type: strin}
                """);
        r = usageError("deploy");
        assertTold(
                r,
                "kubelint: .kubelint.yaml:1:21: kubernetes-version: Kubernetes version '1.22' is not one of the"
                        + " bundled releases 1.23, 1.24",
                "kubelint: .kubelint.yaml:8:20: custom-rules[0].schema.type: must be array, boolean,");
        config("""
                rules:
                  duplicate-keys: off
                  not-an-object: {params: {max: 1}}
                """);
        r = usageError("deploy");
        assertTold(
                r,
                "kubelint: .kubelint.yaml:2:3: unknown rule id \"duplicate-keys\"; did you mean \"duplicate-key\"?",
                "kubelint: .kubelint.yaml:3:28: rules.not-an-object.params: rule not-an-object has no parameters");
    }

    @Test
    void aCustomRuleWithACelExpressionFiresWhereItIsFalseAndItsMistakesAreLocated() throws Exception {
        Files.writeString(dir.resolve("deploy/pod.yaml"), Inputs.manifest("unlabelled-and-latest-pods.yaml"));
        config("""
                custom-rules:
                  - id: team-label
                    severity: warning
                    kinds: [Pod]
                    expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
                    message: every Pod names its team
                  - id: no-latest
                    pointer: /spec/containers/*
                    expression: "!object.image.endsWith(':latest')"
                    messageExpression: "'container ' + object.name + ' uses a mutable tag'"
                """);
        ConfigCli.Run r = run("deploy");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out().contains("deploy/pod.yaml:7:7: error: container sidecar uses a mutable tag [no-latest]"),
                r::toString);
        assertTrue(
                r.out().contains("deploy/pod.yaml:9:1: warning: every Pod names its team [team-label]"), r::toString);
        assertEquals(
                2,
                r.out()
                        .lines()
                        .filter(l -> l.contains("[no-latest]") || l.contains("[team-label]"))
                        .count(),
                r::toString);

        config("""
                custom-rules:
                  - id: broken
                    expression: "object.spec.replicas >"
                    messageExpression: "undefined(object)"
                  - id: no-message
                    expression: "true"
                  - id: both
                    message: m
                    expression: "true"
                    schema: {type: object}
                """);
        r = usageError("deploy");
        assertTold(
                r,
                "kubelint: .kubelint.yaml:3:17: expression: ERROR: <input>:1:23:",
                "kubelint: .kubelint.yaml:4:24: messageExpression: ERROR: <input>:1:",
                "kubelint: .kubelint.yaml:5:5: custom-rules: an expression needs a message or a" + " messageExpression",
                "kubelint: .kubelint.yaml:10:5: custom-rules: give a schema or an expression, not both");
    }

    @Test
    void theReadmeExampleOfCelCustomRulesGivesTheOutputItShows() throws Exception {
        String readme = Files.readString(
                dir.getFileSystem().getPath("").toAbsolutePath().getParent().resolve("README.md"));
        String[] blocks = readme.split("```");
        int at = -1;
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i].startsWith("yaml\n") && blocks[i].contains("- id: no-mutable-tags\n")) {
                at = i;
            }
        }
        assertTrue(at > 0, "README.md has no example with the custom rule no-mutable-tags");
        config(blocks[at].substring("yaml\n".length()));
        String shown = blocks[at + 2].strip();
        Files.writeString(dir.resolve("deploy/web.yaml"), Inputs.manifest("readme-web-deployment.yaml"));
        Files.delete(dir.resolve("deploy/pod.yaml"));
        ConfigCli.Run r = run("deploy");
        assertTrue(r.out().contains(shown), r::toString);
        assertEquals(
                1,
                r.out()
                        .lines()
                        .filter(l -> l.contains("[no-mutable-tags]") || l.contains("[team-label]"))
                        .count(),
                r::toString);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rules: [\n",
                "rules:\n  a: 1\n  a: 2\n",
                "\t- x",
                "rules: {a: *missing}\n",
                "limits: {max-depth: 99999999999999999999}\n",
                "custom-rules: [{id: a, message: m, schema: {$ref: '#/nope'}}]\n",
                "custom-rules: [{id: a, message: m, schema: {pattern: '(['}}]\n"
            })
    void brokenYamlInTheFileIsAUsageError(String text) throws Exception {
        config(text);
        ConfigCli.Run r = usageError("deploy");
        assertTrue(r.err().startsWith("kubelint: .kubelint.yaml:"), r::toString);
    }

    static Stream<Arguments> badFlags() {
        return Stream.of(
                Arguments.of(
                        List.of("--kubernetes-version", "1.22"),
                        "--kubernetes-version: Kubernetes version '1.22' is not one of the bundled releases "
                                + "1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"
                                + " (give a minor release such as 1.31, or a patch release such as 1.31.4)"),
                Arguments.of(
                        List.of("--limit", "max-depth=0"),
                        "--limit: limit max-depth 0 is not a whole number from 1 to 2147483647"),
                Arguments.of(
                        List.of("--limit", "depth=3"),
                        "--limit: unknown reader limit 'depth': the limits are max-file-bytes, max-documents, max-depth, max-alias-nodes, max-scalar-length"),
                Arguments.of(
                        List.of("--limit", "max-depth"),
                        "--limit: 'max-depth' is not KEY=N with N a whole number and KEY one of max-file-bytes, max-documents, max-depth, max-alias-nodes, max-scalar-length"),
                Arguments.of(List.of("--enable", "no-such-rule"), "--enable: unknown rule id \"no-such-rule\""),
                Arguments.of(
                        List.of("--schema-location", "nowhere"), "--schema-location: no such folder or file: nowhere"),
                Arguments.of(List.of("--strict", "--no-strict"), "--strict and --no-strict contradict each other"),
                Arguments.of(
                        List.of("--crds-from-scan", "--no-crds-from-scan"),
                        "--crds-from-scan and --no-crds-from-scan contradict each other"),
                Arguments.of(
                        List.of("--config", "x.yaml", "--no-config"), "--config and --no-config contradict each other"),
                Arguments.of(List.of("--exclude", "[a"), "--exclude: invalid glob '[a'"));
    }

    @ParameterizedTest
    @MethodSource("badFlags")
    void badFlagsAreUsageErrors(List<String> flags, String expected) {
        List<String> args = new ArrayList<>(flags);
        args.add("deploy");
        ConfigCli.Run r = usageError(args.toArray(String[]::new));
        assertTrue(r.err().startsWith("kubelint: " + expected), r::toString);
    }

    @Test
    void everyBadFlagIsToldAtOnceOnALineOfItsOwn() {
        ConfigCli.Run r = usageError(
                "--strict",
                "--no-strict",
                "-j",
                "x",
                "--fail-on",
                "fatal",
                "--kubernetes-version",
                "1.2",
                "--exclude",
                "[a",
                "--disable",
                "yaml-tags",
                "-l",
                "app in (",
                "deploy");
        assertEquals(
                List.of(
                        "kubelint: --strict and --no-strict contradict each other",
                        "kubelint: --jobs: 'x' is not a whole number",
                        "kubelint: --fail-on: failure threshold 'fatal' is not one of error, warning, info, none",
                        "kubelint: --exclude: invalid glob '[a': Missing '] near index 1",
                        "kubelint: --kubernetes-version: Kubernetes version '1.2' is not one of the bundled releases "
                                + "1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"
                                + " (give a minor release such as 1.31, or a patch release such as 1.31.4)",
                        "kubelint: --selector: invalid label selector 'app in (': expected a value, ',' or ')' at column 9, found the end of the selector",
                        "kubelint: --disable: unknown rule id \"yaml-tags\"; did you mean \"yaml-tag\"?"),
                r.err().lines().toList());
    }

    @Test
    void limitsComeFromTheFileAndTheFlag() throws Exception {
        config("limits: {max-depth: 2}\n");
        ConfigCli.Run r = run("deploy");
        assertTrue(r.out().contains("[input-limit]") && r.out().contains("max-depth"), r::toString);
        r = run("--limit", "max-depth=50", "deploy");
        assertTrue(!r.out().contains("[input-limit]"), r::toString);
    }

    @Test
    void includesFromTheFlagReplaceThoseOfTheFileAndExcludesAdd() throws Exception {
        Files.writeString(dir.resolve("deploy/other.yaml"), POD);
        config("include: [\"pod.yaml\"]\n");
        ConfigCli.Run r = run("deploy");
        assertTrue(r.out().contains("deploy/pod.yaml") && !r.out().contains("deploy/other.yaml"), r::toString);
        r = run("--include", "other.yaml", "deploy");
        assertTrue(!r.out().contains("deploy/pod.yaml") && r.out().contains("deploy/other.yaml"), r::toString);
        config("exclude: [\"pod.yaml\"]\n");
        r = run("--exclude", "other.yaml", "deploy");
        assertTrue(r.out().contains("in 0 files"), r::toString);
    }

    @Test
    void aLabelSelectorThatCannotBeReadIsAUsageErrorAtItsPosition() throws Exception {
        config("rules:\n  yaml-tag:\n    selector: \"tier in (web\"\n");
        ConfigCli.Run r = usageError("deploy");
        assertTrue(
                r.err()
                        .startsWith(
                                "kubelint: .kubelint.yaml:3:15: rules.yaml-tag.selector: invalid label selector \"tier in (web\""),
                r::toString);
    }

    @Test
    void customRulesRunFromTheCommandLine() throws Exception {
        config("""
                custom-rules:
                  - id: pinned-images
                    message: images must be pinned by digest
                    pod-template: true
                    pointer: /spec/containers/*/image
                    schema: {pattern: "@sha256:"}
                """);
        ConfigCli.Run r = run("--disable", "duplicate-key,yaml-tag", "deploy");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out()
                        .contains(
                                "deploy/pod.yaml:7:35: error: images must be pinned by digest"
                                        + " (spec.containers[0].image: \"nginx:1.27\" does not match the pattern @sha256:) [pinned-images]"),
                r::toString);
    }

    @Test
    void theConfigurationsReportsAreWrittenUnlessFormatNamesOthers() throws Exception {
        config("""
                reports:
                  - format: json
                    file: build/kubelint.json
                  - format: text
                """);
        ConfigCli.Run r = run("deploy");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("deploy/pod.yaml:5:3: error: duplicate key"), "text to standard output: " + r);
        assertTrue(
                Files.readString(dir.resolve("build/kubelint.json")).contains("\"ruleId\" : \"duplicate-key\""),
                r::toString);

        // -o takes the report without a file
        r = run("-o", "out.txt", "deploy");
        assertEquals(1, r.code(), r::toString);
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("duplicate key"), r::toString);

        // --format replaces the list
        Files.delete(dir.resolve("build/kubelint.json"));
        r = run("--format", "github", "deploy");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("::error file=deploy/pod.yaml,line=5,col=3"), r::toString);
        assertTrue(Files.notExists(dir.resolve("build/kubelint.json")), r::toString);
    }

    @Test
    void aReportOfTheConfigurationMayNotLeaveItsFolderNorOverwriteAnInput() throws Exception {
        config("reports:\n  - {format: json, file: ../kubelint.json}\n");
        ConfigCli.Run r = usageError("deploy");
        assertTrue(r.err().contains(".kubelint.yaml:2:26: reports: ") && r.err().contains("is outside"), r::toString);
        assertTrue(Files.notExists(dir.resolveSibling("kubelint.json")), r::toString);

        config("reports:\n  - {format: json, file: deploy/pod.yaml}\n");
        r = usageError("deploy");
        assertTold(r, "the report file deploy/pod.yaml is one of the scanned inputs");
        assertEquals(POD, Files.readString(dir.resolve("deploy/pod.yaml")));

        config("reports:\n  - {format: pdf}\n");
        r = usageError("deploy");
        assertTold(r, ".kubelint.yaml:2:14: reports: unknown report format \"pdf\"");
    }
}
