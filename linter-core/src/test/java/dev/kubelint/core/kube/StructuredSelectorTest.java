package dev.kubelint.core.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.testing.TestYaml;
import dev.kubelint.core.yaml.MappingNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredSelectorTest {

    private static MappingNode yaml(String text) {
        // text that starts with '{' would be read as JSON: flow mappings go under a key
        String source = text.startsWith("{") ? "x: " + text : text;
        MappingNode root = TestYaml.root(source).asMapping().orElseThrow();
        return text.startsWith("{") ? root.mapping("x").orElseThrow() : root;
    }

    private static List<String> messages(StructuredSelector s) {
        return s.problems().stream().map(Problem::message).toList();
    }

    @Test
    void readsMatchLabelsAndExpressions() {
        StructuredSelector s = StructuredSelector.read(yaml("""
                matchLabels: {app: web}
                matchExpressions:
                  - {key: tier, operator: In, values: [front, back]}
                  - {key: canary, operator: DoesNotExist}
                """));
        assertTrue(s.problems().isEmpty(), s.problems().toString());
        assertFalse(s.isEmpty());
        assertEquals(
                "app=web,!canary,tier in (back,front)",
                s.selector().orElseThrow().toString());
        assertTrue(s.selector().orElseThrow().matches(Map.of("app", "web", "tier", "front")));
        assertFalse(s.selector().orElseThrow().matches(Map.of("app", "web", "tier", "db")));
    }

    @Test
    void emptySelectorIsEmptyAndSelectsEverything() {
        StructuredSelector s = StructuredSelector.read(yaml("{matchLabels: {}, matchExpressions: []}"));
        assertTrue(s.isEmpty());
        assertTrue(s.selector().orElseThrow().matches(Map.of()));
    }

    @Test
    void reportsBadKeysValuesAndOperatorsWhereTheyAre() {
        StructuredSelector s = StructuredSelector.read(yaml("""
                matchLabels:
                  Bad Key: web
                  app: -web
                matchExpressions:
                  - key: tier
                    operator: in
                    values: [a]
                  - key: env
                    operator: In
                  - key: zone
                    operator: Exists
                    values: [a]
                """));
        List<String> messages = messages(s);
        assertEquals(5, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("invalid selector key \"Bad Key\""));
        assertTrue(messages.get(1).startsWith("invalid selector value \"-web\" of \"app\""));
        assertEquals(
                "\"in\" is not a valid selector operator (did you mean In?); use In, NotIn, Exists or DoesNotExist",
                messages.get(2));
        assertEquals("values must be specified when operator is In or NotIn", messages.get(3));
        assertEquals("values may not be specified when operator is Exists or DoesNotExist", messages.get(4));
        assertEquals(2, s.problems().get(0).node().span().start().line());
        assertEquals("Bad Key", s.problems().get(0).key().orElseThrow());
        assertEquals(6, s.problems().get(2).node().span().start().line());
        assertTrue(s.selector().isEmpty());
    }

    @Test
    void incompleteShapesAreLeftToTheSchemaButCannotMatch() {
        StructuredSelector s = StructuredSelector.read(yaml("matchExpressions: [{operator: Exists}]"));
        assertTrue(s.problems().isEmpty());
        assertTrue(s.selector().isEmpty());
        assertFalse(s.isEmpty());
    }

    @Test
    void mapSelectorsAndNonStringValues() {
        StructuredSelector s = StructuredSelector.readMap(yaml("{app: web, version: 2, empty: }"));
        assertTrue(s.problems().isEmpty());
        assertTrue(s.selector().orElseThrow().matches(Map.of("app", "web", "version", "2", "empty", "")));
        List<Problem> types = LabelMaps.nonStringValues(s.node(), "selector");
        assertEquals(1, types.size());
        assertEquals(
                "selector \"version\" must be a string, but YAML reads `2` as the number 2; write \"2\"",
                types.get(0).message());
    }

    @Test
    void quoteAdviceNamesWhatYamlRead() {
        MappingNode map = yaml("{a: yes, b: 0777, c: 1.0, d: \"yes\", e: on, f: 1e3}");
        List<String> messages = LabelMaps.nonStringValues(map, "nodeSelector").stream()
                .map(Problem::message)
                .toList();
        assertEquals(
                List.of(
                        "nodeSelector \"a\" must be a string, but YAML reads `yes` as the boolean true; write \"yes\"",
                        "nodeSelector \"b\" must be a string, but YAML reads `0777` as the number 511; write \"0777\"",
                        "nodeSelector \"c\" must be a string, but YAML reads `1.0` as the number 1; write \"1.0\"",
                        "nodeSelector \"e\" must be a string, but YAML reads `on` as the boolean true; write \"on\"",
                        "nodeSelector \"f\" must be a string, but YAML reads `1e3` as the number 1000; write \"1e3\""),
                messages);
    }

    @Test
    void suggestsTheOperatorMeant() {
        List<String> ops = List.of("In", "NotIn", "Exists", "DoesNotExist");
        assertEquals("In", Suggestions.closest("in", ops).orElseThrow());
        assertEquals("DoesNotExist", Suggestions.closest("DoesNotExists", ops).orElseThrow());
        assertEquals("Exists", Suggestions.closest("Exist", ops).orElseThrow());
        assertEquals("NotIn", Suggestions.closest("Notin", ops).orElseThrow());
        assertTrue(Suggestions.closest("Equals", ops).isEmpty());
        assertTrue(Suggestions.closest("In", ops).isEmpty());
        assertEquals("", Suggestions.didYouMean("Gt", ops));
    }
}
