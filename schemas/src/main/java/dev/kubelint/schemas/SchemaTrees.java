package dev.kubelint.schemas;

import dev.kubelint.core.custom.JsonTrees;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks and rewrites OpenAPI schema trees. A schema's sub-schemas sit under {@code properties},
 * {@code patternProperties}, {@code additionalProperties}, {@code items}, {@code allOf}, {@code anyOf},
 * {@code oneOf}, {@code not} and {@code definitions}; every other member is a keyword value, so a property
 * <em>named</em> {@code description} is never mistaken for the keyword.
 */
final class SchemaTrees {

    static final String COMPONENTS_PREFIX = "#/components/schemas/";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /** The keywords that take part in validation; the generator drops the rest (descriptions are 80% of a document). */
    private static final Set<String> VALIDATING = Set.of(
            "type",
            "format",
            "properties",
            "patternProperties",
            "additionalProperties",
            "items",
            "required",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "$ref",
            "enum",
            "nullable",
            "pattern",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minProperties",
            "maxProperties",
            "multipleOf",
            "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-embedded-resource",
            "x-kubernetes-int-or-string");

    private SchemaTrees() {}

    /** Where a sub-schema sits below its parent schema. */
    enum Position {
        STRUCTURAL,
        COMBINATOR
    }

    /** Calls {@code visit} for every schema object of a tree, parents first, with its position. */
    static void forEachSchema(JsonNode schema, Position position, BiConsumer<ObjectNode, Position> visit) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        visit.accept(object, position);
        Position structural = position;
        eachMapValue(object.get("properties"), s -> forEachSchema(s, structural, visit));
        eachMapValue(object.get("patternProperties"), s -> forEachSchema(s, structural, visit));
        eachMapValue(object.get("definitions"), s -> forEachSchema(s, Position.STRUCTURAL, visit));
        forEachSchema(object.get("additionalProperties"), structural, visit);
        JsonNode items = object.get("items");
        if (items instanceof ArrayNode array) {
            array.forEach(s -> forEachSchema(s, structural, visit));
        } else {
            forEachSchema(items, structural, visit);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode branches = object.get(combinator);
            if (branches instanceof ArrayNode array) {
                array.forEach(s -> forEachSchema(s, Position.COMBINATOR, visit));
            }
        }
        forEachSchema(object.get("not"), Position.COMBINATOR, visit);
    }

    private static void eachMapValue(JsonNode map, java.util.function.Consumer<JsonNode> action) {
        if (map instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                action.accept(e.getValue());
            }
        }
    }

    /** A copy of a schema with only the validating keywords. */
    static JsonNode stripped(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return schema.deepCopy();
        }
        ObjectNode copy = JsonTrees.nodes().objectNode();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (!VALIDATING.contains(key)) {
                continue;
            }
            switch (key) {
                case "properties":
                case "patternProperties":
                    ObjectNode map = copy.putObject(key);
                    value.properties().forEach(p -> map.set(p.getKey(), stripped(p.getValue())));
                    break;
                case "additionalProperties":
                case "not":
                    copy.set(key, stripped(value));
                    break;
                case "items":
                case "allOf":
                case "anyOf":
                case "oneOf":
                    if (value.isArray()) {
                        ArrayNode list = copy.putArray(key);
                        value.forEach(s -> list.add(stripped(s)));
                    } else {
                        copy.set(key, stripped(value));
                    }
                    break;
                default:
                    copy.set(key, value.deepCopy());
            }
        }
        return unwrapped(copy);
    }

    /**
     * The documents wrap every reference as {@code {"allOf": [{"$ref": ...}]}} (so that a description can sit
     * beside it); once the description is gone the wrapper means exactly the reference, and without it the
     * validator builds one keyword validator instead of three for each of the ~200 references of a Pod.
     */
    private static JsonNode unwrapped(ObjectNode schema) {
        JsonNode allOf = schema.get("allOf");
        if (schema.size() == 1
                && allOf != null
                && allOf.isArray()
                && allOf.size() == 1
                && allOf.get(0) instanceof ObjectNode only
                && only.size() == 1
                && only.has("$ref")) {
            return only;
        }
        return schema;
    }

    /** The names of the components a component needs, itself first, following {@code $ref}s. */
    static Set<String> closure(JsonNode components, String root) {
        Set<String> names = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            JsonNode schema = components.get(name);
            if (schema == null || !names.add(name)) {
                continue;
            }
            forEachSchema(schema, Position.STRUCTURAL, (s, p) -> {
                JsonNode ref = s.get("$ref");
                if (ref != null && ref.isString() && ref.stringValue().startsWith(COMPONENTS_PREFIX)) {
                    todo.add(ref.stringValue().substring(COMPONENTS_PREFIX.length()));
                }
            });
        }
        return names;
    }

    /**
     * Closes every object schema that lists its properties and says nothing of others: the API server rejects
     * unknown fields (kubectl's strict field validation). Combinator branches stay open, because their properties
     * only add constraints to fields their parent declares; so do schemas that preserve unknown fields.
     */
    static void closeObjects(JsonNode root) {
        forEachSchema(root, Position.STRUCTURAL, (s, p) -> {
            if (p == Position.STRUCTURAL
                    && s.get("properties") instanceof ObjectNode
                    && !s.has("additionalProperties")
                    && !isTrue(s.get("x-kubernetes-preserve-unknown-fields"))) {
                s.put("additionalProperties", false);
            }
        });
    }

    static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
