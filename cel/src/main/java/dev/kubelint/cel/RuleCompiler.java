package dev.kubelint.cel;

import static dev.kubelint.cel.ValidationRules.factor;
import static dev.kubelint.cel.ValidationRules.oneLine;
import static dev.kubelint.cel.ValidationRules.saturatedAdd;

import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.kubelint.cel.ValidationRules.Declared;
import dev.kubelint.cel.ValidationRules.Node;
import dev.kubelint.cel.ValidationRules.Rule;
import dev.kubelint.core.yaml.JsonPointers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Walks a CRD schema for {@link ValidationRules}: compiles its {@code x-kubernetes-validations} rules for
 * evaluation, or (with types) checks them as the API server does when the CRD is created: each rule type-checked
 * against the schema, its reason and message expression checked, its estimated cost within the limits.
 */
final class RuleCompiler {

    private static final Set<String> REASONS =
            Set.of("FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate");

    final KubernetesCel environment;
    final SchemaTypes types;
    final List<RuleProblem> problems;
    long totalEstimatedCost;
    int rules;

    /** @param types and {@code problems}: null to compile for evaluation, else to check */
    RuleCompiler(KubernetesCel environment, SchemaTypes types, List<RuleProblem> problems) {
        this.environment = environment;
        this.types = types;
        this.problems = problems;
    }

    boolean checking() {
        return problems != null;
    }

