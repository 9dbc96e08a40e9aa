package dev.kubelint.schemas;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A fast test that an object is valid, walking its YAML tree once against a compiled schema, before the full
 * validator runs. Most objects of a repository are valid, and for them the full path (the JSON tree kubectl would
 * send, then networknt, whose cost grows with the number of properties each schema declares rather than with the
 * object) is most of the rule pass. This check follows the object instead, and answers "valid" only when it is sure;
 * for anything it does not implement (a keyword other than {@code type}, {@code nullable}, {@code format},
 * {@code properties}, {@code additionalProperties}, {@code required}, {@code items}, {@code allOf}, {@code oneOf} and
 * {@code $ref} within the document, a format kubelint does not define, a value JSON cannot carry) it answers
 * "unsure", and for a violation "invalid"; in both cases the caller validates fully, so findings and their messages
 * are always the full validator's.
 *
 * <p>It reads the instance as {@link YamlToJson} converts it: members whose value is null are absent, integral
 * floats are integers, infinity and NaN cannot be sent. The compiled shapes are built once, eagerly, and never
 * change, so one check may be shared by threads.
 */
final class QuickCheck {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNSURE = 2;

    private static final int NULL = 1;
    private static final int BOOLEAN = 1 << 1;
    private static final int INTEGER = 1 << 2;
    private static final int NUMBER = 1 << 3;
    private static final int STRING = 1 << 4;
    private static final int OBJECT = 1 << 5;
    private static final int ARRAY = 1 << 6;
    private static final int ANY = NULL | BOOLEAN | INTEGER | NUMBER | STRING | OBJECT | ARRAY;

    private static final int FORMAT_NONE = 0;
    private static final int FORMAT_INT32 = 1;
    private static final int FORMAT_INT64 = 2;
    private static final int FORMAT_BYTE = 3;
    private static final int FORMAT_DATE_TIME = 4;
    private static final int FORMAT_QUANTITY = 5;
    private static final int FORMAT_UNKNOWN = 6;

    /** Keywords that never fail a value in the engine's dialect (documentation; extensions are non-validating). */
    private static final Set<String> INERT = Set.of("description", "default", "title", "example", "externalDocs");

    /** One compiled schema object. */
    private static final class Shape {
        boolean unsure;
        /** The JSON types the value may have: its {@code type}, or any, and null when {@code nullable}. */
        int types = ANY;

        boolean nullable;
        /** One of the FORMAT_ codes; none for no format or one that accepts every value. */
        int format;

        Map<String, Shape> properties;
        boolean closed;
        Shape additional;
        String[] required;
        Shape items;
        Shape[] allOf;
        Shape[] oneOf;
        Shape ref;
    }

    private final Shape root;

    private QuickCheck(Shape root) {
        this.root = root;
    }

    /** Compiles the schema at {@code fragment} (a JSON pointer, "" for the root) of a prepared document. */
    static QuickCheck of(JsonNode document, String fragment) {
        return new QuickCheck(new Compiler(document).compile(document.at(fragment)));
    }

    /** {@link #VALID} only when the full validator would find nothing; {@link #INVALID} or {@link #UNSURE} else. */
    int check(YamlNode object) {
        return check(root, object);
    }

    private static int check(Shape shape, YamlNode node) {
        if (shape.unsure) {
            return UNSURE;
        }
        if (shape.ref != null) {
            return check(shape.ref, node);
        }
        int type = typeOf(node);
        if (type == 0) {
            return UNSURE;
        }
        if ((shape.types & type) == 0) {
            return INVALID;
        }
        int result = VALID;
        if (shape.format != FORMAT_NONE) {
            result = format(shape.format, node, type);
            if (result == INVALID) {
                return INVALID;
            }
        }
        if (type == OBJECT) {
            result = worst(result, object(shape, (MappingNode) node));
        } else if (type == ARRAY && shape.items != null) {
            for (YamlNode item : ((SequenceNode) node).items()) {
                result = worst(result, check(shape.items, item));
                if (result == INVALID) {
                    return INVALID;
                }
            }
        }
        if (result == INVALID) {
            return INVALID;
        }
        if (shape.allOf != null) {
            for (Shape branch : shape.allOf) {
                result = worst(result, check(branch, node));
                if (result == INVALID) {
                    return INVALID;
                }
            }
        }
        if (shape.oneOf != null) {
            result = worst(result, oneOf(shape.oneOf, node));
        }
        return result;
    }

