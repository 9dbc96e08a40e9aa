package dev.kubelint.rules.support;

import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everywhere a built-in kind holds a label selector that the API server validates: workload and disruption budget
 * selectors, network policy peers, pod (anti-)affinity terms, topology spread constraints, volume claim selectors,
 * admission webhooks and policies, aggregated cluster roles, and the plain map selectors of Services and
 * ReplicationControllers.
 */
public final class SelectorSites {

    /** A selector kind holds at a pointer pattern; {@code map} for the plain {@code key: value} form. */
    private record Site(String group, Set<String> kinds, String pattern, boolean map) {}

    private static final List<Site> SITES = List.of(
            new Site("apps", Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"), "/spec/selector", false),
            new Site("batch", Set.of("Job"), "/spec/selector", false),
            new Site("", Set.of("ReplicationController", "Service"), "/spec/selector", true),
            new Site("", Set.of("PersistentVolumeClaim"), "/spec/selector", false),
            new Site("policy", Set.of("PodDisruptionBudget"), "/spec/selector", false),
            new Site("networking.k8s.io", Set.of("NetworkPolicy"), "/spec/podSelector", false),
            new Site("networking.k8s.io", Set.of("NetworkPolicy"), "/spec/ingress/*/from/*/podSelector", false),
            new Site("networking.k8s.io", Set.of("NetworkPolicy"), "/spec/ingress/*/from/*/namespaceSelector", false),
            new Site("networking.k8s.io", Set.of("NetworkPolicy"), "/spec/egress/*/to/*/podSelector", false),
            new Site("networking.k8s.io", Set.of("NetworkPolicy"), "/spec/egress/*/to/*/namespaceSelector", false),
            new Site(
                    "admissionregistration.k8s.io",
                    Set.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"),
                    "/webhooks/*/namespaceSelector",
                    false),
            new Site(
                    "admissionregistration.k8s.io",
                    Set.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"),
                    "/webhooks/*/objectSelector",
                    false),
            new Site(
                    "admissionregistration.k8s.io",
                    Set.of("ValidatingAdmissionPolicy", "MutatingAdmissionPolicy"),
                    "/spec/matchConstraints/namespaceSelector",
                    false),
            new Site(
                    "admissionregistration.k8s.io",
                    Set.of("ValidatingAdmissionPolicy", "MutatingAdmissionPolicy"),
                    "/spec/matchConstraints/objectSelector",
                    false),
            new Site(
                    "admissionregistration.k8s.io",
                    Set.of("ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicyBinding"),
                    "/spec/matchResources/namespaceSelector",
                    false),
            new Site(
                    "admissionregistration.k8s.io",
                    Set.of("ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicyBinding"),
                    "/spec/matchResources/objectSelector",
                    false),
            new Site(
                    "rbac.authorization.k8s.io",
                    Set.of("ClusterRole"),
                    "/aggregationRule/clusterRoleSelectors/*",
                    false));

    /** Selectors of every pod spec, relative to the spec. */
    private static final List<String> POD_SPEC_SITES = List.of(
            "/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/*/labelSelector",
            "/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/*/namespaceSelector",
            "/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/*/podAffinityTerm/labelSelector",
            "/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/*/podAffinityTerm/namespaceSelector",
            "/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/*/labelSelector",
            "/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/*/namespaceSelector",
            "/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/*/podAffinityTerm/labelSelector",
            "/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/*/podAffinityTerm/namespaceSelector",
            "/topologySpreadConstraints/*/labelSelector");

    private SelectorSites() {}

    /** A selector found in an object; {@code map} for the plain {@code key: value} form. */
    public record Found(StructuredSelector selector, boolean map) {

        /** The map of required labels: {@code matchLabels}, or the map selector itself. */
        public Optional<MappingNode> labels() {
            return map ? Optional.of(selector.node()) : selector.node().mapping("matchLabels");
        }
    }

    /** Every selector of the object, read (once per object: several rules ask). */
    public static List<Found> of(Manifest manifest) {
        return manifest.derived(SelectorSites.class, SelectorSites::find);
    }

    /** The selector read at a node of the object, when the node is one of its selector sites. */
    public static Optional<StructuredSelector> at(Manifest manifest, MappingNode node) {
        for (Found found : of(manifest)) {
            if (found.selector().node() == node) {
                return Optional.of(found.selector());
            }
        }
        return Optional.empty();
    }

    private static List<Found> find(Manifest manifest) {
        List<Found> result = new ArrayList<>(2);
        String group = manifest.group();
        String kind = manifest.kind();
        for (Site site : SITES) {
            if (site.kinds().contains(kind) && site.group().equals(group)) {
                for (MappingNode node : Nodes.mappings(manifest.root(), site.pattern())) {
                    result.add(new Found(
                            site.map() ? StructuredSelector.readMap(node) : StructuredSelector.read(node), site.map()));
                }
            }
        }
        PodSpecs.of(manifest).ifPresent(pod -> {
            // most pod specs have neither affinity nor spread constraints: look no further then
            if (!pod.spec().has("affinity") && !pod.spec().has("topologySpreadConstraints")) {
                return;
            }
            for (String pattern : POD_SPEC_SITES) {
                Nodes.mappings(pod.spec(), pattern)
                        .forEach(node -> result.add(new Found(StructuredSelector.read(node), false)));
            }
        });
        return List.copyOf(result);
    }
}
