package dev.kubelint.schemas;

import dev.kubelint.core.kube.Names;
import dev.kubelint.core.yaml.JsonPointers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CustomResourceDefinition checked as the API server checks it on create: its names, its versions (exactly one
 * storage version, a schema for each in {@code apiextensions.k8s.io/v1}), and each version's schema: well formed
 * ({@link #malformed}: a {@code type} that is not a type name, an {@code enum} that is not a list, a {@code pattern}
 * RE2 rejects; such a schema cannot be used at all), structural (every specified field has a type, value
 * validations in {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} do not specify types, defaults or
 * extensions, ...), with Kubernetes extensions used where they apply, and defaults that validate against their own
 * schema. Problems carry JSON pointers from the definition's root and messages in the API server's words, with the
 * field path from the definition's root ({@code spec.versions[0].schema.openAPIV3Schema.properties[spec].type}).
 */
public final class DefinitionChecks {

    private static final Set<String> TYPES = Set.of("array", "boolean", "integer", "number", "object", "string");
    private static final Set<String> UNSUPPORTED =
            Set.of("$ref", "$schema", "id", "definitions", "dependencies", "patternProperties", "additionalItems");
    private static final Set<String> NUMBERS = Set.of("minimum", "maximum", "multipleOf");
    private static final Set<String> COUNTS =
            Set.of("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties");
    private static final Set<String> FLAGS = Set.of(
            "nullable",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-embedded-resource",
            "x-kubernetes-int-or-string");
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

    private final List<SchemaProblem> problems = new ArrayList<>();

    private DefinitionChecks() {}

    /** Why a schema cannot be used at all (its problems, pointers from {@code base}); empty when it is well formed. */
    static List<SchemaProblem> malformed(JsonNode schema, String base) {
        DefinitionChecks checks = new DefinitionChecks();
        checks.wellFormed(schema, base);
        return checks.problems;
    }

    /**
     * Everything the API server rejects in a definition (the manifest as kubectl sends it). Problems of the schema's
     * form come first for each version; a version whose schema is malformed is not checked further.
     *
     * @param schemas each version's compiled schema, by version name, to validate defaults with (may be empty)
     */
    public static List<SchemaProblem> check(JsonNode crd, Map<String, Optional<KindSchema>> schemas) {
        DefinitionChecks checks = new DefinitionChecks();
        checks.all(crd, schemas);
        return checks.problems;
    }

    private void all(JsonNode crd, Map<String, Optional<KindSchema>> schemas) {
        JsonNode spec = crd.path("spec");
        boolean v1 = crd.path("apiVersion").asString("").equals("apiextensions.k8s.io/v1");
        names(crd, spec);
        String scope = spec.path("scope").asString("");
        if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
            if (spec.has("scope")) {
                value(
                        "/spec/scope",
                        "Unsupported value: " + SchemaProblems.render(spec.get("scope"))
                                + ": supported values: \"Cluster\", \"Namespaced\"");
            } else if (spec.isObject()) {
                missing("/spec", "scope", "Required value");
            }
        }
        JsonNode versions = spec.path("versions");
        if (!versions.isArray()) {
            if (!versions.isMissingNode()) {
                value("/spec/versions", "Invalid value: " + SchemaProblems.render(versions) + ": must be a list");
            }
            versions = dev.kubelint.core.custom.JsonTrees.nodes().arrayNode();
        }
        if (versions.isEmpty()) {
            if (!spec.path("version").isString()) {
                if (spec.isObject()) {
                    missing(
                            "/spec",
                            "versions",
                            "Required value: must have exactly one version marked as storage version");
                }
                return;
            }
        }
        int storage = 0;
        Set<String> seen = new HashSet<>();
        JsonNode shared = spec.path("validation").path("openAPIV3Schema");
        for (int i = 0; i < versions.size(); i++) {
            JsonNode version = versions.get(i);
            String at = "/spec/versions/" + i;
            if (!version.isObject()) {
                value(at, "Invalid value: " + SchemaProblems.render(version) + ": must be an object");
                continue;
            }
            String name = version.path("name").asString("");
            if (name.isEmpty()) {
                missing(at, "name", "Required value");
            } else if (!seen.add(name)) {
                value(at + "/name", "Duplicate value: " + SchemaProblems.render(version.get("name")));
            } else if (!Names.dns1035Label(name).isEmpty()) {
                value(
                        at + "/name",
                        "Invalid value: " + SchemaProblems.render(version.get("name")) + ": "
                                + String.join("; ", Names.dns1035Label(name)));
            }
            if (version.path("storage").asBoolean(false)) {
                storage++;
            }
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            String schemaAt = at + "/schema/openAPIV3Schema";
            if (schema.isMissingNode() && !v1) {
                schema = shared;
                schemaAt = "/spec/validation/openAPIV3Schema";
            }
            if (schema.isMissingNode()) {
                if (v1) {
                    missing(
                            version.has("schema") ? at + "/schema" : at,
                            version.has("schema") ? "openAPIV3Schema" : "schema",
                            "Required value: schemas are required");
                }
                continue;
            }
            int before = problems.size();
            wellFormed(schema, schemaAt);
            if (problems.size() > before) {
                String unchecked = "; objects of " + spec.path("group").asString("") + "/" + name + " "
                        + spec.path("names").path("kind").asString("") + " are not validated";
                problems.set(
                        before,
                        new SchemaProblem(
                                problems.get(before).kind(),
                                problems.get(before).pointer(),
                                problems.get(before).field(),
                                problems.get(before).message() + unchecked));
            } else if (schema instanceof ObjectNode object) {
                structural(object, schemaAt);
                Optional<KindSchema> compiled = schemas.getOrDefault(name, Optional.empty());
                if (problems.size() == before && compiled.isPresent()) {
                    defaults(object, schemaAt, "", compiled.get());
                }
            }
        }
        if (versions.size() > 0 && storage != 1) {
            value(
                    "/spec/versions",
                    "Invalid value: " + versionsText(versions)
                            + ": must have exactly one version marked as storage version");
        }
    }

    private static String versionsText(JsonNode versions) {
        List<String> names = new ArrayList<>();
        versions.forEach(
                v -> names.add(v.path("name").asString("") + (v.path("storage").asBoolean(false) ? " (storage)" : "")));
        return "[" + String.join(", ", names) + "]";
    }

    private void names(JsonNode crd, JsonNode spec) {
        String group = spec.path("group").asString("");
        JsonNode names = spec.path("names");
        String plural = names.path("plural").asString("");
        if (group.isEmpty()) {
            if (spec.isObject()) {
                missing("/spec", "group", "Required value");
            }
        } else if (!Names.dns1123Subdomain(group).isEmpty() || !group.contains(".")) {
            value(
                    "/spec/group",
                    "Invalid value: " + SchemaProblems.render(spec.get("group"))
                            + ": should be a domain with at least one dot");
        }
        if (plural.isEmpty()) {
            if (names.isObject()) {
                missing("/spec/names", "plural", "Required value");
            }
        } else {
            label("/spec/names/plural", names.get("plural"));
        }
        if (names.path("singular").isString()
                && !names.path("singular").stringValue().isEmpty()) {
            label("/spec/names/singular", names.get("singular"));
        }
        String kind = names.path("kind").asString("");
        if (kind.isEmpty()) {
            if (names.isObject()) {
                missing("/spec/names", "kind", "Required value");
            }
        } else {
            kindName("/spec/names/kind", names.get("kind"));
        }
        if (names.path("listKind").isString()
                && !names.path("listKind").stringValue().isEmpty()) {
            kindName("/spec/names/listKind", names.get("listKind"));
            if (names.path("listKind").stringValue().equals(kind)) {
                value(
                        "/spec/names/listKind",
                        "Invalid value: " + SchemaProblems.render(names.get("listKind"))
                                + ": kind and listKind cannot be the same");
            }
        }
        String name = crd.path("metadata").path("name").asString("");
        if (!group.isEmpty() && !plural.isEmpty() && !name.isEmpty() && !name.equals(plural + "." + group)) {
            value(
                    "/metadata/name",
                    "Invalid value: "
                            + SchemaProblems.render(crd.path("metadata").get("name"))
                            + ": must be spec.names.plural+\".\"+spec.group (" + plural + "." + group + ")");
        }
    }

    private void label(String pointer, JsonNode value) {
        List<String> label = Names.dns1123Label(value.asString(""));
        if (!label.isEmpty()) {
            value(pointer, "Invalid value: " + SchemaProblems.render(value) + ": " + String.join("; ", label));
        }
    }

    private void kindName(String pointer, JsonNode value) {
        List<String> label = Names.dns1035Label(value.asString("").toLowerCase(java.util.Locale.ROOT));
        if (!label.isEmpty()) {
            value(
                    pointer,
                    "Invalid value: " + SchemaProblems.render(value) + ": "
                            + String.join("; ", label).replace("lowercase ", ""));
        }
    }

    /** The form of a schema: what the API server cannot even decode, or cannot compile. */
    private void wellFormed(JsonNode schema, String at) {
        if (!(schema instanceof ObjectNode object)) {
            value(at, "Invalid value: " + SchemaProblems.render(schema) + ": must be a schema (an object)");
            return;
        }
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            String key = member.getKey();
            JsonNode v = member.getValue();
            String here = JsonPointers.child(at, key);
            switch (key) {
                case "type" -> {
                    if (!v.isString()) {
                        value(
                                here,
                                "Invalid value: " + SchemaProblems.render(v)
                                        + ": must be one of \"array\", \"boolean\","
                                        + " \"integer\", \"number\", \"object\", \"string\"");
                    } else if (!TYPES.contains(v.stringValue())) {
                        value(
                                here,
                                "Unsupported value: " + SchemaProblems.render(v) + ": supported values: \"array\","
                                        + " \"boolean\", \"integer\", \"number\", \"object\", \"string\"");
                    }
                }
                case "enum", "required", "x-kubernetes-list-map-keys" -> {
                    if (!v.isArray()) {
                        value(here, "Invalid value: " + SchemaProblems.render(v) + ": must be a list");
                    } else if (!key.equals("enum")) {
                        for (int i = 0; i < v.size(); i++) {
                            if (!v.get(i).isString()) {
                                value(
                                        JsonPointers.child(here, i),
                                        "Invalid value: " + SchemaProblems.render(v.get(i)) + ": must be a string");
                            }
                        }
                    }
                }
                case "pattern" -> {
                    if (!v.isString()) {
                        value(here, "Invalid value: " + SchemaProblems.render(v) + ": must be a string");
                    } else {
                        Re2Patterns.problem(v.stringValue())
                                .ifPresent(p -> value(
                                        here,
                                        "Invalid value: "
                                                + SchemaProblems.render(v)
                                                + ": must be a valid regular expression, but isn't: "
                                                + "error parsing regexp: " + p));
                    }
                }
                case "format", "description", "title", "x-kubernetes-list-type", "x-kubernetes-map-type" -> {
                    if (!v.isString()) {
                        value(here, "Invalid value: " + SchemaProblems.render(v) + ": must be a string");
                    }
                }
                case "properties" -> {
                    if (!v.isObject()) {
                        value(here, "Invalid value: " + SchemaProblems.render(v) + ": must be a map of schemas");
                    } else {
                        for (Map.Entry<String, JsonNode> p : v.properties()) {
                            wellFormed(p.getValue(), JsonPointers.child(here, p.getKey()));
                        }
                    }
                }
                case "additionalProperties" -> {
                    if (!v.isBoolean()) {
                        wellFormed(v, here);
                    }
                }
                case "items" -> {
                    if (v.isArray()) {
                        value(here, "Forbidden: items must be a schema object and not an array");
                    } else {
                        wellFormed(v, here);
                    }
                }
                case "not" -> wellFormed(v, here);
                case "allOf", "anyOf", "oneOf" -> {
                    if (!v.isArray()) {
                        value(here, "Invalid value: " + SchemaProblems.render(v) + ": must be a list of schemas");
                    } else {
                        for (int i = 0; i < v.size(); i++) {
                            wellFormed(v.get(i), JsonPointers.child(here, i));
                        }
                    }
                }
                default -> {
                    if (key.equals("uniqueItems") && SchemaTrees.isTrue(v)) {
                        forbidden(
                                here,
                                key,
                                "uniqueItems cannot be set to true since the runtime complexity becomes"
                                        + " quadratic");
                    } else if (UNSUPPORTED.contains(key)) {
                        forbidden(here, key, key + " is not supported");
                    } else if (FLAGS.contains(key) && !v.isBoolean()) {
                        value(here, "Invalid value: " + SchemaProblems.render(v) + ": must be true or false");
                    } else if (NUMBERS.contains(key) && !v.isNumber()) {
                        value(here, "Invalid value: " + SchemaProblems.render(v) + ": must be a number");
                    } else if (COUNTS.contains(key) && !(v.isIntegralNumber() && v.asLong() >= 0)) {
                        value(here, "Invalid value: " + SchemaProblems.render(v) + ": must be a non-negative integer");
                    }
                }
            }
        }
    }

    /** The structural schema rules, the root's rules and the extensions' rules, for a well-formed schema. */
    private void structural(ObjectNode root, String at) {
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
    private void defaults(ObjectNode schema, String at, String inSchema, KindSchema compiled) {
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

    private void value(String pointer, String message) {
        problems.add(SchemaProblem.value(pointer, SchemaProblems.path(pointer) + message));
    }

    private void missing(String parent, String field, String message) {
        problems.add(new SchemaProblem(
                SchemaProblem.Kind.MISSING_FIELD,
                parent,
                field,
                SchemaProblems.path(JsonPointers.child(parent, field)) + message));
    }

    private void forbidden(String pointer, String field, String message) {
        problems.add(new SchemaProblem(
                SchemaProblem.Kind.UNKNOWN_FIELD,
                pointer,
                field,
                SchemaProblems.path(pointer) + "Forbidden: " + message));
    }
}
