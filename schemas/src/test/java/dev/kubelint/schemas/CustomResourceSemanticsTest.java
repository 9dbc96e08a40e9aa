package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.yaml.MappingNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Custom resources take the API server's path: status dropped, defaults applied, then validation and list types. */
class CustomResourceSemanticsTest {

    private static final ExtraSchemas SCHEMAS =
            ExtraSchemas.load(List.of(Path.of("src/test/resources/custom-resources")));

    private static List<String> check(String spec) {
        String text = "apiVersion: example.com/v1\nkind: Network\nmetadata: {name: net}\n" + spec;
        MappingNode root = Yaml.parse(text);
        return Yaml.messages(SCHEMAS.find(new GroupVersionKind("example.com", "v1", "Network"))
                .orElseThrow()
                .validate(root, true));
    }

    @Test
    void theDefinitionReadsWithoutProblems() {
        assertEquals(List.of(), SCHEMAS.problems());
    }

    @Test
    void aDefaultedTypeLeavesExactlyOneForm() {
        assertEquals(
                List.of(), check("spec:\n  addresses: [{value: 10.0.0.1}, {type: Hostname, value: example.com}]\n"));
    }

    @Test
    void formatsInsideOneOfAreCheckedAndTheFormsNamed() {
        assertEquals(
                List.of("spec.addresses[0].value: Invalid value: \"not-an-ip\": spec.addresses[0].value in body must"
                        + " be of type ipv4: \"not-an-ip\" (checked as the IPAddress form, the closest of the IPAddress form, the"
                        + " Hostname form)"),
                check("spec:\n  addresses: [{type: IPAddress, value: not-an-ip}]\n"));
    }

