package dev.kubelint.rules.cel;

import dev.kubelint.cel.KubernetesCel;
import dev.kubelint.cel.ValidationRules;
import dev.kubelint.cel.Violation;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.schemas.KindSchema;
import dev.kubelint.schemas.SchemaProblem;
import dev.kubelint.schemas.YamlToJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The {@code x-kubernetes-validations} rules of custom resources: compiled once per definition and Kubernetes
 * release, evaluated on each object of the definition's kind as the API server evaluates them on create.
 */
public final class CustomResourceRules {

    /** Compiled rules of each CRD schema (weakly held: the schemas belong to a run) and release. */
    private static final Map<KindSchema, Map<String, ValidationRules>> COMPILED =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Compiled rules by release and schema (equal schemas share them); a long-lived process forgets old ones. */
    private static final Map<List<Object>, ValidationRules> BY_SCHEMA = new ConcurrentHashMap<>();

    private static final int REMEMBERED_SCHEMAS = 512;

    private CustomResourceRules() {}

    /** The rules of a CRD schema for a release; empty for schemas that are not from a CRD or have no rules. */
    public static Optional<ValidationRules> of(KindSchema schema, String release) {
        Optional<JsonNode> crd = schema.customResourceSchema();
        if (crd.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ValidationRules> byRelease = COMPILED.computeIfAbsent(schema, s -> new ConcurrentHashMap<>());
        ValidationRules rules = byRelease.computeIfAbsent(release, r -> compile(crd.get(), r, schema));
        return rules.isEmpty() ? Optional.empty() : Optional.of(rules);
    }

    /**
     * The rules of a CRD version's schema, compiled once for a release however often the schema is met (as a scanned
     * definition checked by crd-validation-rule, and as the schema of its resources).
     */
    public static ValidationRules compile(JsonNode openApiV3Schema, String release, Object name) {
        List<Object> key = List.of(release, openApiV3Schema);
        ValidationRules rules = BY_SCHEMA.get(key);
        if (rules == null) {
            KubernetesCel environment = KubernetesCel.forRelease(release);
            rules = ValidationRules.compile(
                    openApiV3Schema,
                    environment,
                    KubernetesCel.forNewExpressions(release),
                    String.valueOf(name).replaceAll("[^A-Za-z0-9.]", "_"));
            if (BY_SCHEMA.size() >= REMEMBERED_SCHEMAS) {
                BY_SCHEMA.clear();
            }
            BY_SCHEMA.put(key, rules);
        }
        return rules;
    }

    /**
     * The rules an object breaks, as value problems at the offending node, each with the API server's message
     * ({@code spec.listeners[0]: Invalid value: "object": <message>}).
     */
    public static List<SchemaProblem> violations(KindSchema schema, MappingNode root, String release) {
        Optional<ValidationRules> rules = of(schema, release);
        if (rules.isEmpty()) {
            return List.of();
        }
        List<Violation> violations =
                rules.get().validate(YamlToJson.convert(root).json());
        List<SchemaProblem> problems = new ArrayList<>(violations.size());
        for (Violation v : violations) {
            problems.add(SchemaProblem.value(v.pointer(), v.message()));
        }
        return problems;
    }
}
