package dev.kubelint.schemas;

import dev.kubelint.core.yaml.JsonPointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the API server does to a custom resource around the OpenAPI validation, read from the structural part of
 * a CustomResourceDefinition version's schema ({@code properties}, {@code additionalProperties}, {@code items};
 * never the branches of {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}, which only constrain):
 * <ul>
 * <li>{@link #applyDefaults}: the {@code default}s, top-down, as apiextensions-apiserver applies them when it decodes
 * an object: a property's default where the property is absent (a default that is itself an object is then
 * defaulted further), a list item's or map value's default where the item or value is null, and nothing below a
 * parent that is absent;</li>
 * <li>{@link #walk}: a walk over the defaulted object with the schema of each value, for the checks that follow the
 * OpenAPI validation ({@code x-kubernetes-list-type} uniqueness here, and any further check of custom resources
 * that needs each value with its schema).</li>
 * </ul>
 * The schema is the CustomResourceDefinition's as written: a member of the wrong type (a {@code properties} that is
 * not an object, say) is passed over, since the definition's own check reports it.
 */
final class StructuralSchema {

    /** Receives each value of an object with its structural schema, parents first. */
    interface Visitor {
        /**
         * @param schema  the structural schema of the value
         * @param value   the value (after defaulting)
         * @param pointer where the value is, as a JSON pointer from the object's root
         */
        void visit(ObjectNode schema, JsonNode value, String pointer);
    }

    private StructuralSchema() {}

    /**
     * Applies the schema's defaults to an object in place, as the API server does on decoding.
     *
     * @return whether any default was applied
     */
    static boolean applyDefaults(ObjectNode schema, JsonNode object) {
        return defaults(schema, object);
    }

