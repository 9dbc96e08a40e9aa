package dev.kubelint.rules.admission;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.schemas.YamlToJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The repository's ValidatingAdmissionPolicies, evaluated against its manifests as the API server evaluates them on
 * a CREATE request: the policy's and the binding's match rules, match conditions, variables and validations, with
 * the binding's parameters found among the scanned objects. A policy that no scanned binding binds is evaluated as
 * if bound with {@code validationActions: [Deny]}. The policy's own mistakes (an expression that does not compile,
 * a binding naming no policy) are reported in the policy.
 */
@RuleInfo(
        id = "admission-policy",
        category = "admission",
        severity = Severity.ERROR,
        summary = "A ValidatingAdmissionPolicy of the scan denies or warns about a manifest, or is itself broken",
        rationale = "A ValidatingAdmissionPolicy (CEL, generally available since Kubernetes 1.30) makes the API server"
                + " refuse, warn about or audit objects that break a cluster's guardrails. Applying the manifests is"
                + " otherwise the only way to learn that one breaks a policy. kubelint evaluates the policies and"
                + " bindings of the scan against every scanned object as a CREATE request (no user, no old object),"
                + " with the Namespace objects of the scan for namespaceSelector and namespaceObject and the scanned"
                + " objects as parameters. A binding's Deny gives an error, Warn a warning and Audit an info; a policy"
                + " without a binding in the scan is evaluated as if bound with Deny, and its findings say so."
                + " Policies kept apart from the manifests are given with --policy, policies: in .kubelint.yaml or"
                + " the Maven parameter policies. Each expression (validations, their messageExpression,"
                + " matchConditions, variables) is type-checked against the schemas of the built-in kinds its policy"
                + " names and of the custom kinds the scan's CustomResourceDefinitions serve, as the API server does when the policy is written; a type error"
                + " is a warning, because the server accepts the policy and records the error in"
                + " status.typeChecking, and the expression then fails at run time, where failurePolicy decides;"
                + " that warning stands for the objects of the kind, which get no second finding for the missing"
                + " field. A"
                + " paramKind that no built-in kind or scanned CustomResourceDefinition defines is an error when a"
                + " binding of the scan uses the policy (the server finds no parameters and refuses what the policy"
                + " matches), else a warning (the cluster may define the kind).",
        remediation = "Change the manifest so that the policy's validations hold, or, when the policy should not apply"
                + " to it, leave that policy out with the rule's ignorePolicies parameter, or suppress the"
                + " findings on one object with the annotation ignore.kubelint.dev/admission-policy: \"<reason>\"."
                + " For a broken policy, fix the expression the"
                + " message names.")
public final class AdmissionPolicyRule implements Rule {

    static final String GROUP = "admissionregistration.k8s.io";
    static final Set<String> VERSIONS = Set.of("v1", "v1beta1");
    /** Per-policy suppression: the annotation key prefix, followed by the policy's name. */
    public static final RuleParam<List<String>> IGNORE_POLICIES = RuleParam.stringList(
            "ignorePolicies",
            List.of(),
            "Names of ValidatingAdmissionPolicies not to evaluate; their own mistakes are still reported.");

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // everything happens across objects
    }

    @Override
    public Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(new Check());
    }

    static boolean isPolicyApi(Manifest m) {
        return m.group().equals(GROUP) && VERSIONS.contains(version(m.apiVersion()));
    }

    static String version(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    private static final class Check implements CrossObjectCheck {
        private final List<Policy> policies = new ArrayList<>();
        private final List<Binding> bindings = new ArrayList<>();
        private final List<ScannedObject> objects = new ArrayList<>();
        private final Map<String, ScannedObject> namespaces = new HashMap<>();
        /** Plural resource names of the custom resources of the scan: group/kind to plural. */
        private final Map<String, String> plurals = new HashMap<>();

        private final Map<String, Boolean> crdNamespaced = new HashMap<>();
        /** The specs of the scan's CustomResourceDefinitions, for type checking against their schemas. */
        private final List<JsonNode> crds = new ArrayList<>();

        private long keptBytes;
        private int dropped;

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            MappingNode root = manifest.root();
            if (isPolicyApi(manifest) && manifest.kind().equals("ValidatingAdmissionPolicy")) {
                JsonNode json = YamlToJson.convert(root).json();
                policies.add(Policy.read(json, root, ctx, ctx.settings().kubernetesVersion()));
                return;
            }
            if (isPolicyApi(manifest) && manifest.kind().equals("ValidatingAdmissionPolicyBinding")) {
                JsonNode json = YamlToJson.convert(root).json();
                bindings.add(Binding.read(json, root, ctx));
                return;
            }
            if (manifest.group().equals("apiextensions.k8s.io")
                    && manifest.kind().equals("CustomResourceDefinition")) {
                JsonNode spec = YamlToJson.convert(root).json().path("spec");
                String key = spec.path("group").asString("") + "/"
                        + spec.path("names").path("kind").asString("");
                plurals.put(key, spec.path("names").path("plural").asString(""));
                crdNamespaced.put(key, !"Cluster".equals(spec.path("scope").asString("Namespaced")));
                crds.add(spec);
            }
            if (manifest.kind().isEmpty() || manifest.apiVersion().isEmpty()) {
                return;
            }
            if (keptBytes > ScannedObject.MAX_KEPT_BYTES) {
                dropped++;
                return;
            }
            ScannedObject o = ScannedObject.of(manifest, ctx);
            keptBytes += o.size();
            objects.add(o);
            if (manifest.group().isEmpty() && manifest.kind().equals("Namespace")) {
                namespaces.put(manifest.name(), o);
            }
        }

        @Override
        public void finish(RuleContext ctx) {
            if (!ctx.settings().policyLocations().isEmpty()) {
                Set<String> scannedPolicies = new HashSet<>();
                policies.forEach(p -> scannedPolicies.add(p.name()));
                Set<String> scannedBindings = new HashSet<>();
                bindings.forEach(b -> scannedBindings.add(b.name()));
                new PolicyFiles(ctx)
                        .read(ctx.settings().policyLocations(), scannedPolicies, scannedBindings, policies, bindings);
            }
            if (policies.isEmpty() && bindings.isEmpty()) {
                return;
            }
            new Admission(policies, bindings, objects, namespaces, plurals, crdNamespaced, crds, ctx).run();
            if (dropped > 0) {
                Location at = policies.isEmpty()
                        ? bindings.get(0).location()
                        : policies.get(0).location();
                ctx.report(
                        at,
                        dropped + " objects of the scan were not evaluated against the admission policies:"
                                + " the scan holds more than " + (ScannedObject.MAX_KEPT_BYTES >> 20)
                                + " MiB of objects",
                        Severity.INFO);
            }
        }
    }
}
