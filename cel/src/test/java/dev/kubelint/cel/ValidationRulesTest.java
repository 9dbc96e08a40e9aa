package dev.kubelint.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.custom.JsonTrees;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The rule examples of the Kubernetes documentation (CustomResourceDefinition validation rules), each on an object
 * that keeps it and one that breaks it, and the checks the API server makes on a CRD's rules.
 */
class ValidationRulesTest {

    private static final KubernetesCel ENV = KubernetesCel.forRelease("1.35");

    /**
     * The schema of spec for the documentation's examples, with the limits the documentation recommends (without
     * them the server's estimate of the loops is over its budget); {@code RULE} is replaced by the rule under test.
     */
    private static final String SPEC = """
            {"type": "object", "x-kubernetes-validations": [{"rule": RULE}],
             "properties": {
               "minReplicas": {"type": "integer"}, "replicas": {"type": "integer"}, "maxReplicas": {"type": "integer"},
               "stateCounts": {"type": "object", "additionalProperties": {"type": "integer"}},
               "list1": {"type": "array", "maxItems": 100, "items": {"type": "string", "maxLength": 253}}, "list2": {"type": "array", "maxItems": 100, "items": {"type": "string", "maxLength": 253}},
               "map1": {"type": "object", "additionalProperties": {"type": "string"}},
               "envars": {"type": "array", "maxItems": 100, "items": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 253}, "value": {"type": "string", "maxLength": 1024}}}},
               "created": {"type": "string", "format": "date-time"}, "ttl": {"type": "string", "format": "duration"},
               "expired": {"type": "string", "format": "date-time"},
               "health": {"type": "string"},
               "widgets": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}, "foo": {"type": "integer"}}}},
               "value": {"x-kubernetes-int-or-string": true},
               "prefix": {"type": "string"},
               "set1": {"type": "array", "maxItems": 100, "items": {"type": "string", "maxLength": 253}}, "set2": {"type": "array", "maxItems": 100, "items": {"type": "string", "maxLength": 253}},
               "names": {"type": "array", "maxItems": 100, "items": {"type": "string", "maxLength": 253}},
               "details": {"type": "object", "maxProperties": 100, "additionalProperties": {"type": "string"}},
               "clusters": {"type": "array", "maxItems": 100, "items": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 253}}}},
               "primary": {"type": "string", "maxLength": 253}}}
            """;

    private static ValidationRules rules(String rule) {
        String escaped = JsonTrees.nodes().stringNode(rule).toString();
        JsonNode schema = JsonTrees.parse(
                "{\"type\": \"object\", \"properties\": {\"spec\": " + SPEC.replace("RULE", escaped) + "}}");
        return ValidationRules.compile(schema, ENV, KubernetesCel.forNewExpressions("1.35"), "Example");
    }

