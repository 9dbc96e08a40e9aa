package dev.kubelint.schemas;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link YamlNode} tree into the JSON that kubectl would send to the API server, for schema validation.
 * Like kubectl it sends integral floats as integers ({@code replicas: 1.0} arrives as {@code 1}). Unlike a plain
 * conversion it drops object members whose value is null: Kubernetes treats {@code field: null} as an absent
 * field. Infinity and NaN cannot be written as JSON at all, so kubectl fails on them; they become problems and
 * are left out of the tree.
 */
public final class YamlToJson {

    /** Integral doubles up to this magnitude convert to exact longs. */
    private static final double MAX_EXACT_LONG = 9.223372036854775E18;

    /** The JSON tree and the values that could not be converted. */
    public record Conversion(JsonNode json, List<SchemaProblem> problems) {
        public Conversion {
            problems = List.copyOf(problems);
        }
    }

    private final JsonNodeFactory nodes = JsonTrees.nodes();
    private final String base;
    private final List<SchemaProblem> problems = new ArrayList<>();

    private YamlToJson(String base) {
        this.base = base;
    }

    /** Converts an object; pointers of problems are relative to {@code root}. */
    public static Conversion convert(YamlNode root) {
        YamlToJson converter = new YamlToJson(root.pointer());
        JsonNode json = converter.value(root);
        return new Conversion(json == null ? converter.nodes.nullNode() : json, converter.problems);
    }

    /** The value, or null when it cannot be sent. */
    private JsonNode value(YamlNode node) {
        if (node instanceof MappingNode mapping) {
            ObjectNode object = nodes.objectNode();
            for (MappingNode.Entry e : mapping.entries()) {
                if (e.value() instanceof ScalarNode s && s.isNull()) {
                    continue;
                }
                JsonNode child = value(e.value());
                if (child != null) {
                    object.set(e.key(), child);
                }
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = nodes.arrayNode();
            for (YamlNode item : sequence.items()) {
                JsonNode child = value(item);
                // keep indexes stable so that pointers into the array still match the source
                array.add(child == null ? nodes.nullNode() : child);
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private JsonNode scalar(ScalarNode s) {
        Object v = s.value();
        switch (s.type()) {
            case NULL:
                return nodes.nullNode();
            case BOOLEAN:
                return nodes.booleanNode((Boolean) v);
            case INTEGER:
                return v instanceof Long l ? nodes.numberNode(l) : nodes.numberNode((BigInteger) v);
            case FLOAT:
                return number(s, (Double) v);
            default:
                return nodes.stringNode((String) v);
        }
    }

    private JsonNode number(ScalarNode s, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            problems.add(SchemaProblem.value(relative(s.pointer()), path(s.pointer()) + s.text() + " cannot be sent to the API server: JSON has no infinity or NaN, so"
                            + " kubectl fails to convert this manifest"));
            return null;
        }
        if (d == Math.rint(d)) {
            if (Math.abs(d) < MAX_EXACT_LONG) {
                return nodes.numberNode((long) d);
            }
            return nodes.numberNode(new BigDecimal(d).toBigInteger());
        }
        return nodes.numberNode(d);
    }

    private String relative(String pointer) {
        return pointer.substring(base.length());
    }

    private String path(String pointer) {
        String path = JsonPointers.toPath(relative(pointer));
        return path.isEmpty() ? "" : path + ": ";
    }
}
