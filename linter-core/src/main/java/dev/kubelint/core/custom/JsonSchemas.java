package dev.kubelint.core.custom;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Compiles JSON Schemas written by users (in YAML) with networknt: checked against their meta-schema first, so
 * that a misspelt type or a malformed keyword is an error at its line and column, then compiled with every
 * reference resolved. Nothing is read from files or the network: a schema is self-contained ({@code $defs}).
 */
public final class JsonSchemas {

    private final SchemaRegistry registry;

    public JsonSchemas() {
        this.registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .locale(Locale.ROOT)
                                .build())
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    }

    /** A compiled schema, or what is wrong with it. */
    public record Compiled(Optional<Schema> schema, JsonNode json, List<SchemaProblem> problems) {
        public Compiled {
            problems = List.copyOf(problems);
        }
    }

    /** Compiles the schema written at {@code node}. */
    public Compiled compile(YamlNode node) {
        JsonNode json = YamlJson.toJson(node, false);
        List<SchemaProblem> problems = metaProblems(node, json);
        if (!problems.isEmpty()) {
            return new Compiled(Optional.empty(), json, problems);
        }
        try {
            Schema schema = registry.getSchema(json);
            // references are resolved lazily; resolve them now so a broken $ref is a configuration error
            schema.initializeValidators();
            return new Compiled(Optional.of(schema), json, List.of());
        } catch (SchemaException | IllegalArgumentException e) {
            return new Compiled(
                    Optional.empty(),
                    json,
                    List.of(new SchemaProblem(
                            node, Optional.empty(), false, "schema", "the schema cannot be used: " + reason(e))));
        }
    }

    /** Validates a node against a compiled schema. */
    public static List<SchemaProblem> validate(
            Schema schema, JsonNode schemaJson, YamlNode instance, JsonNode instanceJson) {
        return SchemaErrors.of(schema.validate(instanceJson), instance, schemaJson);
    }

    private List<SchemaProblem> metaProblems(YamlNode node, JsonNode json) {
        if (json.isBoolean()) {
            return List.of();
        }
        if (!json.isObject()) {
            return List.of(new SchemaProblem(
                    node,
                    Optional.empty(),
                    false,
                    "type",
                    "a JSON Schema must be an object (or true / false), found " + node.jsonType()));
        }
        String dialect = json.has("$schema") && json.get("$schema").isString()
                ? json.get("$schema").asString()
                : SpecificationVersion.DRAFT_2020_12.getDialectId();
        if (SpecificationVersion.fromDialectId(dialect).isEmpty()) {
            return List.of(new SchemaProblem(
                    node,
                    Optional.empty(),
                    false,
                    "$schema",
                    "unknown $schema " + dialect + ": use " + SpecificationVersion.DRAFT_2020_12.getDialectId()
                            + " or leave it out"));
        }
        Schema meta = registry.getSchema(SchemaLocation.of(dialect));
        // one problem per place: a bad "type" fails both branches of the meta-schema's anyOf
        Map<String, SchemaProblem> byPlace = new LinkedHashMap<>();
        for (SchemaProblem p : SchemaErrors.of(meta.validate(json), node, meta.getSchemaNode())) {
            byPlace.putIfAbsent(p.pointer(), p);
        }
        return new ArrayList<>(byPlace.values());
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof java.io.FileNotFoundException) {
            return "cannot resolve the reference " + cause.getMessage()
                    + " (kubelint reads no schemas from files or the network: put definitions under $defs)";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }
}
