package dev.kubelint.core.custom;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one conversion of a {@link YamlNode} tree into JSON, used by schema validation, custom rules and the
 * configuration file, and the way back from a validator's instance location to the YAML node (and so to its
 * line and column).
 *
 * <p>Numbers arrive as kubectl sends them: integral floats as integers ({@code replicas: 1.0} is {@code 1}),
 * integers beyond 64 bits exact. What differs between uses is in {@link Options}: whether {@code field: null}
 * members are dropped (Kubernetes treats them as absent fields) and what becomes of {@code .inf} and
 * {@code .nan}, which JSON cannot hold and kubectl fails on.
 */
public final class YamlJson {

    /** What becomes of infinity and NaN. */
    public enum NonFinite {
        /** The text as written: what a schema sees of a value it cannot have, for a finding about its type. */
        AS_TEXT,
        /** Left out (in a list, null keeps the indexes), and listed in {@link Conversion#unsendable()}. */
        DROP
    }

    /**
     * How a tree is converted.
     *
     * @param dropNullMembers leave out mapping members whose value is null
     * @param nonFinite what becomes of {@code .inf} and {@code .nan}
     */
    public record Options(boolean dropNullMembers, NonFinite nonFinite) {

        /** What the API server receives from kubectl: null members dropped, infinity and NaN left out. */
        public static final Options SENT_TO_API = new Options(true, NonFinite.DROP);

        /** Every member kept, infinity and NaN as text: for files that are not Kubernetes objects. */
        public static final Options AS_WRITTEN = new Options(false, NonFinite.AS_TEXT);
    }

    /** The JSON value and the scalars that could not be converted (with {@link NonFinite#DROP}). */
    public record Conversion(JsonNode json, List<ScalarNode> unsendable) {
        public Conversion {
            unsendable = List.copyOf(unsendable);
        }
    }

    private static final JsonNodeFactory JSON = JsonTrees.nodes();

    /** Integral doubles below this magnitude convert to exact longs. */
    private static final double MAX_EXACT_LONG = 0x1p63;

    private final Options options;
    private final List<ScalarNode> unsendable = new ArrayList<>();

    private YamlJson(Options options) {
        this.options = options;
    }

    /** Converts a node with the given options. */
    public static Conversion convert(YamlNode node, Options options) {
        YamlJson converter = new YamlJson(options);
        JsonNode json = converter.value(node);
        return new Conversion(json == null ? JSON.nullNode() : json, converter.unsendable);
    }

    /**
     * The JSON value of a node, infinity and NaN as text. With {@code dropNullMembers}, mapping members whose
     * value is null are left out.
     */
    public static JsonNode toJson(YamlNode node, boolean dropNullMembers) {
        return convert(node, new Options(dropNullMembers, NonFinite.AS_TEXT)).json();
    }

    /** The value, or null when it is left out. */
    private JsonNode value(YamlNode node) {
        if (node instanceof MappingNode m) {
            ObjectNode object = JSON.objectNode();
            for (MappingNode.Entry e : m.entries()) {
                if (options.dropNullMembers() && e.value() instanceof ScalarNode s && s.isNull()) {
                    continue;
                }
                JsonNode child = value(e.value());
                if (child != null) {
                    object.set(e.key(), child);
                }
            }
            return object;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode array = JSON.arrayNode(s.size());
            for (YamlNode item : s.items()) {
                JsonNode child = value(item);
                // keep indexes stable so that pointers into the array still match the source
                array.add(child == null ? JSON.nullNode() : child);
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private JsonNode scalar(ScalarNode s) {
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

    private JsonNode number(double d, ScalarNode s) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            if (options.nonFinite() == NonFinite.DROP) {
                unsendable.add(s);
                return null;
            }
            return JSON.stringNode(s.text());
        }
        if (d == Math.rint(d)) {
            return Math.abs(d) < MAX_EXACT_LONG
                    ? JSON.numberNode((long) d)
                    : JSON.numberNode(new BigDecimal(d).toBigIntegerExact());
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
