package dev.kubelint.schemas;

import dev.kubelint.core.yaml.JsonPointers;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The structural schema rules of a CustomResourceDefinition's version, for a schema {@link DefinitionChecks} found
 * well formed: every specified field has a type, value validations in {@code allOf}/{@code anyOf}/{@code oneOf}/
 * {@code not} specify no types, defaults or extensions, the root and {@code metadata} say only what they may, the
 * Kubernetes extensions are used where they apply, and defaults validate against their own schema.
 */
final class StructuralChecks extends FieldErrors {

    private static final Set<String> NOT_IN_VALUE_VALIDATION = Set.of(
            "type",
            "nullable",
            "default",
            "additionalProperties",
            "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-embedded-resource",
            "x-kubernetes-int-or-string",
            "x-kubernetes-list-type",
            "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type",
            "x-kubernetes-validations");

    /** Checks that add their problems to {@code problems}. */
    StructuralChecks(List<SchemaProblem> problems) {
        super(problems);
    }

    /** The structural schema rules, the root's rules and the extensions' rules, for a well-formed schema. */
    void root(ObjectNode root, String at) {
        String type = root.path("type").asString("");
        if (type.isEmpty()) {
            if (!SchemaTrees.isTrue(root.get("x-kubernetes-preserve-unknown-fields"))) {
                missing(at, "type", "Required value: must not be empty at the root");
            }
        } else if (!type.equals("object")) {
            value(
                    at + "/type",
                    "Invalid value: " + SchemaProblems.render(root.get("type")) + ": must be object at the root");
        }
        if (root.get("properties") instanceof ObjectNode properties
                && properties.get("metadata") instanceof ObjectNode meta) {
            String metaAt = at + "/properties/metadata";
            for (Map.Entry<String, JsonNode> m : meta.properties()) {
                if (!Set.of("type", "properties", "description").contains(m.getKey())) {
                    forbidden(JsonPointers.child(metaAt, m.getKey()), m.getKey(), "must not be specified in metadata");
                }
            }
            if (meta.get("properties") instanceof ObjectNode metaProperties) {
                for (Map.Entry<String, JsonNode> p : metaProperties.properties()) {
                    if (!p.getKey().equals("name") && !p.getKey().equals("generateName")) {
                        forbidden(
                                JsonPointers.child(metaAt + "/properties", p.getKey()),
                                p.getKey(),
                                "must not specify"
                                        + " anything other than name and generateName, but metadata is implicitly specified");
                    }
                }
            }
        }
        node(root, at, true);
    }

