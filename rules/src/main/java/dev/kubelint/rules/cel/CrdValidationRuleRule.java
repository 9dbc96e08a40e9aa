package dev.kubelint.rules.cel;

import dev.kubelint.cel.RuleProblem;
import dev.kubelint.cel.ValidationRules;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.schemas.CustomResourceDefinitions;
import dev.kubelint.schemas.YamlToJson;
import tools.jackson.databind.JsonNode;

/**
 * The CEL validation rules ({@code x-kubernetes-validations}) of a CustomResourceDefinition, checked as the API
 * server checks them when the definition is created: each rule must compile in the CEL environment of the
 * release before the target (a cluster must be able to roll back), evaluate to a bool, and have an estimated cost
 * within the per-rule and per-schema limits; its messageExpression must compile to a string, its reason must be one
 * the server knows and its fieldPath must name a field of the schema.
 */
@RuleInfo(
        id = "crd-validation-rule",
        category = "schema",
        severity = Severity.ERROR,
        summary = "A CustomResourceDefinition's CEL validation rule does not compile, costs too much or is malformed",
        kinds = {"CustomResourceDefinition"})
public final class CrdValidationRuleRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        MappingNode root = manifest.root();
        String apiVersion = root.string("apiVersion").orElse("");
        String kind = root.string("kind").orElse("");
        if (!CustomResourceDefinitions.isDefinition(apiVersion, kind)) {
            return;
        }
        JsonNode crd = YamlToJson.convert(root).json();
        JsonNode spec = crd.path("spec");
        String release = ctx.settings().kubernetesVersion();
        String name = crd.path("metadata").path("name").asString("crd");
        JsonNode versions = spec.path("versions");
        for (int i = 0; i < versions.size(); i++) {
            JsonNode schema = versions.get(i).path("schema").path("openAPIV3Schema");
            if (schema.isObject()) {
                check(
                        schema,
                        "/spec/versions/" + i + "/schema/openAPIV3Schema",
                        "spec.versions[" + i + "].schema.openAPIV3Schema",
                        release,
                        name,
                        root,
                        ctx);
            }
        }
        JsonNode shared = spec.path("validation").path("openAPIV3Schema");
        if (shared.isObject()) {
            check(
                    shared,
                    "/spec/validation/openAPIV3Schema",
                    "spec.validation.openAPIV3Schema",
                    release,
                    name,
                    root,
                    ctx);
        }
    }

    private static void check(
            JsonNode schema,
            String pointer,
            String path,
            String release,
            String name,
            MappingNode root,
            RuleContext ctx) {
        if (!schema.toString().contains("x-kubernetes-validations")) {
            return;
        }
        ValidationRules rules;
        try {
            rules = CustomResourceRules.compile(schema, release, name);
        } catch (IllegalArgumentException e) {
            return;
        }
        for (RuleProblem p : rules.problems()) {
            YamlNode at = root.nearest(pointer + p.pointer());
            String field = p.fieldPath().isEmpty() ? path : path + "." + p.fieldPath();
            ctx.report(at, field + ": " + p.message());
        }
    }
}
