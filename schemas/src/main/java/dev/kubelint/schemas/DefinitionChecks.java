package dev.kubelint.schemas;

import dev.kubelint.core.kube.Names;
import dev.kubelint.core.yaml.JsonPointers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
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
public final class DefinitionChecks extends FieldErrors {

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

    private DefinitionChecks() {
        super(new ArrayList<>());
    }

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
                StructuralChecks structural = new StructuralChecks(problems);
                structural.root(object, schemaAt);
                Optional<KindSchema> compiled = schemas.getOrDefault(name, Optional.empty());
                if (problems.size() == before && compiled.isPresent()) {
                    structural.defaults(object, schemaAt, "", compiled.get());
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
        requiredName(names, "plural", this::label);
        optionalName(names, "singular", this::label);
        String kind = names.path("kind").asString("");
        requiredName(names, "kind", this::kindName);
        if (optionalName(names, "listKind", this::kindName)
                && names.path("listKind").stringValue().equals(kind)) {
            value(
                    "/spec/names/listKind",
                    "Invalid value: " + SchemaProblems.render(names.get("listKind"))
                            + ": kind and listKind cannot be the same");
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

    /** A name {@code spec.names} must have: missing when empty, else checked. */
    private void requiredName(JsonNode names, String key, BiConsumer<String, JsonNode> check) {
        if (names.path(key).asString("").isEmpty()) {
            if (names.isObject()) {
                missing("/spec/names", key, "Required value");
            }
        } else {
            check.accept("/spec/names/" + key, names.get(key));
        }
    }

    /** A name {@code spec.names} may have: checked when it is a non-empty string; whether it is one. */
    private boolean optionalName(JsonNode names, String key, BiConsumer<String, JsonNode> check) {
        if (names.path(key).isString() && !names.path(key).stringValue().isEmpty()) {
            check.accept("/spec/names/" + key, names.get(key));
            return true;
        }
        return false;
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
}
