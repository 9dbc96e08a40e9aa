package dev.kubelint.cel;

import dev.kubelint.core.util.Lazy;
import dev.kubelint.core.yaml.JsonPointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** One entry of {@code x-kubernetes-validations} as the schema declares it, absent fields empty or false. */
    record Declared(
            String source,
            String message,
            String messageExpression,
            String reason,
            String fieldPath,
            boolean optionalOldSelf) {

        static Declared of(JsonNode entry) {
            return new Declared(
                    entry.path("rule").asString(""),
                    entry.path("message").asString(""),
                    entry.path("messageExpression").asString(""),
                    entry.path("reason").asString(""),
                    entry.path("fieldPath").asString(""),
                    entry.path("optionalOldSelf").asBoolean(false));
        }
    }

    /** A declared rule, compiled when first evaluated. */
    static final class Rule {
        private final KubernetesCel environment;
        private final Declared declared;
        private final Lazy<Compiled> compiled = Lazy.of(this::compile);

        /** The compiled parts. */
        private record Compiled(
                Optional<CelExpression> expression, Optional<CelExpression> messageExpression, boolean usesOldSelf) {}

        Rule(KubernetesCel environment, Declared declared) {
            this.environment = environment;
            this.declared = declared;
        }

        private Compiled compile() {
            // oldSelf is dyn for both kinds of rule: optional rules see optional.none() on create
            Optional<CelExpression> e = environment
                    .dynamicCompiler(List.of("self", "oldSelf"), List.of())
                    .compile(declared.source())
                    .expression();
            Optional<CelExpression> m = declared.messageExpression().isEmpty()
                    ? Optional.empty()
                    : environment
                            .dynamicCompiler(List.of("self", "oldSelf"), List.of())
                            .compile(declared.messageExpression())
                            .expression();
            return new Compiled(e, m, e.map(x -> x.references("oldSelf")).orElse(false));
        }

        Declared declared() {
            return declared;
        }

        Optional<CelExpression> expression() {
            return compiled.get().expression();
        }

        Optional<CelExpression> messageExpression() {
            return compiled.get().messageExpression();
        }

        boolean usesOldSelf() {
            return compiled.get().usesOldSelf();
        }
    }

    /** A schema node with rules somewhere at or below it. */
    static final class Node {
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

    /** The API server's message once the cost budget of an object's rules is spent. */
    private static final String OUT_OF_BUDGET =
            "validation failed due to running out of cost budget, no further validation rules will be run";

    private final Node root;
    private final int ruleCount;
    private final Lazy<List<RuleProblem>> problems;

    private ValidationRules(Node root, int ruleCount, Lazy<List<RuleProblem>> problems) {
        this.root = root;
        this.ruleCount = ruleCount;
        this.problems = problems;
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
        RuleCompiler b = new RuleCompiler(environment, null, null);
        Node root = b.node(openApiV3Schema, "", "", true);
        return new ValidationRules(root, b.rules, Lazy.of(() -> check(openApiV3Schema, creation, typeName)));
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
        return problems.get();
    }

    private static List<RuleProblem> check(JsonNode schema, KubernetesCel creation, String typeName) {
        RuleCompiler b = new RuleCompiler(creation, new SchemaTypes(typeName), new ArrayList<>());
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
        return List.copyOf(b.problems);
    }

    static String factor(long cost, long limit) {
        return String.format(java.util.Locale.ROOT, "%.1fx", (double) cost / limit);
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    static String oneLine(String s) {
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
        walk(root, object, Place.ROOT, budget, out);
        return out;
    }

    /**
     * Where a value lies: its JSON pointer, its field path as the API server shows it (null at the root) and whether
     * it is the resource itself.
     */
    private record Place(String pointer, String path, boolean resourceRoot) {
        static final Place ROOT = new Place("", null, true);

        /** A property of an object. */
        Place child(String name) {
            return new Place(pointer + "/" + JsonPointers.escape(name), path == null ? name : path + "." + name, false);
        }

        /** An entry of a map ({@code additionalProperties}). */
        Place key(String key) {
            return new Place(
                    pointer + "/" + JsonPointers.escape(key), (path == null ? "" : path) + "[" + key + "]", false);
        }

        /** An item of an array. */
        Place item(int index) {
            return new Place(pointer + "/" + index, (path == null ? "" : path) + "[" + index + "]", false);
        }
    }

    /** @return false when the cost budget is spent and validation must stop */
    private boolean walk(Node node, JsonNode value, Place at, long[] budget, List<Violation> out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (!evaluate(node, value, at, budget, out)) {
            return false;
        }
        for (Node branch : node.allOf) {
            if (!evaluate(branch, value, at, budget, out)) {
                return false;
            }
        }
        if (value.isObject()) {
            if (node.additional != null) {
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    if (!walk(node.additional, e.getValue(), at.key(e.getKey()), budget, out)) {
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
                if (!walk(p.getValue(), member, at.child(p.getKey()), budget, out)) {
                    return false;
                }
            }
        } else if (value.isArray() && node.items != null) {
            for (int i = 0; i < value.size(); i++) {
                if (!walk(node.items, value.get(i), at.item(i), budget, out)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String shown(String path) {
        return path == null ? "<nil>" : path;
    }

    private boolean evaluate(Node node, JsonNode value, Place at, long[] budget, List<Violation> out) {
        if (node.rules.isEmpty()) {
            return true;
        }
        String pointer = at.pointer();
        String path = at.path();
        String type = node.type.isEmpty() ? (value.isObject() ? "object" : value.isArray() ? "array" : "") : node.type;
        Object self = null;
        for (Rule rule : node.rules) {
            if (rule.expression().isEmpty()) {
                continue;
            }
            if (rule.usesOldSelf() && !rule.declared().optionalOldSelf()) {
                continue;
            }
            if (budget[0] <= 0) {
                out.add(violation(pointer, path, type, OUT_OF_BUDGET, null));
                return false;
            }
            if (self == null) {
                self = CelValues.of(value, node.schema, at.resourceRoot());
            }
            Map<String, Object> activation = new HashMap<>();
            activation.put("self", self);
            activation.put("oldSelf", Optional.empty());
            Evaluation result =
                    rule.expression().get().evaluate(activation, Math.min(KubernetesCel.PER_CALL_LIMIT, budget[0]));
            budget[0] -= result.cost();
            if (result.costLimitExceeded()) {
                if (budget[0] <= 0) {
                    out.add(violation(pointer, path, type, OUT_OF_BUDGET, null));
                } else {
                    out.add(violation(
                            pointer,
                            path,
                            type,
                            "'operation cancelled: actual cost limit exceeded': no further"
                                    + " validation rules will be run due to call cost exceeds limit for rule: "
                                    + errorString(rule.declared()),
                            null));
                }
                return false;
            }
            if (!result.ok()) {
                String error = result.error();
                String detail = error.startsWith("no such overload")
                        ? "'" + error
                                + "': call arguments did not match a supported operator, function or macro signature"
                                + " for rule: " + errorString(rule.declared())
                        : error + " evaluating rule: " + errorString(rule.declared());
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
                detail = rule.declared().message().isEmpty()
                        ? "failed rule: " + errorString(rule.declared())
                        : rule.declared().message().strip();
            }
            String targetPointer = pointer;
            String targetPath = path;
            if (!rule.declared().fieldPath().isEmpty()) {
                Optional<FieldPaths.Resolved> resolved =
                        FieldPaths.resolve(rule.declared().fieldPath(), node.schema);
                if (resolved.isPresent()) {
                    targetPointer = pointer + resolved.get().pointer();
                    targetPath = (path == null ? "" : path) + resolved.get().path();
                    if (targetPath.startsWith(".")) {
                        targetPath = targetPath.substring(1);
                    }
                }
            }
            out.add(violation(
                    targetPointer, targetPath, type, detail, rule.declared().reason()));
        }
        return true;
    }

    private static String errorString(Declared rule) {
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
