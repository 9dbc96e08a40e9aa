package dev.kubelint.rules.admission;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.CrossObjectShell;
import dev.kubelint.schemas.YamlToJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        summary = "A ValidatingAdmissionPolicy of the scan denies or warns about a manifest, or is itself broken")
public final class AdmissionPolicyRule extends CrossObjectShell {

    static final String GROUP = "admissionregistration.k8s.io";
    static final Set<String> VERSIONS = Set.of("v1", "v1beta1");
    /** Per-policy suppression: the annotation key prefix, followed by the policy's name. */
    public static final RuleParam<List<String>> IGNORE_POLICIES = RuleParam.stringList(
            "ignorePolicies",
            List.of(),
            "Names of ValidatingAdmissionPolicies not to evaluate; their own mistakes are still reported.");

    @Override
    protected CrossObjectCheck newCheck() {
        return new Check();
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
