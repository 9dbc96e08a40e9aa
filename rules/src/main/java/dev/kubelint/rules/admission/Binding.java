package dev.kubelint.rules.admission;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.MappingNode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A ValidatingAdmissionPolicyBinding of the scan. */
record Binding(
        String name,
        String policyName,
        Location location,
        Location policyNameLocation,
        JsonNode paramRef,
        JsonNode matchResources,
        List<String> actions) {

    static Binding read(JsonNode json, MappingNode root, RuleContext ctx) {
        return read(json, root, ctx::locate);
    }

    static Binding read(JsonNode json, MappingNode root, Policy.Locator at) {
        JsonNode spec = json.path("spec");
        List<String> actions = new ArrayList<>();
        spec.path("validationActions").forEach(a -> actions.add(a.asString("")));
        return new Binding(
                json.path("metadata").path("name").asString(""),
                spec.path("policyName").asString(""),
                at.locate(root),
                at.locate(root.nearest("/spec/policyName")),
                spec.get("paramRef"),
                spec.get("matchResources"),
                actions);
    }
}