    @Test
    void aValueThatMatchesSeveralFormsNamesThem() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(Path.of("src/test/resources/custom-resources/probe.yaml")));
        MappingNode probe = Yaml.parse("""
                apiVersion: example.com/v1
                kind: Probe
                metadata: {name: p}
                spec:
                  check: {tcpSocket: {port: 80}, httpGet: {path: /}}
                """);
        assertEquals(
                List.of("spec.check: matches both the form with httpGet and the form with tcpSocket, but must"
                        + " match exactly one form"),
                Yaml.messages(schemas.find(new GroupVersionKind("example.com", "v1", "Probe"))
                        .orElseThrow()
                        .validate(probe, true)));
    }

    @Test
    void defaultsInsideDefaultsAreValidated() {
        // retry defaults to {}, whose attempts defaults to 3 and backoff to 1s: all valid
        assertEquals(List.of(), check("spec: {}\n"));
        assertEquals(
                List.of("spec.retry.attempts: must have a maximum value of 5"),
                check("spec:\n  retry: {attempts: 9}\n"));
    }

    @Test
    void defaultsApplyTopDownOnlyWhereTheParentExists() {
        ObjectNode schema = (ObjectNode) JsonTrees.parse("""
                {"type": "object", "properties": {
                  "spec": {"type": "object", "properties": {
                    "retry": {"type": "object", "default": {}, "properties": {
                      "attempts": {"type": "integer", "default": 3}}},
                    "list": {"type": "array", "items": {"type": "object", "default": {"a": 1},
                      "properties": {"b": {"type": "string", "default": "x"}}}},
                    "map": {"type": "object", "additionalProperties": {"type": "object", "properties": {
                      "w": {"type": "integer", "default": 1}}}},
                    "kept": {"type": "string", "nullable": true, "default": "d"}}},
                  "other": {"type": "object", "properties": {"x": {"type": "string", "default": "y"}}}}}
                """);
        JsonNode object = JsonTrees.parse("""
                {"spec": {"list": [null, {}], "map": {"k": {}}, "kept": null}}
                """);
        assertTrue(StructuralSchema.applyDefaults(schema, object));
        assertEquals(JsonTrees.parse("""
                {"spec": {"list": [{"a": 1, "b": "x"}, {"b": "x"}], "map": {"k": {"w": 1}}, "kept": null,
                  "retry": {"attempts": 3}}}
                """), object);
        JsonNode empty = JsonTrees.parse("{}");
        assertFalse(StructuralSchema.applyDefaults(schema, empty));
        assertEquals(JsonTrees.parse("{}"), empty);
    }

    @Test
    void statusIsDroppedWhenTheVersionHasTheStatusSubresource() {
        assertEquals(List.of(), check("spec: {}\nstatus: {unknownField: 1}\n"));
    }

    @Test
    void setsAndMapsRejectDuplicates() {
        assertEquals(List.of("spec.tags[2]: Duplicate value: \"a\""), check("spec:\n  tags: [a, b, a, a]\n"));
        // protocol defaults to TCP, so the first two ports have the same key
        assertEquals(
                List.of("spec.ports[1]: Duplicate value: {\"name\":\"http\",\"protocol\":\"TCP\"}"),
                check("spec:\n  ports: [{name: http}, {name: http, protocol: TCP}, {name: http, protocol: UDP}]\n"));
    }

    @Test
    void mapValuesGetTheirDefaults() {
        assertEquals(List.of(), check("spec:\n  labels: {a: {color: red}}\n"));
    }

    @Test
    void formatsFollowTheServersRegistry() {
        String valid = """
                spec:
                  owner: Jane Doe <jane@example.com>
                  id: 123E4567-E89B-12D3-A456-426614174000
                  cidr: 10.0.0.0/8
                  ipv6: "2001:db8::1"
                  mac: 00:1a:2b:3c:4d:5e
                  day: "2024-02-29"
                  at: "2024-02-29T10:00:00Z"
                  link: https://example.com/a?b=c
                  secret: aGVsbG8=
                  custom: anything at all
                  either: "::1"
                  never: example
                  retry: {backoff: 3 days}
                """;
        assertEquals(List.of(), check(valid));
        String invalid = """
                spec:
                  owner: jane
                  id: 123
                  cidr: 10.0.0.0/33
                  ipv6: 10.0.0.1
                  mac: 00:1a:2b
                  day: "2023-02-29"
                  at: yesterday
                  link: relative/path
                  secret: not base64!
                  either: neither
                  never: 10.0.0.1
                  retry: {backoff: soon}
                """;
        List<String> problems = check(invalid);
        assertEquals(12, problems.size(), problems.toString());
        assertEquals(
                "spec.owner: Invalid value: \"jane\": spec.owner in body must be of type email: \"jane\"",
                problems.get(0));
    }

    @Test
    void patternsHaveRe2Semantics() {
        String value = "a".repeat(43) + "!";
        List<String> problems =
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> check("spec:\n  slug: " + value + "\n"));
        assertEquals(
                List.of("spec.slug: Invalid value: \"" + value + "\": spec.slug in body should match '^((a+)+)+b'"),
                problems);
        assertEquals(List.of(), check("spec:\n  slug: aaab\n"));
    }

    @Test
    void aNameIsRequired() {
        MappingNode root =
                Yaml.parse("apiVersion: example.com/v1\nkind: Network\nmetadata: {labels: {a: b}}\nspec: {}\n");
        assertEquals(
                List.of("metadata.name: Required value: name or generateName is required"),
                Yaml.messages(SCHEMAS.find(new GroupVersionKind("example.com", "v1", "Network"))
                        .orElseThrow()
                        .validate(root, true)));
        assertEquals(
                List.of(),
                Yaml.messages(SCHEMAS.find(new GroupVersionKind("example.com", "v1", "Network"))
                        .orElseThrow()
                        .validate(
                                Yaml.parse("apiVersion: example.com/v1\nkind: Network\nmetadata: {generateName: n-}\n"),
                                true)));
    }

    @Test
    void nullableFieldsAcceptNull() {
        assertEquals(List.of(), check("spec: {note: null}\n"));
    }

    @Test
    void definitionsOfAnyShapeAreCheckedWithoutFailing() {
        for (String spec : List.of(
                "spec: {versions: {a: 1}}",
                "spec: {versions: [1, null, {name: v1}]}",
                "spec: {group: x, names: [], versions: [{name: v1, storage: true, schema: {openAPIV3Schema: [1]}}]}",
                "spec: {versions: [{name: v1, schema: {openAPIV3Schema: {type: object, properties: {a: {items: [1]},"
                        + " b: {allOf: {}}, c: {not: 1}, d: {additionalProperties: 2}}}}}]}")) {
            JsonNode crd = YamlToJson.convert(Yaml.parse("apiVersion: apiextensions.k8s.io/v1\nkind: "
                            + "CustomResourceDefinition\nmetadata: {name: a.b.c}\n" + spec + "\n"))
                    .json();
            List<SchemaProblem> problems = DefinitionChecks.check(
                    crd,
                    CustomResourceDefinitions.read(crd, "t.yaml")
                            .map(CustomResourceDefinitions.Definition::versions)
                            .orElse(java.util.Map.of()));
            assertFalse(problems.isEmpty(), spec);
        }
    }
}