    private static int object(Shape shape, MappingNode node) {
        int result = VALID;
        for (MappingNode.Entry e : node.entries()) {
            YamlNode value = e.value();
            if (value instanceof ScalarNode s && s.isNull()) {
                continue; // dropped before validation, as Kubernetes treats it as absent
            }
            Shape property = shape.properties == null ? null : shape.properties.get(e.key());
            if (property == null) {
                if (shape.closed) {
                    return INVALID;
                }
                property = shape.additional;
            }
            if (property != null) {
                result = worst(result, check(property, value));
                if (result == INVALID) {
                    return INVALID;
                }
            }
        }
        if (shape.required != null) {
            for (String name : shape.required) {
                if (!node.has(name) || node.get(name).get() instanceof ScalarNode s && s.isNull()) {
                    return INVALID;
                }
            }
        }
        return result;
    }

    /** Exactly one branch must hold; a branch the check is unsure of makes the answer unsure. */
    private static int oneOf(Shape[] branches, YamlNode node) {
        int valid = 0;
        for (Shape branch : branches) {
            int r = check(branch, node);
            if (r == UNSURE) {
                return UNSURE;
            }
            if (r == VALID) {
                valid++;
            }
        }
        return valid == 1 ? VALID : INVALID;
    }

    private static int worst(int a, int b) {
        return a == INVALID || b == INVALID ? INVALID : Math.max(a, b);
    }

