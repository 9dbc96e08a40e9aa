package dev.kubelint.rules.admission;

import dev.cel.common.values.NullValue;
import dev.kubelint.cel.CelExpression;
import dev.kubelint.cel.CelValues;
import dev.kubelint.cel.Evaluation;
import dev.kubelint.cel.KubernetesCel;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.BuiltinKinds;
import dev.kubelint.core.rule.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation of the scan's policies against its objects at the end of the run, following the API server's
 * validating admission policy plugin for a CREATE request.
 */
final class Admission {

    private final List<Policy> policies;
    private final List<Binding> bindings;
    private final List<ScannedObject> objects;
    private final Map<String, ScannedObject> namespaces;
    private final Map<String, String> plurals;
    private final Map<String, Boolean> crdNamespaced;
    private final RuleContext ctx;
    private final List<String> ignored;
    private final Map<String, Object> namespaceValues = new HashMap<>();

    Admission(
            List<Policy> policies,
            List<Binding> bindings,
            List<ScannedObject> objects,
            Map<String, ScannedObject> namespaces,
            Map<String, String> plurals,
            Map<String, Boolean> crdNamespaced,
            RuleContext ctx) {
        this.policies = policies;
        this.bindings = bindings;
        this.objects = objects;
        this.namespaces = namespaces;
        this.plurals = plurals;
        this.crdNamespaced = crdNamespaced;
        this.ctx = ctx;
        this.ignored = ctx.param(AdmissionPolicyRule.IGNORE_POLICIES);
    }

    void run() {
        Map<String, Policy> byName = new LinkedHashMap<>();
        policies.forEach(p -> byName.putIfAbsent(p.name(), p));
        Map<String, List<Binding>> bound = new HashMap<>();
        for (Binding b : bindings) {
            Policy p = byName.get(b.policyName());
            if (p == null) {
                ctx.report(
                        b.policyNameLocation(),
                        "ValidatingAdmissionPolicyBinding '" + b.name() + "' binds the policy '" + b.policyName()
                                + "', which is not in the scan");
                continue;
            }
            bound.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(b);
        }
        for (Policy p : byName.values()) {
            if (ignored.contains(p.name())) {
                continue;
            }
            List<Binding> bs = bound.get(p.name());
            if (bs == null) {
                // evaluated as if bound with validationActions [Deny], without parameters
                if (p.paramKind().isEmpty()) {
                    evaluate(p, null);
                }
            } else {
                bs.forEach(b -> evaluate(p, b));
            }
        }
    }

    private void evaluate(Policy p, Binding b) {
        for (ScannedObject o : objects) {
            if (!matches(p.matchConstraints(), o, true)) {
                continue;
            }
            if (b != null && b.matchResources() != null && !matches(b.matchResources(), o, false)) {
                continue;
            }
            if (!p.paramKind().isEmpty()) {
                List<ScannedObject> params = params(p, b, o);
                if (params == null) {
                    continue;
                }
                if (params.isEmpty()) {
                    report(
                            p,
                            b,
                            o,
                            "failed to configure binding: no params found for policy binding with `Deny`"
                                    + " parameterNotFoundAction",
                            null);
                    continue;
                }
                for (ScannedObject param : params) {
                    evaluate(p, b, o, CelValues.of(param.tree()));
                }
            } else {
                evaluate(p, b, o, NullValue.NULL_VALUE);
            }
        }
    }

    /**
     * The parameters of a binding for an object: null when none are needed to be found (parameterNotFoundAction
     * Allow and none found), empty when none were found and the binding denies.
     */
    private List<ScannedObject> params(Policy p, Binding b, ScannedObject o) {
        if (b == null || b.paramRef() == null) {
            return List.of();
        }
        JsonNode ref = b.paramRef();
        String name = ref.path("name").asString("");
        String group = groupOf(p.paramApiVersion());
        boolean namespaced = namespaced(group, p.paramKind());
        String namespace = ref.path("namespace").asString("");
        if (namespace.isEmpty() && namespaced) {
            namespace = namespaceOf(o);
        }
        JsonNode selector = ref.get("selector");
        List<ScannedObject> found = new ArrayList<>();
        for (ScannedObject c : objects) {
            if (!c.apiVersion().equals(p.paramApiVersion()) || !c.kind().equals(p.paramKind())) {
                continue;
            }
            if (namespaced && !namespaceOf(c).equals(namespace)) {
                continue;
            }
            if (!name.isEmpty() ? c.name().equals(name) : selector != null && Selectors.matches(selector, c.labels())) {
                found.add(c);
            }
        }
        if (found.isEmpty()
                && "Allow".equals(ref.path("parameterNotFoundAction").asString(""))) {
            return null;
        }
        return found;
    }

