package dev.kubelint.schemas;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.yaml.MappingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads CustomResourceDefinition manifests: each served version's {@code openAPIV3Schema} becomes the schema of
 * that group, version and kind, validated as the API server validates custom resources (structural schema,
 * unknown fields rejected unless {@code x-kubernetes-preserve-unknown-fields}, {@code apiVersion}, {@code kind}
 * and {@code metadata} always allowed, embedded resources, int-or-string fields).
 */
public final class CustomResourceDefinitions {

    private static final String ROOT = "kubelint.CustomResource";
    private static final AtomicLong IDS = new AtomicLong();
    private static volatile JsonNode objectMeta;

    /**
     * One CustomResourceDefinition.
     *
     * @param name     its metadata.name, such as "widgets.example.com"
     * @param origin   where it was read, for messages
     * @param versions each served version with its schema (empty when the version has none)
     * @param problems what is wrong with the definition itself
     */
    public record Definition(
            String name,
            String group,
            String kind,
            String origin,
            Map<String, Optional<KindSchema>> versions,
            List<String> problems) {
        public Definition {
            versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
            problems = List.copyOf(problems);
        }

        public boolean serves(String version) {
            return versions.containsKey(version);
        }

        /** "CustomResourceDefinition widgets.example.com (crds/widget.yaml)". */
        public String describe() {
            return "CustomResourceDefinition " + name + " (" + origin + ")";
        }
    }

    private CustomResourceDefinitions() {}

    /** Whether an object is a CustomResourceDefinition (apiextensions.k8s.io, any version). */
    public static boolean isDefinition(String apiVersion, String kind) {
        return kind.equals("CustomResourceDefinition") && apiVersion.startsWith("apiextensions.k8s.io/");
    }

    /** Reads a CRD manifest as parsed from YAML; empty when it names no group or kind. */
    public static Optional<Definition> read(MappingNode manifest, String origin) {
        return read(YamlToJson.convert(manifest).json(), origin);
    }

    /** Reads a CRD manifest given as JSON; empty when it names no group or kind. */
    public static Optional<Definition> read(JsonNode crd, String origin) {
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asString("");
        String kind = spec.path("names").path("kind").asString("");
        if (group.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        String name = crd.path("metadata")
                .path("name")
                .asString(spec.path("names").path("plural").asString("") + "." + group);
        Map<String, Optional<KindSchema>> versions = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        JsonNode shared = spec.path("validation").path("openAPIV3Schema");
        for (JsonNode version : versions(spec)) {
            String v = version.path("name").asString("");
            if (v.isEmpty() || !version.path("served").asBoolean(true)) {
                continue;
            }
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (schema.isMissingNode()) {
                schema = shared;
            }
            GroupVersionKind gvk = new GroupVersionKind(group, v, kind);
            JsonNode subresources =
                    version.has("subresources") ? version.path("subresources") : spec.path("subresources");
            boolean statusSubresource = subresources.path("status").isObject();
            if (schema.isObject() && !DefinitionChecks.malformed(schema, "").isEmpty()) {
                versions.put(v, Optional.empty());
                problems.add("CustomResourceDefinition " + name + " has a malformed openAPIV3Schema for version " + v
                        + " ("
                        + DefinitionChecks.malformed(schema, "openAPIV3Schema")
                                .get(0)
                                .message() + "), so objects of " + gvk
                        + " are not validated");
            } else if (schema.isObject()) {
                versions.put(
                        v,
                        Optional.of(schemaOf(
                                gvk,
                                (ObjectNode) schema,
                                statusSubresource,
                                "CustomResourceDefinition " + name + " (" + origin + ")")));
            } else {
                versions.put(v, Optional.empty());
                problems.add("CustomResourceDefinition " + name + " has no openAPIV3Schema for version " + v
                        + ", so objects of " + gvk + " are not validated");
            }
        }
        return Optional.of(new Definition(name, group, kind, origin, versions, problems));
    }

    /** spec.versions, or the single spec.version of an old apiextensions.k8s.io/v1beta1 definition. */
    private static List<JsonNode> versions(JsonNode spec) {
        List<JsonNode> result = new ArrayList<>();
        spec.path("versions").forEach(result::add);
        if (result.isEmpty() && spec.path("version").isString()) {
            ObjectNode single = JsonTrees.nodes().objectNode();
            single.put("name", spec.path("version").asString());
            result.add(single);
        }
        return result;
    }

    private static KindSchema schemaOf(
            GroupVersionKind gvk, ObjectNode schema, boolean statusSubresource, String origin) {
        ObjectNode raw = schema.deepCopy();
        return new KindSchema(
                gvk,
                origin,
                new KindSchema.Source(
                        "kubelint:/crd/" + IDS.incrementAndGet() + "/" + gvk.group() + "/" + gvk.version() + "/"
                                + gvk.kind(),
                        "/components/schemas/" + ROOT,
                        strict -> prepare(raw, strict)),
                SchemaEngine.shared(),
                Optional.of(new CustomResource(raw, statusSubresource)));
    }

    private static JsonNode prepare(ObjectNode raw, boolean strict) {
        ObjectNode document = JsonTrees.nodes().objectNode();
        ObjectNode components = document.putObject("components").putObject("schemas");
        ObjectNode root = raw.deepCopy();
        components.set(ROOT, root);
        objectMetaComponents()
                .properties()
                .forEach(e -> components.set(e.getKey(), e.getValue().deepCopy()));
        SchemaTrees.forEachSchema(root, SchemaTrees.Position.STRUCTURAL, (s, p) -> {
            kubernetesExtensions(s);
            CrdFormats.normalize(s);
        });
        // the API server always accepts apiVersion, kind and metadata, and validates metadata as ObjectMeta
        ObjectNode properties = root.has("properties") && root.get("properties").isObject()
                ? (ObjectNode) root.get("properties")
                : root.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("$ref", SchemaTrees.COMPONENTS_PREFIX + SchemaTrees.OBJECT_META);
        if (strict) {
            components.forEach(SchemaTrees::closeObjects);
        }
        return document;
    }

    private static void kubernetesExtensions(ObjectNode schema) {
        if (SchemaTrees.isTrue(schema.get("x-kubernetes-embedded-resource"))) {
            ObjectNode properties =
                    schema.get("properties") instanceof ObjectNode p ? p : schema.putObject("properties");
            if (!properties.has("apiVersion")) {
                properties.putObject("apiVersion").put("type", "string");
            }
            if (!properties.has("kind")) {
                properties.putObject("kind").put("type", "string");
            }
            if (!properties.has("metadata")) {
                properties.putObject("metadata").put("type", "object");
            }
        }
        if (SchemaTrees.isTrue(schema.get("x-kubernetes-int-or-string"))
                && !schema.has("type")
                && !schema.has("anyOf")
                && !schema.has("oneOf")) {
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
    }

    private static JsonNode objectMetaComponents() {
        JsonNode meta = objectMeta;
        if (meta == null) {
            meta = BuiltinSchemas.get().objectMetaComponents();
            objectMeta = meta;
        }
        return meta;
    }
}