    private static boolean defaults(ObjectNode schema, JsonNode value) {
        boolean changed = false;
        if (value instanceof ObjectNode object) {
            ObjectNode properties = properties(schema);
            if (properties != null) {
                for (Map.Entry<String, JsonNode> p : properties.properties()) {
                    JsonNode fallback = p.getValue().get("default");
                    if (fallback != null && !fallback.isNull() && absent(object.get(p.getKey()), p.getValue())) {
                        object.set(p.getKey(), fallback.deepCopy());
                        changed = true;
                    }
                }
            }
            ObjectNode additional = schema.get("additionalProperties") instanceof ObjectNode a ? a : null;
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                JsonNode sub = properties == null ? null : properties.get(member.getKey());
                if (sub instanceof ObjectNode subSchema) {
                    changed |= defaults(subSchema, member.getValue());
                } else if (sub == null && additional != null) {
                    JsonNode fallback = additional.get("default");
                    if (fallback != null && !fallback.isNull() && absent(member.getValue(), additional)) {
                        member.setValue(fallback.deepCopy());
                        changed = true;
                    }
                    changed |= defaults(additional, member.getValue());
                }
            }
        } else if (value instanceof ArrayNode array && schema.get("items") instanceof ObjectNode items) {
            JsonNode fallback = items.get("default");
            for (int i = 0; i < array.size(); i++) {
                if (fallback != null && !fallback.isNull() && absent(array.get(i), items)) {
                    array.set(i, fallback.deepCopy());
                    changed = true;
                }
                changed |= defaults(items, array.get(i));
            }
        }
        return changed;
    }

    /** Absent, or null where the schema does not allow null (the server drops such a null, or defaults it). */
    private static boolean absent(JsonNode value, JsonNode schema) {
        return value == null || value.isNull() && !SchemaTrees.isTrue(schema.get("nullable"));
    }

    /** Calls the visitor for the object and every value below it that the structural schema describes. */
    static void walk(ObjectNode schema, JsonNode object, Visitor visitor) {
        walk(schema, object, "", visitor);
    }

    private static void walk(ObjectNode schema, JsonNode value, String pointer, Visitor visitor) {
        visitor.visit(schema, value, pointer);
        if (value instanceof ObjectNode object) {
            ObjectNode properties = properties(schema);
            ObjectNode additional = schema.get("additionalProperties") instanceof ObjectNode a ? a : null;
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                JsonNode sub = properties == null ? null : properties.get(member.getKey());
                if (sub == null) {
                    sub = additional;
                }
                if (sub instanceof ObjectNode subSchema) {
                    walk(subSchema, member.getValue(), JsonPointers.child(pointer, member.getKey()), visitor);
                }
            }
        } else if (value instanceof ArrayNode array && schema.get("items") instanceof ObjectNode items) {
            for (int i = 0; i < array.size(); i++) {
                walk(items, array.get(i), JsonPointers.child(pointer, i), visitor);
            }
        }
    }

    private static ObjectNode properties(ObjectNode schema) {
        return schema.get("properties") instanceof ObjectNode p ? p : null;
    }

    /**
     * The uniqueness that {@code x-kubernetes-list-type: set} and {@code map} promise, in the API server's words:
     * each repeated element (a set) or repeated key (a map, by its {@code x-kubernetes-list-map-keys}) after its
     * first occurrence is {@code Duplicate value: ...}; an item of a list-type map that is not an object is
     * {@code must be an object for an array of list-type map}.
     */
    static List<SchemaProblem> listTypeProblems(ObjectNode schema, JsonNode object) {
        List<SchemaProblem> problems = new ArrayList<>();
        walk(schema, object, (s, value, pointer) -> {
            JsonNode type = s.get("x-kubernetes-list-type");
            if (!(value instanceof ArrayNode array) || type == null) {
                return;
            }
            if ("set".equals(type.asString(""))) {
                duplicates(array, i -> array.get(i), pointer, problems);
            } else if ("map".equals(type.asString(""))) {
                for (int i = 0; i < array.size(); i++) {
                    JsonNode item = array.get(i);
                    if (!item.isObject() && !item.isNull()) {
                        String at = JsonPointers.child(pointer, i);
                        problems.add(SchemaProblem.value(
                                at,
                                path(at) + "Invalid value: " + render(item)
                                        + ": must be an object for an array of list-type map"));
                        return;
                    }
                }
                List<String> keys = new ArrayList<>();
                s.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asString("")));
                duplicates(array, i -> key(array.get(i), keys), pointer, problems);
            }
        });
        return problems;
    }

    /** The key of a list-type map item: an object of its key fields that are present. */
    private static JsonNode key(JsonNode item, List<String> keys) {
        ObjectNode key = dev.kubelint.core.custom.JsonTrees.nodes().objectNode();
        for (String k : keys) {
            JsonNode v = item.get(k);
            if (v != null) {
                key.set(k, v);
            }
        }
        return key;
    }

    private static void duplicates(
            ArrayNode array,
            java.util.function.IntFunction<JsonNode> identity,
            String pointer,
            List<SchemaProblem> problems) {
        if (array.size() <= 1) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = identity.apply(i);
            if (seen.merge(canonical(id), 1, Integer::sum) == 2) {
                String at = JsonPointers.child(pointer, i);
                problems.add(SchemaProblem.value(at, path(at) + "Duplicate value: " + render(id)));
            }
        }
    }

    /** JSON with the members of objects in name order, so that equal values give equal text (as Go's encoder). */
    private static String canonical(JsonNode value) {
        if (value instanceof ObjectNode object) {
            java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
            object.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            StringBuilder out = new StringBuilder("{");
            sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                    .append(dev.kubelint.core.yaml.JsonText.quote(k))
                    .append(':')
                    .append(canonical(v)));
            return out.append('}').toString();
        }
        if (value instanceof ArrayNode array) {
            StringBuilder out = new StringBuilder("[");
            array.forEach(v -> out.append(out.length() > 1 ? "," : "").append(canonical(v)));
            return out.append(']').toString();
        }
        return value.toString();
    }

    private static String path(String pointer) {
        String path = JsonPointers.toPath(pointer);
        return path.isEmpty() ? "" : path + ": ";
    }

    /** A value as the API server's field errors show it: JSON, strings quoted. */
    static String render(JsonNode value) {
        String json = value.toString();
        return json.length() > 200 ? json.substring(0, 200) + "..." : json;
    }
}