    private void evaluate(Policy p, Binding b, ScannedObject o, Object params) {
        Map<String, Object> activation = new HashMap<>();
        activation.put("object", objectValue(o));
        activation.put("oldObject", NullValue.NULL_VALUE);
        activation.put("params", params);
        activation.put("request", request(o));
        ScannedObject ns = o.namespace().isEmpty() || clusterScoped(o) ? null : namespaces.get(o.namespace());
        activation.put("namespaceObject", ns == null ? NullValue.NULL_VALUE : objectValue(ns));
        Map<String, Object> variables = new HashMap<>();
        activation.put("variables", variables);
        for (Policy.Named c : p.matchConditions()) {
            if (c.expression() == null) {
                return;
            }
            Evaluation e = c.expression().evaluate(activation, KubernetesCel.PER_CALL_LIMIT);
            if (!e.ok()) {
                if (p.failClosed()) {
                    report(
                            p,
                            b,
                            o,
                            "failed to evaluate match condition '" + c.name() + "': " + e.error(),
                            null,
                            missingField(e));
                }
                return;
            }
            if (!Boolean.TRUE.equals(e.value())) {
                return;
            }
        }
        for (Policy.Named v : p.variables()) {
            if (v.expression() == null) {
                continue;
            }
            Evaluation e = v.expression().evaluate(activation, KubernetesCel.PER_CALL_LIMIT);
            if (e.ok()) {
                variables.put(v.name(), e.value());
            }
        }
        for (Policy.Validation v : p.validations()) {
            if (v.expression() == null) {
                continue;
            }
            Evaluation e = v.expression().evaluate(activation, KubernetesCel.PER_CALL_LIMIT);
            if (!e.ok()) {
                if (p.failClosed()) {
                    report(
                            p,
                            b,
                            o,
                            "expression '" + v.source().trim() + "' resulted in error: " + e.error(),
                            v,
                            missingField(e));
                }
                continue;
            }
            if (Boolean.TRUE.equals(e.value())) {
                continue;
            }
            if (!(e.value() instanceof Boolean)) {
                if (p.failClosed()) {
                    report(
                            p,
                            b,
                            o,
                            "expression '" + v.source().trim() + "' resulted in error: validation failed"
                                    + " due to an expression that did not return a bool",
                            v);
                }
                continue;
            }
            report(p, b, o, message(v, activation), v);
        }
    }

    /** The message of a failed validation: its messageExpression's value, else its message, else the expression. */
    private static String message(Policy.Validation v, Map<String, Object> activation) {
        CelExpression me = v.messageExpression();
        if (me != null) {
            Evaluation e = me.evaluate(activation, KubernetesCel.PER_CALL_LIMIT);
            if (e.ok() && e.value() instanceof String s && !s.isBlank() && !s.contains("\n")) {
                return s.trim();
            }
        }
        if (!v.message().isEmpty()) {
            return v.message();
        }
        return "failed expression: " + v.source().trim();
    }

    /**
     * Whether an evaluation failed on a field the object does not have: the API server applies the defaults of
     * built-in kinds (replicas, strategy, ...) before admission and kubelint does not, so the field may well be
     * there on the server, and the finding is only a warning.
     */
    private static boolean missingField(Evaluation e) {
        return e.error() != null && e.error().startsWith("no such key");
    }

    private void report(Policy p, Binding b, ScannedObject o, String message, Policy.Validation v) {
        report(p, b, o, message, v, false);
    }

    private void report(
            Policy p, Binding b, ScannedObject o, String message, Policy.Validation v, boolean missingField) {
        String reason = v == null || v.reason().isEmpty() ? "" : " (reason: " + v.reason() + ")";
        if (missingField) {
            reason += "; the API server sets defaults before admission, so the field may be set there";
        }
        Severity deny = missingField ? Severity.WARNING : Severity.ERROR;
        if (b == null) {
            ctx.report(
                    o.location(),
                    "ValidatingAdmissionPolicy '" + p.name() + "' (not bound in the scan: evaluated"
                            + " as bound with validationActions [Deny]) denied request: " + message + reason,
                    deny);
            return;
        }
        List<String> actions = b.actions();
        if (actions.contains("Deny")) {
            ctx.report(
                    o.location(),
                    "ValidatingAdmissionPolicy '" + p.name() + "' with binding '" + b.name() + "' denied request: "
                            + message + reason,
                    deny);
        } else if (actions.contains("Warn")) {
            ctx.report(
                    o.location(),
                    "Validation failed for ValidatingAdmissionPolicy '" + p.name() + "' with binding '" + b.name()
                            + "': " + message + reason,
                    Severity.WARNING);
        } else if (actions.contains("Audit")) {
            ctx.report(
                    o.location(),
                    "ValidatingAdmissionPolicy '" + p.name() + "' with binding '" + b.name() + "' audits: " + message
                            + reason,
                    Severity.INFO);
        }
    }

    /** An object's CEL value, parsed again for each evaluation (only Namespaces, few and shared, are cached). */
    private Object objectValue(ScannedObject o) {
        if (!(o.group().isEmpty() && o.kind().equals("Namespace"))) {
            return CelValues.of(o.tree());
        }
        return namespaceValues.computeIfAbsent(o.name(), k -> CelValues.of(o.tree()));
    }

