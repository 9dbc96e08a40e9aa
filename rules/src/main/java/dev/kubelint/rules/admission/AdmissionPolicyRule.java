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
import dev.kubelint.rules.support.Locations;
import dev.kubelint.schemas.YamlToJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

    /**
     * Collects the scan's policies, bindings, CustomResourceDefinitions and objects in whatever order the engine hands
     * them over, and evaluates them in source order: where several objects share a name, the first in source order
     * is the one evaluated, as the API server keeps the first object created under a name.
     */
    private static final class Check implements CrossObjectCheck {
        private final List<Policy> policies = new ArrayList<>();
        private final List<Binding> bindings = new ArrayList<>();
        private final List<Crd> crds = new ArrayList<>();
        private final KeptObjects objects = new KeptObjects(ScannedObject.MAX_KEPT_BYTES);

        /** A CustomResourceDefinition of the scan: where it is, and its spec. */
        private record Crd(Location location, JsonNode spec) {}

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
                crds.add(new Crd(
                        ctx.locate(root), YamlToJson.convert(root).json().path("spec")));
            }
            if (manifest.kind().isEmpty() || manifest.apiVersion().isEmpty()) {
                return;
            }
            Location at = ctx.locate(root);
            if (objects.admits(at)) {
                objects.add(ScannedObject.of(manifest, at));
            }
        }

        @Override
        public void finish(RuleContext ctx) {
            policies.sort(Comparator.comparing(Policy::location, Locations.FILE_ORDER));
            bindings.sort(Comparator.comparing(Binding::location, Locations.FILE_ORDER));
            crds.sort(Comparator.comparing(Crd::location, Locations.FILE_ORDER));
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
            Map<String, String> plurals = new HashMap<>();
            Map<String, Boolean> crdNamespaced = new HashMap<>();
            for (Crd crd : crds) {
                JsonNode spec = crd.spec();
                String key = spec.path("group").asString("") + "/"
                        + spec.path("names").path("kind").asString("");
                plurals.putIfAbsent(key, spec.path("names").path("plural").asString(""));
                crdNamespaced.putIfAbsent(
                        key, !"Cluster".equals(spec.path("scope").asString("Namespaced")));
            }
            List<ScannedObject> kept = objects.inSourceOrder();
            Map<String, ScannedObject> namespaces = new HashMap<>();
            for (ScannedObject o : kept) {
                if (o.group().isEmpty() && o.kind().equals("Namespace")) {
                    namespaces.putIfAbsent(o.name(), o);
                }
            }
            List<Policy> evaluated = firstOfEachName(policies, Policy::name);
            List<Binding> binding = firstOfEachName(bindings, Binding::name);
            List<JsonNode> specs = crds.stream().map(Crd::spec).toList();
            new Admission(evaluated, binding, kept, namespaces, plurals, crdNamespaced, specs, ctx).run();
            if (objects.dropped() > 0) {
                Location at = evaluated.isEmpty()
                        ? binding.get(0).location()
                        : evaluated.get(0).location();
                ctx.report(
                        at,
                        objects.dropped() + " objects of the scan were not evaluated against the admission policies:"
                                + " the scan holds more than " + (ScannedObject.MAX_KEPT_BYTES >> 20)
                                + " MiB of objects",
                        Severity.INFO);
            }
        }

        private static <T> List<T> firstOfEachName(List<T> all, Function<T, String> name) {
            Map<String, T> first = new LinkedHashMap<>();
            all.forEach(t -> first.putIfAbsent(name.apply(t), t));
            return List.copyOf(first.values());
        }
    }
}
