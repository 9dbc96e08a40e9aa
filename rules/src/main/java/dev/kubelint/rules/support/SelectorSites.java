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

    /**
     * Where the kinds of a group hold selectors: pointer patterns, in the order they are read; {@code map} for the
     * plain {@code key: value} form.
     */
    private record Site(String group, Set<String> kinds, boolean map, List<String> patterns) {

        Site(String group, Set<String> kinds, String... patterns) {
            this(group, kinds, false, List.of(patterns));
        }
    }

    private static final String ADMISSION = "admissionregistration.k8s.io";

    private static final List<Site> SITES = List.of(
            new Site("apps", Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"), "/spec/selector"),
            new Site("batch", Set.of("Job"), "/spec/selector"),
            new Site("", Set.of("ReplicationController", "Service"), true, List.of("/spec/selector")),
            new Site("", Set.of("PersistentVolumeClaim"), "/spec/selector"),
            new Site("policy", Set.of("PodDisruptionBudget"), "/spec/selector"),
            new Site(
                    "networking.k8s.io",
                    Set.of("NetworkPolicy"),
                    "/spec/podSelector",
                    "/spec/ingress/*/from/*/podSelector",
                    "/spec/ingress/*/from/*/namespaceSelector",
                    "/spec/egress/*/to/*/podSelector",
                    "/spec/egress/*/to/*/namespaceSelector"),
            new Site(
                    ADMISSION,
                    Set.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"),
                    "/webhooks/*/namespaceSelector",
                    "/webhooks/*/objectSelector"),
            new Site(
                    ADMISSION,
                    Set.of("ValidatingAdmissionPolicy", "MutatingAdmissionPolicy"),
                    "/spec/matchConstraints/namespaceSelector",
                    "/spec/matchConstraints/objectSelector"),
            new Site(
                    ADMISSION,
                    Set.of("ValidatingAdmissionPolicyBinding", "MutatingAdmissionPolicyBinding"),
                    "/spec/matchResources/namespaceSelector",
                    "/spec/matchResources/objectSelector"),
            new Site("rbac.authorization.k8s.io", Set.of("ClusterRole"), "/aggregationRule/clusterRoleSelectors/*"));

    /** The kinds whose own fields (not a pod spec's) hold selectors, by name: the kinds a selector rule must name. */
    public static Set<String> kinds() {
        Set<String> kinds = new java.util.TreeSet<>();
        SITES.forEach(site -> kinds.addAll(site.kinds()));
        return kinds;
    }

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
            if (!site.kinds().contains(kind) || !site.group().equals(group)) {
                continue;
            }
            for (String pattern : site.patterns()) {
                for (MappingNode node : Nodes.mappings(manifest.root(), pattern)) {
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