    private Map<String, Object> request(ScannedObject o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", Map.of("group", o.group(), "version", o.version(), "kind", o.kind()));
        Map<String, Object> resource = Map.of("group", o.group(), "version", o.version(), "resource", plural(o));
        r.put("resource", resource);
        r.put("requestKind", r.get("kind"));
        r.put("requestResource", resource);
        r.put("name", o.name());
        r.put(
                "namespace",
                clusterScoped(o)
                        ? (o.group().isEmpty() && o.kind().equals("Namespace") ? o.name() : "")
                        : namespaceOf(o));
        r.put("operation", "CREATE");
        r.put("userInfo", Map.of());
        r.put("dryRun", false);
        r.put("options", Map.of("apiVersion", "meta.k8s.io/v1", "kind", "CreateOptions"));
        return r;
    }

    // ---- matching (matchConstraints and a binding's matchResources)

    /**
     * Whether an object matches match resources: a resource rule, no exclude rule, the namespace and object
     * selectors. A binding without resource rules matches what its policy matches.
     */
    private boolean matches(JsonNode match, ScannedObject o, boolean policy) {
        if (isExempt(o)) {
            return false;
        }
        boolean exact = "Exact".equals(match.path("matchPolicy").asString("Equivalent"));
        JsonNode rules = match.path("resourceRules");
        if (rules.isArray() && !rules.isEmpty() || policy) {
            boolean any = false;
            for (JsonNode r : rules) {
                if (ruleMatches(r, o, exact)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (JsonNode r : match.path("excludeResourceRules")) {
            if (ruleMatches(r, o, exact)) {
                return false;
            }
        }
        JsonNode objectSelector = match.get("objectSelector");
        if (objectSelector != null && !Selectors.matches(objectSelector, o.labels())) {
            return false;
        }
        JsonNode namespaceSelector = match.get("namespaceSelector");
        if (namespaceSelector != null) {
            Map<String, String> labels;
            if (o.group().isEmpty() && o.kind().equals("Namespace")) {
                labels = namespaceLabels(o.name(), o);
            } else if (clusterScoped(o)) {
                return true;
            } else {
                labels = namespaceLabels(namespaceOf(o), namespaces.get(namespaceOf(o)));
            }
            return Selectors.matches(namespaceSelector, labels);
        }
        return true;
    }

    /** A namespace's labels: the scanned Namespace's, with the name label the API server sets on every namespace. */
    private static Map<String, String> namespaceLabels(String name, ScannedObject ns) {
        Map<String, String> labels = new HashMap<>(ns == null ? Map.of() : ns.labels());
        labels.put("kubernetes.io/metadata.name", name);
        return labels;
    }

    private boolean ruleMatches(JsonNode rule, ScannedObject o, boolean exact) {
        if (!contains(rule.path("operations"), "CREATE")) {
            return false;
        }
        if (!contains(rule.path("apiGroups"), o.group())) {
            return false;
        }
        if (!contains(rule.path("apiVersions"), o.version())
                && (exact || rule.path("apiVersions").isEmpty())) {
            return false;
        }
        String plural = plural(o);
        boolean resource = false;
        for (JsonNode r : rule.path("resources")) {
            String s = r.asString("");
            if (s.equals("*") || s.equals("*/*") || s.equals(plural)) {
                resource = true;
                break;
            }
        }
        if (!resource) {
            return false;
        }
        JsonNode names = rule.path("resourceNames");
        if (names.isArray() && !names.isEmpty() && !contains(names, o.name())) {
            return false;
        }
        String scope = rule.path("scope").asString("*");
        boolean namespaceObject = o.group().isEmpty() && o.kind().equals("Namespace");
        return switch (scope) {
            case "Namespaced" -> !namespaceObject && !clusterScoped(o);
            case "Cluster" -> namespaceObject || clusterScoped(o);
            default -> true;
        };
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode n : list) {
            String s = n.asString("");
            if (s.equals("*") || s.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The API server never sends its admission configuration objects to admission policies. */
    private static boolean isExempt(ScannedObject o) {
        return o.group().equals(AdmissionPolicyRule.GROUP);
    }

    private boolean clusterScoped(ScannedObject o) {
        return !namespaced(o.group(), o.kind());
    }

    private boolean namespaced(String group, String kind) {
        Boolean crd = crdNamespaced.get(group + "/" + kind);
        if (crd != null) {
            return crd;
        }
        return !BuiltinKinds.isClusterScoped(group, kind);
    }

    private static String namespaceOf(ScannedObject o) {
        return o.namespace().isEmpty() ? "default" : o.namespace();
    }

    private static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /**
     * The plural resource name of an object's kind: a scanned CustomResourceDefinition's, else the API server's
     * own guess from the kind (lower case; "s" becomes "ses", "y" becomes "ies"), which every built-in kind
     * follows but Endpoints.
     */
    String plural(ScannedObject o) {
        String crd = plurals.get(o.group() + "/" + o.kind());
        if (crd != null && !crd.isEmpty()) {
            return crd;
        }
        return guessPlural(o.kind());
    }

    static String guessPlural(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.equals("endpoints")) {
            return k;
        }
        if (k.endsWith("s")) {
            return k + "es";
        }
        if (k.endsWith("y")) {
            return k.substring(0, k.length() - 1) + "ies";
        }
        return Objects.requireNonNull(k) + "s";
    }
}