    private static List<Violation> validate(String rule, String spec) {
        return rules(rule)
                .validate(JsonTrees.parse("{\"apiVersion\": \"example.com/v1\", \"kind\": \"Example\","
                        + " \"metadata\": {\"name\": \"ex\"}, \"spec\": " + spec + "}"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '#',
            quoteCharacter = '`',
            value = {
                "self.minReplicas <= self.replicas # {\"minReplicas\": 1, \"replicas\": 2} # {\"minReplicas\": 3, \"replicas\": 2}",
                "'Available' in self.stateCounts # {\"stateCounts\": {\"Available\": 1}} # {\"stateCounts\": {\"Busy\": 1}}",
                "(size(self.list1) == 0) != (size(self.list2) == 0) # {\"list1\": [\"a\"], \"list2\": []} # {\"list1\": [\"a\"], \"list2\": [\"b\"]}",
                "!('MY_KEY' in self.map1) || self.map1['MY_KEY'].matches('^[a-zA-Z]*$') # {\"map1\": {\"MY_KEY\": \"abc\"}} # {\"map1\": {\"MY_KEY\": \"a1\"}}",
                "self.envars.filter(e, e.name == 'MY_ENV').all(e, e.value.matches('^[a-zA-Z]*$')) # {\"envars\": [{\"name\": \"MY_ENV\", \"value\": \"ab\"}]} # {\"envars\": [{\"name\": \"MY_ENV\", \"value\": \"a b\"}]}",
                "has(self.expired) && self.created + self.ttl < self.expired # {\"created\": \"2024-01-01T00:00:00Z\", \"ttl\": \"1h\", \"expired\": \"2024-01-02T00:00:00Z\"} # {\"created\": \"2024-01-01T00:00:00Z\", \"ttl\": \"48h\", \"expired\": \"2024-01-02T00:00:00Z\"}",
                "self.health.startsWith('ok') # {\"health\": \"ok: fine\"} # {\"health\": \"bad\"}",
                "self.widgets.exists(w, w.key == 'x' && w.foo < 10) # {\"widgets\": [{\"key\": \"x\", \"foo\": 3}]} # {\"widgets\": [{\"key\": \"x\", \"foo\": 30}]}",
                "type(self.value) == string ? self.value == '100%' : self.value == 1000 # {\"value\": 1000} # {\"value\": \"50%\"}",
                "self.set1.all(e, !(e in self.set2)) # {\"set1\": [\"a\"], \"set2\": [\"b\"]} # {\"set1\": [\"a\"], \"set2\": [\"a\"]}",
                "size(self.names) == size(self.details) && self.names.all(n, n in self.details) # {\"names\": [\"a\"], \"details\": {\"a\": \"x\"}} # {\"names\": [\"a\"], \"details\": {\"b\": \"x\"}}",
                "size(self.clusters.filter(c, c.name == self.primary)) == 1 # {\"clusters\": [{\"name\": \"a\"}], \"primary\": \"a\"} # {\"clusters\": [{\"name\": \"a\"}, {\"name\": \"a\"}], \"primary\": \"a\"}",
            })
    void documentationExamples(String rule, String kept, String broken) {
        assertEquals(List.of(), rules(rule).problems(), rule);
        assertEquals(List.of(), validate(rule, kept), rule);
        List<Violation> v = validate(rule, broken);
        assertEquals(1, v.size(), () -> rule + ": " + v);
        assertEquals(
                "spec: Invalid value: \"object\": failed rule: " + rule,
                v.get(0).message());
        assertEquals("/spec", v.get(0).pointer());
    }

    @Test
    void rulesAtTheRootSeeNameAndTypeButNotOtherMetadata() {
        JsonNode schema = JsonTrees.parse("""
                {"type": "object", "x-kubernetes-validations": [
                  {"rule": "self.metadata.name.startsWith('w-') && self.kind == 'Widget'", "message": "bad name"},
                  {"rule": "has(self.metadata.labels)"}]}
                """);
        ValidationRules r = ValidationRules.compile(schema, ENV, ENV, "Widget");
        assertEquals(1, r.problems().size(), r.problems()::toString);
        assertTrue(r.problems().get(0).message().contains("undefined field 'labels'"), r.problems()::toString);
        List<Violation> v = r.validate(JsonTrees.parse("{\"kind\": \"Widget\", \"metadata\": {\"name\": \"x\"}}"));
        assertEquals("<nil>: Invalid value: \"object\": bad name", v.get(0).message());
    }

    @Test
    void transitionRulesWaitForAnUpdate() {
        JsonNode schema = JsonTrees.parse("""
                {"type": "object", "properties": {"spec": {"type": "object",
                  "properties": {"size": {"type": "string", "x-kubernetes-validations": [
                    {"rule": "self == oldSelf", "message": "size is immutable"},
                    {"rule": "oldSelf.hasValue() ? self == oldSelf.value() : self != 'huge'", "optionalOldSelf": true,
                     "messageExpression": "'size ' + self + ' is not allowed'"}]}}}}}
                """);
        ValidationRules r = ValidationRules.compile(schema, ENV, ENV, "Widget");
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), r.validate(JsonTrees.parse("{\"spec\": {\"size\": \"small\"}}")));
        List<Violation> v = r.validate(JsonTrees.parse("{\"spec\": {\"size\": \"huge\"}}"));
        assertEquals(
                List.of("spec.size: Invalid value: \"string\": size huge is not allowed"),
                v.stream().map(Violation::message).toList());
    }

    @Test
    void theCrdChecksOfTheApiServer() {
        JsonNode schema = JsonTrees.parse("""
                {"type": "object", "properties": {"spec": {"type": "object",
                  "properties": {"n": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}},
                  "x-kubernetes-validations": [
                    {"rule": "self.m > 0"},
                    {"rule": "self.n"},
                    {"rule": "self.n > 0", "reason": "Bad"},
                    {"rule": "self.n > 0", "fieldPath": ".m"},
                    {"rule": "self.n > 0", "optionalOldSelf": true},
                    {"rule": "self.tags.all(a, self.tags.all(b, a.contains(b)))"},
                    {"rule": "self.n > 0", "messageExpression": "self.n"}]}}}
                """);
        List<String> problems = ValidationRules.compile(schema, ENV, ENV, "Widget").problems().stream()
                .map(p -> p.fieldPath() + ": " + p.message())
                .toList();
        assertEquals(8, problems.size(), problems::toString);
        assertTrue(
                problems.get(0)
                        .startsWith("properties[spec].x-kubernetes-validations[0].rule: Invalid value:"
                                + " \"self.m > 0\": compilation failed: ERROR: <input>:1:5: undefined field 'm'"),
                problems.get(0));
        assertTrue(problems.get(1).endsWith("cel expression must evaluate to a bool"), problems.get(1));
        assertTrue(problems.get(2).contains("reason: Unsupported value: \"Bad\""), problems.get(2));
        assertTrue(
                problems.get(3).contains("fieldPath: Invalid value: \".m\": fieldPath must be a valid path"),
                problems.get(3));
        assertTrue(
                problems.get(4)
                        .contains("optionalOldSelf: Invalid value: true: may not be set if rule does not use oldSelf"),
                problems.get(4));
        assertTrue(
                problems.get(5).contains("rule: Forbidden: estimated rule cost exceeds budget by factor of"),
                problems.get(5));
        assertTrue(problems.get(6).contains("messageExpression must evaluate to a string"), problems.get(6));
        assertTrue(problems.get(7).startsWith(": Forbidden: total CRD cost exceeds budget"), problems.get(7));
    }

    @Test
    void boundedSchemasKeepTheEstimateLow() {
        JsonNode schema = JsonTrees.parse("""
                {"type": "object", "properties": {"spec": {"type": "object",
                  "properties": {"tags": {"type": "array", "maxItems": 64, "items": {"type": "string", "maxLength": 63}}},
                  "x-kubernetes-validations": [{"rule": "self.tags.all(a, self.tags.exists_one(b, a == b))"}]}}}
                """);
        assertEquals(
                List.of(), ValidationRules.compile(schema, ENV, ENV, "Widget").problems());
    }
}
