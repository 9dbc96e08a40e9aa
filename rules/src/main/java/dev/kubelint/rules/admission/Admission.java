package dev.kubelint.rules.admission;

import dev.cel.common.values.NullValue;
import dev.kubelint.cel.CelValues;
import dev.kubelint.cel.Evaluation;
import dev.kubelint.cel.KubernetesCel;
import dev.kubelint.cel.ValidationMessages;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.schemas.BuiltinSchemas;
import dev.kubelint.schemas.GroupVersionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Matching matching;
    private final RuleContext ctx;
    private final List<JsonNode> crds;
    private final List<String> ignored;
    private final Map<String, Object> namespaceValues = new HashMap<>();
    /** Validations whose expression failed type checking, and the kinds it failed against. */
    private final Map<Policy.Validation, Set<String>> typeCheckFailures = new IdentityHashMap<>();

    Admission(
            List<Policy> policies,
            List<Binding> bindings,
            List<ScannedObject> objects,
            Map<String, ScannedObject> namespaces,
            Map<String, String> plurals,
            Map<String, Boolean> crdNamespaced,
            List<JsonNode> crds,
            RuleContext ctx) {
        this.crds = crds;
        this.policies = policies;
        this.bindings = bindings;
        this.objects = objects;
        this.namespaces = namespaces;
        this.matching = new Matching(namespaces, plurals, crdNamespaced);
        this.ctx = ctx;
        this.ignored = ctx.param(AdmissionPolicyRule.IGNORE_POLICIES);
    }

    void run() {
        // one policy of each name: the rule kept the first in file order
        Map<String, Policy> byName = new LinkedHashMap<>();
        policies.forEach(p -> byName.put(p.name(), p));
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
            typeCheckFailures.putAll(TypeChecks.check(p, crds, ctx));
            if (!p.paramKind().isEmpty() && !knownKind(p.paramApiVersion(), p.paramKind())) {
                // certain failure when a binding of the scan uses it; else the kind may be installed with the binding
                boolean boundHere = bound.containsKey(p.name());
                ctx.report(
                        p.paramKindLocation(),
                        "paramKind " + p.paramApiVersion() + " " + p.paramKind() + " is neither a built-in kind of"
                                + " Kubernetes " + ctx.settings().kubernetesVersion() + " nor defined by a"
                                + " CustomResourceDefinition of the scan: "
                                + (boundHere
                                        ? "the API server cannot find the parameters of its bindings and refuses"
                                                + " every request the policy matches"
                                        : "unless the cluster defines it, the API server finds no parameters for"
                                                + " the policy's bindings"),
                        boundHere ? Severity.ERROR : Severity.WARNING);
                continue;
            }
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

    /**
     * Whether the run knows a kind: a bundled built-in kind, one a scanned CustomResourceDefinition defines, or one
     * the scan has objects of (applied with the policy, so defined in the cluster; other rules report their kind).
     */
    private boolean knownKind(String apiVersion, String kind) {
        return matching.definedByScan(groupOf(apiVersion), kind)
                || objects.stream()
                        .anyMatch(o ->
                                o.apiVersion().equals(apiVersion) && o.kind().equals(kind))
                || GroupVersionKind.of(apiVersion, kind)
                        .map(gvk -> BuiltinSchemas.get().serves(ctx.settings().kubernetesVersion(), gvk))
                        .orElse(false);
    }

    private void evaluate(Policy p, Binding b) {
        for (ScannedObject o : objects) {
            if (!matching.matches(p.matchConstraints(), o, true)) {
                continue;
            }
            if (b != null && b.matchResources() != null && !matching.matches(b.matchResources(), o, false)) {
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
        boolean namespaced = matching.namespaced(group, p.paramKind());
        String namespace = ref.path("namespace").asString("");
        if (namespace.isEmpty() && namespaced) {
            namespace = Matching.namespaceOf(o);
        }
        JsonNode selector = ref.get("selector");
        List<ScannedObject> found = new ArrayList<>();
        for (ScannedObject c : objects) {
            if (!c.apiVersion().equals(p.paramApiVersion()) || !c.kind().equals(p.paramKind())) {
                continue;
            }
            if (namespaced && !Matching.namespaceOf(c).equals(namespace)) {
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
        ScannedObject ns = o.namespace().isEmpty() || matching.clusterScoped(o) ? null : namespaces.get(o.namespace());
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
                // a field the kind's schema does not have: the type-checking warning on the policy says it once
                boolean told = missingField(e)
                        && typeCheckFailures.getOrDefault(v, Set.of()).contains(o.apiVersion() + " " + o.kind());
                if (p.failClosed() && !told) {
                    report(p, b, o, ValidationMessages.evaluationError(v.source(), e.error()), v, missingField(e));
                }
                continue;
            }
            if (Boolean.TRUE.equals(e.value())) {
                continue;
            }
            if (!(e.value() instanceof Boolean)) {
                if (p.failClosed()) {
                    report(p, b, o, ValidationMessages.notBool(v.source()), v);
                }
                continue;
            }
            report(
                    p,
                    b,
                    o,
                    ValidationMessages.failed(
                            v.source(), Optional.ofNullable(v.messageExpression()), v.message(), activation),
                    v);
        }
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
        Map<String, Object> resource =
                Map.of("group", o.group(), "version", o.version(), "resource", matching.plural(o));
        r.put("resource", resource);
        r.put("requestKind", r.get("kind"));
        r.put("requestResource", resource);
        r.put("name", o.name());
        r.put(
                "namespace",
                matching.clusterScoped(o)
                        ? (o.group().isEmpty() && o.kind().equals("Namespace") ? o.name() : "")
                        : Matching.namespaceOf(o));
        r.put("operation", "CREATE");
        r.put("userInfo", Map.of());
        r.put("dryRun", false);
        r.put("options", Map.of("apiVersion", "meta.k8s.io/v1", "kind", "CreateOptions"));
        return r;
    }

    private static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
