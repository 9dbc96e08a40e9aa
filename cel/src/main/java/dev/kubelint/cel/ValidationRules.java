package dev.kubelint.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.kubelint.core.yaml.JsonPointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code x-kubernetes-validations} rules of one CustomResourceDefinition schema, compiled once, evaluated on
 * objects as the API server's apiextensions CEL validator evaluates them when an object is created: every rule at
 * every schema node the object has a (non-null) value for, with {@code self} bound to that value (defaults
 * applied); rules that use {@code oldSelf} are skipped unless {@code optionalOldSelf} is true, and then
 * {@code oldSelf} is {@code optional.none()}; a false rule yields its {@code messageExpression}, else its
 * {@code message}, else "failed rule: ...", framed by {@code reason} and placed at {@code fieldPath}. The cost of one
 * evaluation is limited to {@link KubernetesCel#PER_CALL_LIMIT} and that of one object to
 * {@link KubernetesCel#RUNTIME_COST_BUDGET}.
 * <p>
 * {@link #problems()} are what the API server would refuse in the rules themselves when the CRD is created.
 * Instances are immutable and thread-safe.
 */
public final class ValidationRules {

    private static final Set<String> REASONS =
            Set.of("FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate");

    /** A rule as the schema gives it; compiled when first evaluated. */
    private static final class Rule {
        private final KubernetesCel environment;
        private final String source;
        private final String message;
        private final String messageExpressionSource;
        private final String reason;
        private final String fieldPath;
        private final boolean optionalOldSelf;
        private volatile Compiled compiled;

        /** The compiled parts. */
        private record Compiled(
                Optional<CelExpression> expression, Optional<CelExpression> messageExpression, boolean usesOldSelf) {}

        Rule(
                KubernetesCel environment,
                String source,
                String message,
                String messageExpressionSource,
                String reason,
                String fieldPath,
                boolean optionalOldSelf) {
            this.environment = environment;
            this.source = source;
            this.message = message;
            this.messageExpressionSource = messageExpressionSource;
            this.reason = reason;
            this.fieldPath = fieldPath;
            this.optionalOldSelf = optionalOldSelf;
        }

        private Compiled compiled() {
            Compiled c = compiled;
            if (c == null) {
                // oldSelf is dyn for both kinds of rule: optional rules see optional.none() on create
                Optional<CelExpression> e = environment
                        .dynamicCompiler(List.of("self", "oldSelf"), List.of())
                        .compile(source)
                        .expression();
                Optional<CelExpression> m = messageExpressionSource.isEmpty()
                        ? Optional.empty()
                        : environment
                                .dynamicCompiler(List.of("self", "oldSelf"), List.of())
                                .compile(messageExpressionSource)
                                .expression();
                c = new Compiled(e, m, e.map(x -> x.references("oldSelf")).orElse(false));
                compiled = c;
            }
            return c;
        }

        String source() {
            return source;
        }

        String message() {
            return message;
        }

        String reason() {
            return reason;
        }

        String fieldPath() {
            return fieldPath;
        }

        boolean optionalOldSelf() {
            return optionalOldSelf;
        }

        Optional<CelExpression> expression() {
            return compiled().expression();
        }

        Optional<CelExpression> messageExpression() {
            return compiled().messageExpression();
        }

        boolean usesOldSelf() {
            return compiled().usesOldSelf();
        }
    }

    /** A schema node with rules somewhere at or below it. */
    private static final class Node {
        final JsonNode schema;
        final String type;
        final List<Rule> rules = new ArrayList<>();
        final Map<String, Node> properties = new LinkedHashMap<>();
        final List<Node> allOf = new ArrayList<>();
        Node additional;
        Node items;

        Node(JsonNode schema) {
            this.schema = schema;
            this.type = schema.path("type").asString("");
        }

        boolean isEmpty() {
            return rules.isEmpty() && properties.isEmpty() && allOf.isEmpty() && additional == null && items == null;
        }
    }

    private final Node root;
    private final int ruleCount;
    private final JsonNode schema;
    private final KubernetesCel creation;
    private final String typeName;
    private volatile List<RuleProblem> problems;

    private ValidationRules(Node root, int ruleCount, JsonNode schema, KubernetesCel creation, String typeName) {
        this.root = root;
        this.ruleCount = ruleCount;
        this.schema = schema;
        this.creation = creation;
        this.typeName = typeName;
    }

    /**
     * Compiles the rules of a CRD version's {@code openAPIV3Schema} for evaluation. Rules are compiled with
     * {@code self} and {@code oldSelf} of type {@code dyn} in the release's shared compiler, so that a rule many
     * schemas carry compiles once; {@link #problems()} type-checks them against the schema, when asked.
     *
     * @param environment the release's environment: objects are checked with the rules as the API server of that
     *                    release runs them
     * @param creation    the environment a CRD is checked in when created ({@link KubernetesCel#forNewExpressions});
     *                    {@link #problems()} report what does not compile there
     * @param typeName    a name for the schema's struct types ("Widget.v1")
     */
    public static ValidationRules compile(
            JsonNode openApiV3Schema, KubernetesCel environment, KubernetesCel creation, String typeName) {
        Builder b = new Builder(environment, null, null);
        Node root = b.node(openApiV3Schema, "", "", true);
        return new ValidationRules(root, b.rules, openApiV3Schema, creation, typeName);
    }

    /** Whether the schema has no rule at all. */
    public boolean isEmpty() {
        return ruleCount == 0;
    }

    public int size() {
        return ruleCount;
    }

    /**
     * The rules the API server would refuse on creating the CRD, in schema order: each is type-checked against the
     * schema in the creation environment, its estimated cost checked against the limits.
     */
    public List<RuleProblem> problems() {
        List<RuleProblem> p = problems;
        if (p == null) {
            Builder b = new Builder(creation, new SchemaTypes(typeName), new ArrayList<>());
            b.node(schema, "", "", true);
            if (b.totalEstimatedCost > KubernetesCel.ESTIMATED_CRD_COST_LIMIT) {
                b.problems.add(new RuleProblem(
                        "",
                        "",
                        "Forbidden: total CRD cost exceeds budget by factor of "
                                + factor(b.totalEstimatedCost, KubernetesCel.ESTIMATED_CRD_COST_LIMIT)
                                + " (try simplifying the"
                                + " rule(s), or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are"
                                + " declared)"));
            }
            p = List.copyOf(b.problems);
            problems = p;
        }
        return p;
    }

    private static String factor(long cost, long limit) {
        return String.format(java.util.Locale.ROOT, "%.1fx", (double) cost / limit);
    }

    /** Walks a schema: compiles its rules for evaluation, or (with types) checks them as on creation. */
    private static final class Builder {
        final KubernetesCel environment;
        final SchemaTypes types;
        final List<RuleProblem> problems;
        long totalEstimatedCost;
        int rules;

        /** @param types and {@code problems}: null to compile for evaluation, else to check */
        Builder(KubernetesCel environment, SchemaTypes types, List<RuleProblem> problems) {
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

        private void compileRules(
                Node node, JsonNode rulesNode, String pointer, String fieldPath, boolean resourceRoot) {
            CelCompiler[] typed = new CelCompiler[2];
            CelType self = checking() ? types.typeOf(node.schema, pointer, resourceRoot) : null;
            for (int i = 0; i < rulesNode.size(); i++) {
                JsonNode r = rulesNode.get(i);
                String source = r.path("rule").asString("");
                String message = r.path("message").asString("");
                String messageExpression = r.path("messageExpression").asString("");
                String reason = r.path("reason").asString("");
                String ruleFieldPath = r.path("fieldPath").asString("");
                boolean optionalOldSelf = r.path("optionalOldSelf").asBoolean(false);
                rules++;
                if (checking()) {
                    check(
                            node,
                            source,
                            message,
                            messageExpression,
                            reason,
                            ruleFieldPath,
                            optionalOldSelf,
                            pointer + "/x-kubernetes-validations/" + i,
                            join(fieldPath, "x-kubernetes-validations[" + i + "]"),
                            typed,
                            self,
                            resourceRoot);
                    continue;
                }
                if (source.isBlank()) {
                    continue;
                }
                node.rules.add(new Rule(
                        environment, source, message, messageExpression, reason, ruleFieldPath, optionalOldSelf));
            }
        }

        private void check(
                Node node,
                String source,
                String message,
                String messageExpression,
                String reason,
                String ruleFieldPath,
                boolean optionalOldSelf,
                String rulePointer,
                String rulePath,
                CelCompiler[] typed,
                CelType self,
                boolean resourceRoot) {
            if (source.isBlank()) {
                problems.add(new RuleProblem(
                        rulePointer + "/rule", rulePath + ".rule", "Required value: rule is not specified"));
                return;
            }
            if (!reason.isEmpty() && !REASONS.contains(reason)) {
                problems.add(
                        new RuleProblem(
                                rulePointer + "/reason",
                                rulePath + ".reason",
                                "Unsupported value: \"" + reason
                                        + "\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\""));
            }
            if (!ruleFieldPath.isEmpty()
                    && FieldPaths.resolve(ruleFieldPath, node.schema).isEmpty()) {
                problems.add(new RuleProblem(
                        rulePointer + "/fieldPath",
                        rulePath + ".fieldPath",
                        "Invalid value: \"" + ruleFieldPath + "\": fieldPath must be a valid path"));
            }
            if (!message.isEmpty() && message.isBlank()) {
                problems.add(new RuleProblem(
                        rulePointer + "/message",
                        rulePath + ".message",
                        "Invalid value: \"" + message + "\": message must be non-empty if specified"));
            }
            CelCompiler compiler = typed(typed, optionalOldSelf ? 1 : 0, self, optionalOldSelf);
            Compilation created = compiler.compile(source);
            if (!created.ok()) {
                problems.add(new RuleProblem(
                        rulePointer + "/rule",
                        rulePath + ".rule",
                        "Invalid value: \"" + oneLine(source) + "\": " + created.message()));
            } else {
                CelExpression e = created.expression().get();
                if (!e.resultType().equals(SimpleType.BOOL) && !e.resultType().equals(SimpleType.DYN)) {
                    problems.add(new RuleProblem(
                            rulePointer + "/rule",
                            rulePath + ".rule",
                            "Invalid value: \"" + oneLine(source) + "\": cel expression must evaluate to a bool"));
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
                if (optionalOldSelf && !e.references("oldSelf")) {
                    problems.add(new RuleProblem(
                            rulePointer + "/optionalOldSelf",
                            rulePath + ".optionalOldSelf",
                            "Invalid value: true: may not be set if rule does not use oldSelf"));
                }
            }
            if (!messageExpression.isEmpty()) {
                Compilation mc = typed(typed, 0, self, false).compile(messageExpression);
                if (!mc.ok()) {
                    problems.add(new RuleProblem(
                            rulePointer + "/messageExpression",
                            rulePath + ".messageExpression",
                            "Invalid value: \"" + oneLine(messageExpression) + "\": messageExpression "
                                    + mc.message()));
                } else if (!mc.expression().get().resultType().equals(SimpleType.STRING)
                        && !mc.expression().get().resultType().equals(SimpleType.DYN)) {
                    problems.add(new RuleProblem(
                            rulePointer + "/messageExpression",
                            rulePath + ".messageExpression",
                            "Invalid value: \"" + oneLine(messageExpression)
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

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static String oneLine(String s) {
        return s.strip().replace("\n", " ");
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    /**
     * Evaluates the rules on an object being created (as YAML-to-JSON conversion gives it).
     *
     * @return the violations in schema order: the rules that are false, and those that could not be evaluated
     */
    public List<Violation> validate(JsonNode object) {
        List<Violation> out = new ArrayList<>();
        if (root == null || object == null) {
            return out;
        }
        long[] budget = {KubernetesCel.RUNTIME_COST_BUDGET};
        walk(root, object, "", null, true, budget, out);
        return out;
    }

    /** @return false when the cost budget is spent and validation must stop */
    private boolean walk(
            Node node,
            JsonNode value,
            String pointer,
            String path,
            boolean resourceRoot,
            long[] budget,
            List<Violation> out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (!evaluate(node, value, pointer, path, resourceRoot, budget, out)) {
            return false;
        }
        for (Node branch : node.allOf) {
            if (!evaluate(branch, value, pointer, path, resourceRoot, budget, out)) {
                return false;
            }
        }
        if (value.isObject()) {
            if (node.additional != null) {
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    if (!walk(
                            node.additional,
                            e.getValue(),
                            pointer + "/" + JsonPointers.escape(e.getKey()),
                            key(path, e.getKey()),
                            false,
                            budget,
                            out)) {
                        return false;
                    }
                }
            }
            for (Map.Entry<String, Node> p : node.properties.entrySet()) {
                JsonNode member = value.get(p.getKey());
                if (member == null) {
                    // the API server validates defaulted values too
                    JsonNode fallback = p.getValue().schema.get("default");
                    member = fallback;
                }
                if (!walk(
                        p.getValue(),
                        member,
                        pointer + "/" + JsonPointers.escape(p.getKey()),
                        child(path, p.getKey()),
                        false,
                        budget,
                        out)) {
                    return false;
                }
            }
        } else if (value.isArray() && node.items != null) {
            for (int i = 0; i < value.size(); i++) {
                if (!walk(
                        node.items,
                        value.get(i),
                        pointer + "/" + i,
                        (path == null ? "" : path) + "[" + i + "]",
                        false,
                        budget,
                        out)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String child(String path, String name) {
        return path == null ? name : path + "." + name;
    }

    private static String key(String path, String key) {
        return (path == null ? "" : path) + "[" + key + "]";
    }

    private static String shown(String path) {
        return path == null ? "<nil>" : path;
    }

    private boolean evaluate(
            Node node,
            JsonNode value,
            String pointer,
            String path,
            boolean resourceRoot,
            long[] budget,
            List<Violation> out) {
        if (node.rules.isEmpty()) {
            return true;
        }
        String type = node.type.isEmpty() ? (value.isObject() ? "object" : value.isArray() ? "array" : "") : node.type;
        Object self = null;
        for (Rule rule : node.rules) {
            if (rule.expression().isEmpty()) {
                continue;
            }
            if (rule.usesOldSelf() && !rule.optionalOldSelf()) {
                continue;
            }
            if (budget[0] <= 0) {
                out.add(violation(
                        pointer,
                        path,
                        type,
                        "validation failed due to running out of cost budget, no further"
                                + " validation rules will be run",
                        null));
                return false;
            }
            if (self == null) {
                self = CelValues.of(value, node.schema, resourceRoot);
            }
            Map<String, Object> activation = new HashMap<>();
            activation.put("self", self);
            activation.put("oldSelf", Optional.empty());
            Evaluation result =
                    rule.expression().get().evaluate(activation, Math.min(KubernetesCel.PER_CALL_LIMIT, budget[0]));
            budget[0] -= result.cost();
            if (result.costLimitExceeded()) {
                if (budget[0] <= 0) {
                    out.add(violation(
                            pointer,
                            path,
                            type,
                            "validation failed due to running out of cost budget, no further"
                                    + " validation rules will be run",
                            null));
                } else {
                    out.add(violation(
                            pointer,
                            path,
                            type,
                            "'operation cancelled: actual cost limit exceeded': no further"
                                    + " validation rules will be run due to call cost exceeds limit for rule: "
                                    + errorString(rule),
                            null));
                }
                return false;
            }
            if (!result.ok()) {
                String error = result.error();
                String detail = error.startsWith("no such overload")
                        ? "'" + error
                                + "': call arguments did not match a supported operator, function or macro signature"
                                + " for rule: " + errorString(rule)
                        : error + " evaluating rule: " + errorString(rule);
                out.add(violation(pointer, path, type, detail, null));
                continue;
            }
            if (result.isTrue()) {
                continue;
            }
            String detail = null;
            if (rule.messageExpression().isPresent()) {
                Evaluation m = rule.messageExpression()
                        .get()
                        .evaluate(activation, Math.min(KubernetesCel.PER_CALL_LIMIT, budget[0]));
                budget[0] -= m.cost();
                if (m.ok()
                        && m.value() instanceof String s
                        && !s.isBlank()
                        && !s.strip().contains("\n")
                        && s.strip().length() <= 5 * 1024) {
                    detail = s.strip();
                }
            }
            if (detail == null) {
                detail = rule.message().isEmpty()
                        ? "failed rule: " + errorString(rule)
                        : rule.message().strip();
            }
            String targetPointer = pointer;
            String targetPath = path;
            if (!rule.fieldPath().isEmpty()) {
                Optional<FieldPaths.Resolved> resolved = FieldPaths.resolve(rule.fieldPath(), node.schema);
                if (resolved.isPresent()) {
                    targetPointer = pointer + resolved.get().pointer();
                    targetPath = (path == null ? "" : path) + resolved.get().path();
                    if (targetPath.startsWith(".")) {
                        targetPath = targetPath.substring(1);
                    }
                }
            }
            out.add(violation(targetPointer, targetPath, type, detail, rule.reason()));
        }
        return true;
    }

    private static String errorString(Rule rule) {
        return rule.message().isEmpty() ? rule.source().strip() : rule.message().strip();
    }

    private static Violation violation(String pointer, String path, String type, String detail, String reason) {
        String field = shown(path);
        String text = switch (reason == null ? "" : reason) {
            case "FieldValueForbidden" -> field + ": Forbidden: " + detail;
            case "FieldValueRequired" -> field + ": Required value: " + detail;
            case "FieldValueDuplicate" -> field + ": Duplicate value: \"" + type + "\": " + detail;
            default -> field + ": Invalid value: \"" + type + "\": " + detail;
        };
        return new Violation(pointer, field, detail, text);
    }
}
