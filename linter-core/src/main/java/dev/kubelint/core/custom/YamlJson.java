package dev.kubelint.core.custom;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link YamlNode} tree into the JSON a JSON Schema validator sees, and leads a validator's instance
 * location back to the YAML node (and so to its line and column).
 */
public final class YamlJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private YamlJson() {
    }

    /**
     * The JSON value of a node, as kubectl would send it. With {@code dropNullMembers}, mapping members whose
     * value is null are left out, because Kubernetes treats {@code field: null} as an absent field.
     */
    public static JsonNode toJson(YamlNode node, boolean dropNullMembers) {
        if (node instanceof MappingNode m) {
            ObjectNode object = JSON.objectNode();
            for (MappingNode.Entry e : m.entries()) {
                if (dropNullMembers && e.value() instanceof ScalarNode s && s.isNull()) {
                    continue;
                }
                object.set(e.key(), toJson(e.value(), dropNullMembers));
            }
            return object;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode array = JSON.arrayNode(s.size());
            for (YamlNode item : s.items()) {
                array.add(toJson(item, dropNullMembers));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static JsonNode scalar(ScalarNode s) {
        Object value = s.value();
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l.longValue());
        }
        if (value instanceof BigInteger big) {
            return JSON.numberNode(big);
        }
        if (value instanceof Double d) {
            return number(d, s);
        }
        return JSON.stringNode(value.toString());
    }

    private static JsonNode number(double d, ScalarNode s) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            // kubectl cannot turn .inf or .nan into JSON; to a schema they are the text as written
            return JSON.stringNode(s.text());
        }
        if (d == Math.rint(d) && Math.abs(d) >= 0x1p63) {
            // an integral number beyond 64 bits: keep it exact, as JSON Schema's integer checks expect
            return JSON.numberNode(new BigDecimal(d).toBigIntegerExact());
        }
        return JSON.numberNode(d);
    }

    /**
     * The node an instance location (the path elements a validator reports: keys and indexes) names, starting
     * from {@code root}; the deepest node found when the path leaves the tree.
     */
    public static YamlNode locate(YamlNode root, List<Object> path) {
        YamlNode node = root;
        for (Object element : path) {
            Optional<YamlNode> next = child(node, element);
            if (next.isEmpty()) {
                return node;
            }
            node = next.get();
        }
        return node;
    }

    private static Optional<YamlNode> child(YamlNode node, Object element) {
        if (node instanceof MappingNode m) {
            return m.get(element.toString());
        }
        if (node instanceof SequenceNode s && element instanceof Integer i) {
            return s.get(i);
        }
        if (node instanceof SequenceNode s) {
            try {
                return s.get(Integer.parseInt(element.toString()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