    /** The JSON type the value is sent as; 0 for a value JSON cannot carry (infinity, NaN). */
    private static int typeOf(YamlNode node) {
        if (node instanceof MappingNode) {
            return OBJECT;
        }
        if (node instanceof SequenceNode) {
            return ARRAY;
        }
        ScalarNode s = (ScalarNode) node;
        switch (s.type()) {
            case NULL:
                return NULL;
            case BOOLEAN:
                return BOOLEAN;
            case INTEGER:
                return INTEGER;
            case FLOAT:
                double d = (Double) s.value();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return 0;
                }
                return d == Math.rint(d) ? INTEGER : NUMBER;
            case STRING:
                return STRING;
            default:
                return 0;
        }
    }

    /** The formats of {@link KubeFormats}, applied as the engine applies them. */
    private static int format(int format, YamlNode node, int type) {
        switch (format) {
            case FORMAT_INT32:
            case FORMAT_INT64:
                if (type != INTEGER) {
                    return VALID;
                }
                if (isBig(node)) {
                    return UNSURE;
                }
                return format == FORMAT_INT32
                        ? (fits(node, Integer.MIN_VALUE, Integer.MAX_VALUE) ? VALID : INVALID)
                        : (fits(node, Long.MIN_VALUE, Long.MAX_VALUE) ? VALID : INVALID);
            case FORMAT_BYTE:
                return type != STRING || KubeFormats.base64Problem(text(node)).isEmpty() ? VALID : INVALID;
            case FORMAT_DATE_TIME:
                return type != STRING || KubeFormats.dateTimeProblem(text(node)).isEmpty() ? VALID : INVALID;
            case FORMAT_QUANTITY:
                return type != STRING || Quantities.problem(text(node)).isEmpty() ? VALID : INVALID;
            default:
                return UNSURE;
        }
    }

    /** The code of a format name: "int-or-string" and "double" accept every value, as {@link KubeFormats} does. */
    private static int formatCode(String name) {
        switch (name) {
            case "int32":
                return FORMAT_INT32;
            case "int64":
                return FORMAT_INT64;
            case "byte":
                return FORMAT_BYTE;
            case "date-time":
                return FORMAT_DATE_TIME;
            case KubeFormats.QUANTITY:
                return FORMAT_QUANTITY;
            case "int-or-string":
            case "double":
                return FORMAT_NONE;
            default:
                return FORMAT_UNKNOWN;
        }
    }

    private static String text(YamlNode node) {
        return (String) ((ScalarNode) node).value();
    }

    /** Whether an integral value (a long, a big integer, or an integral float) lies in a range. */
    private static boolean fits(YamlNode node, long min, long max) {
        Object v = ((ScalarNode) node).value();
        if (v instanceof Long l) {
            return l >= min && l <= max;
        }
        if (v instanceof Double d && Math.abs(d) < 9.223372036854775E18) {
            long l = (long) d.doubleValue();
            return l >= min && l <= max;
        }
        return false;
    }

    /** Big integers are left to the validator (how it treats them is not this check's business). */
    private static boolean isBig(YamlNode node) {
        Object v = ((ScalarNode) node).value();
        return !(v instanceof Long) && !(v instanceof Double);
    }

    /** Compiles the schema objects of one document, following references within it. */
    private static final class Compiler {
        private final JsonNode document;
        private final Map<JsonNode, Shape> shapes = new IdentityHashMap<>();

        Compiler(JsonNode document) {
            this.document = document;
        }

        Shape compile(JsonNode schema) {
            Shape known = shapes.get(schema);
            if (known != null) {
                return known;
            }
            Shape shape = new Shape();
            shapes.put(schema, shape);
            if (schema == null || !schema.isObject()) {
                shape.unsure = !(schema != null && schema.isBoolean() && schema.booleanValue());
                return shape;
            }
            for (Map.Entry<String, JsonNode> e : schema.properties()) {
                if (!keyword(shape, e.getKey(), e.getValue(), schema.size())) {
                    shape.unsure = true;
                    return shape;
                }
            }
            if (shape.nullable) {
                shape.types |= NULL;
            }
            return shape;
        }

        /** Compiles one keyword; false for one this check does not implement. */
        private boolean keyword(Shape shape, String name, JsonNode value, int siblings) {
            if (INERT.contains(name) || name.startsWith("x-")) {
                return true;
            }
            switch (name) {
                case "type":
                    return type(shape, value);
                case "nullable":
                    if (!value.isBoolean()) {
                        return false;
                    }
                    shape.nullable = value.booleanValue();
                    return true;
                case "format":
                    if (!value.isString()) {
                        return false;
                    }
                    shape.format = formatCode(value.stringValue());
                    return true;
                case "properties":
                    return properties(shape, value);
                case "additionalProperties":
                    if (value.isBoolean()) {
                        shape.closed = !value.booleanValue();
                        return true;
                    }
                    shape.additional = compile(value);
                    return value.isObject();
                case "required":
                    return required(shape, value);
                case "items":
                    shape.items = compile(value);
                    return value.isObject();
                case "allOf":
                    shape.allOf = branches(value);
                    return shape.allOf != null;
                case "oneOf":
                    shape.oneOf = branches(value);
                    return shape.oneOf != null;
                case "$ref":
                    return siblings == 1 && ref(shape, value);
                default:
                    return false;
            }
        }

        private boolean type(Shape shape, JsonNode value) {
            if (!value.isString()) {
                return false;
            }
            int t;
            switch (value.stringValue()) {
                case "object" -> t = OBJECT;
                case "array" -> t = ARRAY;
                case "string" -> t = STRING;
                case "integer" -> t = INTEGER;
                case "number" -> t = INTEGER | NUMBER;
                case "boolean" -> t = BOOLEAN;
                default -> {
                    return false;
                }
            }
            shape.types = t;
            return true;
        }

        private boolean properties(Shape shape, JsonNode value) {
            if (!value.isObject()) {
                return false;
            }
            Map<String, Shape> map = new HashMap<>(Math.max(4, value.size() * 2));
            for (Map.Entry<String, JsonNode> p : value.properties()) {
                map.put(p.getKey(), compile(p.getValue()));
            }
            shape.properties = map;
            return true;
        }

        private static boolean required(Shape shape, JsonNode value) {
            if (!value.isArray()) {
                return false;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode n : value) {
                if (!n.isString()) {
                    return false;
                }
                names.add(n.stringValue());
            }
            shape.required = names.toArray(new String[0]);
            return true;
        }

        private Shape[] branches(JsonNode value) {
            if (!value.isArray() || value.isEmpty()) {
                return null;
            }
            Shape[] result = new Shape[value.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = compile(value.get(i));
            }
            return result;
        }

        /** A reference within the document ({@code #/components/schemas/...}); others are left to the validator. */
        private boolean ref(Shape shape, JsonNode value) {
            if (!value.isString() || !value.stringValue().startsWith("#/")) {
                return false;
            }
            JsonNode target = document.at(value.stringValue().substring(1));
            if (target.isMissingNode()) {
                return false;
            }
            shape.ref = compile(target);
            return true;
        }
    }
}