    /** One structural node and, below it, its structural children and value validations. */
    private void node(ObjectNode schema, String at, boolean root) {
        boolean preserve = SchemaTrees.isTrue(schema.get("x-kubernetes-preserve-unknown-fields"));
        boolean intOrString = SchemaTrees.isTrue(schema.get("x-kubernetes-int-or-string"));
        String type = schema.path("type").asString("");
        if (!root && type.isEmpty() && !preserve && !intOrString) {
            missing(at, "type", "Required value: must not be empty for specified " + what(at));
        }
        if (schema.has("x-kubernetes-preserve-unknown-fields") && !preserve) {
            value(at + "/x-kubernetes-preserve-unknown-fields", "Invalid value: false: must be true or undefined");
        }
        if (intOrString && !type.isEmpty()) {
            value(
                    at + "/type",
                    "Invalid value: " + SchemaProblems.render(schema.get("type"))
                            + ": must be empty if x-kubernetes-int-or-string is true");
        }
        if (SchemaTrees.isTrue(schema.get("x-kubernetes-embedded-resource"))) {
            if (!type.equals("object")) {
                value(
                        type.isEmpty() ? at : at + "/type",
                        "Invalid value: " + (type.isEmpty() ? "\"\"" : "\"" + type + "\"")
                                + ": must be object if x-kubernetes-embedded-resource is true");
            } else if (!preserve && !schema.has("properties")) {
                missing(
                        at,
                        "properties",
                        "Required value: must not be empty if x-kubernetes-embedded-resource is true"
                                + " without x-kubernetes-preserve-unknown-fields");
            }
        }
        if (schema.has("properties") && schema.has("additionalProperties")) {
            forbidden(
                    at + "/additionalProperties",
                    "additionalProperties",
                    "additionalProperties and properties are mutual exclusive");
        }
        listType(schema, at, type);
        if (schema.has("x-kubernetes-map-type")) {
            String mapType = schema.get("x-kubernetes-map-type").asString("");
            if (!mapType.equals("granular") && !mapType.equals("atomic")) {
                value(
                        at + "/x-kubernetes-map-type",
                        "Unsupported value: " + SchemaProblems.render(schema.get("x-kubernetes-map-type"))
                                + ": supported values: \"atomic\", \"granular\"");
            } else if (!type.equals("object")) {
                value(
                        at + "/x-kubernetes-map-type",
                        "Invalid value: " + SchemaProblems.render(schema.get("x-kubernetes-map-type"))
                                + ": must only be used if type is object");
            }
        }
        if (schema.get("properties") instanceof ObjectNode properties) {
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                node((ObjectNode) p.getValue(), JsonPointers.child(at + "/properties", p.getKey()), false);
            }
        }
        if (schema.get("additionalProperties") instanceof ObjectNode additional) {
            node(additional, at + "/additionalProperties", false);
        }
        if (schema.get("items") instanceof ObjectNode items) {
            node(items, at + "/items", false);
        } else if (type.equals("array") && !schema.has("items")) {
            missing(at, "items", "Required value: must be specified");
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode branches = schema.get(combinator);
            if (branches != null) {
                for (int i = 0; i < branches.size(); i++) {
                    ObjectNode branch = (ObjectNode) branches.get(i);
                    if (intOrString && combinator.equals("anyOf") && intOrStringForms(branches)) {
                        continue;
                    }
                    if (intOrString && combinator.equals("allOf") && intOrStringForms(branch.path("anyOf"))) {
                        ObjectNode rest = branch.deepCopy();
                        rest.remove("anyOf");
                        valueValidation(rest, schema, at + "/" + combinator + "/" + i);
                        continue;
                    }
                    valueValidation(branch, schema, at + "/" + combinator + "/" + i);
                }
            }
        }
        if (schema.get("not") instanceof ObjectNode not) {
            valueValidation(not, schema, at + "/not");
        }
    }

    /** {@code anyOf: [{type: integer}, {type: string}]}, which an int-or-string field may say (and controller-gen writes). */
    private static boolean intOrStringForms(JsonNode branches) {
        if (branches.size() != 2) {
            return false;
        }
        Set<String> types = new HashSet<>();
        for (JsonNode b : branches) {
            if (b.size() != 1 || !b.path("type").isString()) {
                return false;
            }
            types.add(b.path("type").asString());
        }
        return types.equals(Set.of("integer", "string"));
    }

    private static String what(String at) {
        return at.endsWith("/items")
                ? "array items"
                : at.endsWith("/additionalProperties") ? "additionalProperties" : "object fields";
    }

    private void listType(ObjectNode schema, String at, String type) {
        if (!schema.has("x-kubernetes-list-type")) {
            if (schema.has("x-kubernetes-list-map-keys")) {
                forbidden(
                        at + "/x-kubernetes-list-map-keys",
                        "x-kubernetes-list-map-keys",
                        "must not be specified if x-kubernetes-list-type is not map");
            }
            return;
        }
        JsonNode listType = schema.get("x-kubernetes-list-type");
        String value = listType.asString("");
        String here = at + "/x-kubernetes-list-type";
        if (!Set.of("atomic", "set", "map").contains(value)) {
            value(
                    here,
                    "Unsupported value: " + SchemaProblems.render(listType) + ": supported values: \"atomic\", \"map\","
                            + " \"set\"");
            return;
        }
        if (!type.equals("array")) {
            value(here, "Invalid value: " + SchemaProblems.render(listType) + ": must only be used if type is array");
            return;
        }
        JsonNode items = schema.path("items");
        if (value.equals("map")) {
            JsonNode keys = schema.path("x-kubernetes-list-map-keys");
            if (keys.isEmpty()) {
                missing(
                        at,
                        "x-kubernetes-list-map-keys",
                        "Required value: must not be empty if x-kubernetes-list-type" + " is map");
                return;
            }
            if (!items.path("type").asString("").equals("object")) {
                value(here, "Invalid value: \"map\": must only be used with object items");
                return;
            }
            Set<String> required = new HashSet<>();
            items.path("required").forEach(r -> required.add(r.asString("")));
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i).asString("");
                JsonNode property = items.path("properties").path(key);
                String keyAt = at + "/x-kubernetes-list-map-keys/" + i;
                if (property.isMissingNode()) {
                    value(
                            keyAt,
                            "Invalid value: " + SchemaProblems.render(keys.get(i))
                                    + ": entries must all be names of item properties");
                } else if (!required.contains(key) && !property.has("default")) {
                    value(
                            keyAt,
                            "Invalid value: " + SchemaProblems.render(keys.get(i))
                                    + ": all map keys must be required or have a default value");
                } else if (!Set.of("string", "integer", "boolean", "number")
                        .contains(property.path("type").asString(""))) {
                    value(
                            keyAt,
                            "Invalid value: " + SchemaProblems.render(keys.get(i))
                                    + ": must be a scalar of type string, integer, boolean or number");
                }
            }
        } else if (value.equals("set")) {
            String itemType = items.path("type").asString("");
            boolean atomic = items.path("x-kubernetes-map-type").asString("").equals("atomic")
                    || items.path("x-kubernetes-list-type").asString("atomic").equals("atomic")
                            && itemType.equals("array");
            if ((itemType.equals("object") || itemType.equals("array")) && !atomic) {
                value(here, "Invalid value: \"set\": must only be used with scalar or atomic items");
            }
        }
    }

    /** A branch of allOf/anyOf/oneOf/not: it may only constrain what the structural part specifies. */
    private void valueValidation(ObjectNode branch, ObjectNode structural, String at) {
        for (Map.Entry<String, JsonNode> m : branch.properties()) {
            if (NOT_IN_VALUE_VALIDATION.contains(m.getKey())) {
                forbidden(JsonPointers.child(at, m.getKey()), m.getKey(), "must be empty to be structural");
            }
        }
        if (branch.get("properties") instanceof ObjectNode properties) {
            ObjectNode known = structural.get("properties") instanceof ObjectNode p ? p : null;
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                JsonNode counterpart = known == null ? null : known.get(p.getKey());
                String here = JsonPointers.child(at + "/properties", p.getKey());
                if (counterpart == null
                        && !(structural.get("additionalProperties") instanceof ObjectNode)
                        && !SchemaTrees.isTrue(structural.get("x-kubernetes-preserve-unknown-fields"))) {
                    forbidden(
                            here,
                            p.getKey(),
                            "must not be specified in value validations without a corresponding"
                                    + " property in the structural schema");
                } else if (p.getValue() instanceof ObjectNode sub) {
                    valueValidation(sub, counterpart instanceof ObjectNode c ? c : structural, here);
                }
            }
        }
        if (branch.get("items") instanceof ObjectNode items) {
            valueValidation(items, structural.get("items") instanceof ObjectNode i ? i : structural, at + "/items");
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode branches = branch.get(combinator);
            if (branches != null) {
                for (int i = 0; i < branches.size(); i++) {
                    valueValidation((ObjectNode) branches.get(i), structural, at + "/" + combinator + "/" + i);
                }
            }
        }
        if (branch.get("not") instanceof ObjectNode not) {
            valueValidation(not, structural, at + "/not");
        }
    }

    /** Each default of the structural part, validated against the schema it sits in, as the server does. */
    void defaults(ObjectNode schema, String at, String inSchema, KindSchema compiled) {
        JsonNode fallback = schema.get("default");
        if (fallback != null && !fallback.isNull() && !inSchema.isEmpty()) {
            JsonNode defaulted = fallback.deepCopy();
            StructuralSchema.applyDefaults(schema, defaulted);
            for (SchemaProblem p : compiled.validateAt(inSchema, defaulted)) {
                value(at + "/default", "Invalid value: " + SchemaProblems.render(fallback) + ": " + p.message());
            }
        }
        if (schema.get("properties") instanceof ObjectNode properties) {
            for (Map.Entry<String, JsonNode> p : properties.properties()) {
                String key = JsonPointers.escape(p.getKey());
                defaults(
                        (ObjectNode) p.getValue(),
                        at + "/properties/" + key,
                        inSchema + "/properties/" + key,
                        compiled);
            }
        }
        if (schema.get("additionalProperties") instanceof ObjectNode additional) {
            defaults(additional, at + "/additionalProperties", inSchema + "/additionalProperties", compiled);
        }
        if (schema.get("items") instanceof ObjectNode items) {
            defaults(items, at + "/items", inSchema + "/items", compiled);
        }
    }
}