    /**
     * @param pointer   the JSON pointer of the schema node in the schema
     * @param fieldPath the API server's path of it ("properties[spec].items")
     */
    Node node(JsonNode schema, String pointer, String fieldPath, boolean resourceRoot) {
        if (schema == null || !schema.isObject()) {
            return null;
        }
        Node node = new Node(schema);
        JsonNode rulesNode = schema.get("x-kubernetes-validations");
        if (rulesNode != null && rulesNode.isArray() && rulesNode.size() > 0) {
            compileRules(node, rulesNode, pointer, fieldPath, resourceRoot);
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Map.Entry<String, JsonNode> e : properties.properties()) {
                Node child = node(
                        e.getValue(),
                        pointer + "/properties/" + JsonPointers.escape(e.getKey()),
                        join(fieldPath, "properties[" + e.getKey() + "]"),
                        false);
                if (child != null) {
                    node.properties.put(e.getKey(), child);
                }
            }
        }
        node.additional = node(
                schema.get("additionalProperties"),
                pointer + "/additionalProperties",
                join(fieldPath, "additionalProperties"),
                false);
        node.items = node(schema.get("items"), pointer + "/items", join(fieldPath, "items"), false);
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (int i = 0; i < allOf.size(); i++) {
                JsonNode branch = allOf.get(i);
                if (branch.isObject() && branch.has("x-kubernetes-validations")) {
                    // a branch carries no type of its own: its rules see the value as the node types it
                    Node b = new Node(schema);
                    compileRules(
                            b,
                            branch.get("x-kubernetes-validations"),
                            pointer + "/allOf/" + i,
                            join(fieldPath, "allOf[" + i + "]"),
                            resourceRoot);
                    node.allOf.add(b);
                }
            }
        }
        return node.isEmpty() ? null : node;
    }

    private static String join(String path, String child) {
        return path.isEmpty() ? child : path + "." + child;
    }

    private void compileRules(Node node, JsonNode rulesNode, String pointer, String fieldPath, boolean resourceRoot) {
        CelCompiler[] typed = new CelCompiler[2];
        CelType self = checking() ? types.typeOf(node.schema, pointer, resourceRoot) : null;
        for (int i = 0; i < rulesNode.size(); i++) {
            Declared rule = Declared.of(rulesNode.get(i));
            rules++;
            if (checking()) {
                check(
                        node,
                        rule,
                        pointer + "/x-kubernetes-validations/" + i,
                        join(fieldPath, "x-kubernetes-validations[" + i + "]"),
                        typed,
                        self,
                        resourceRoot);
                continue;
            }
            if (rule.source().isBlank()) {
                continue;
            }
            node.rules.add(new Rule(environment, rule));
        }
    }

    private void check(
            Node node,
            Declared rule,
            String rulePointer,
            String rulePath,
            CelCompiler[] typed,
            CelType self,
            boolean resourceRoot) {
        if (rule.source().isBlank()) {
            problems.add(new RuleProblem(
                    rulePointer + "/rule", rulePath + ".rule", "Required value: rule is not specified"));
            return;
        }
        if (!rule.reason().isEmpty() && !REASONS.contains(rule.reason())) {
            problems.add(
                    new RuleProblem(
                            rulePointer + "/reason",
                            rulePath + ".reason",
                            "Unsupported value: \"" + rule.reason()
                                    + "\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\""));
        }
        if (!rule.fieldPath().isEmpty()
                && FieldPaths.resolve(rule.fieldPath(), node.schema).isEmpty()) {
            problems.add(new RuleProblem(
                    rulePointer + "/fieldPath",
                    rulePath + ".fieldPath",
                    "Invalid value: \"" + rule.fieldPath() + "\": fieldPath must be a valid path"));
        }
        if (!rule.message().isEmpty() && rule.message().isBlank()) {
            problems.add(new RuleProblem(
                    rulePointer + "/message",
                    rulePath + ".message",
                    "Invalid value: \"" + rule.message() + "\": message must be non-empty if specified"));
        }
        CelCompiler compiler = typed(typed, rule.optionalOldSelf() ? 1 : 0, self, rule.optionalOldSelf());
        Compilation created = compiler.compile(rule.source());
        if (!created.ok()) {
            problems.add(new RuleProblem(
                    rulePointer + "/rule",
                    rulePath + ".rule",
                    "Invalid value: \"" + oneLine(rule.source()) + "\": " + created.message()));
        } else {
            CelExpression e = created.expression().get();
            if (!e.resultType().equals(SimpleType.BOOL) && !e.resultType().equals(SimpleType.DYN)) {
                problems.add(new RuleProblem(
                        rulePointer + "/rule",
                        rulePath + ".rule",
                        "Invalid value: \"" + oneLine(rule.source()) + "\": cel expression must evaluate to a bool"));
            } else {
                long cost = CostEstimator.estimate(e, node.schema, resourceRoot);
                totalEstimatedCost = saturatedAdd(totalEstimatedCost, cost);
                if (cost > KubernetesCel.ESTIMATED_COST_LIMIT) {
                    problems.add(new RuleProblem(
                            rulePointer + "/rule",
                            rulePath + ".rule",
                            "Forbidden: estimated rule cost"
                                    + " exceeds budget by factor of "
                                    + factor(cost, KubernetesCel.ESTIMATED_COST_LIMIT)
                                    + " (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where"
                                    + " arrays, maps, and strings are declared)"));
                }
            }
            if (rule.optionalOldSelf() && !e.references("oldSelf")) {
                problems.add(new RuleProblem(
                        rulePointer + "/optionalOldSelf",
                        rulePath + ".optionalOldSelf",
                        "Invalid value: true: may not be set if rule does not use oldSelf"));
            }
        }
        if (!rule.messageExpression().isEmpty()) {
            Compilation mc = typed(typed, 0, self, false).compile(rule.messageExpression());
            if (!mc.ok()) {
                problems.add(new RuleProblem(
                        rulePointer + "/messageExpression",
                        rulePath + ".messageExpression",
                        "Invalid value: \"" + oneLine(rule.messageExpression()) + "\": messageExpression "
                                + mc.message()));
            } else if (!mc.expression().get().resultType().equals(SimpleType.STRING)
                    && !mc.expression().get().resultType().equals(SimpleType.DYN)) {
                problems.add(new RuleProblem(
                        rulePointer + "/messageExpression",
                        rulePath + ".messageExpression",
                        "Invalid value: \"" + oneLine(rule.messageExpression())
                                + "\": messageExpression must evaluate to a string"));
            }
        }
    }

    private CelCompiler typed(CelCompiler[] cache, int slot, CelType self, boolean optionalOldSelf) {
        if (cache[slot] == null) {
            Map<String, CelType> vars = new LinkedHashMap<>();
            vars.put("self", self);
            vars.put("oldSelf", optionalOldSelf ? OptionalType.create(self) : self);
            cache[slot] = environment.compiler(vars, types);
        }
        return cache[slot];
    }
}
