package dev.kubelint.schemas;

import dev.kubelint.core.kube.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which Kubernetes release serves which apiVersion of a kind, and what to use instead. The bundled documents say
 * what each bundled release serves, and so in which release an API version went away; a table (from Kubernetes'
 * deprecated API migration guide) remembers the API versions removed before the oldest bundled release, and the
 * replacement of each removed API version.
 */
public final class ApiLifecycle {

    /** An API version that Kubernetes stopped serving for some kinds; the note explains a missing replacement. */
    record Removal(
            String apiVersion, List<String> kinds, String removedIn, Optional<String> replacement, String note) {}

    private static final String PSA = "no replacement: use Pod Security Admission (the pod-security.kubernetes.io"
            + " namespace labels) or a third-party admission webhook";

    private static final List<Removal> REMOVALS = List.of(
            removal("extensions/v1beta1", "1.16", "apps/v1", "Deployment", "DaemonSet", "ReplicaSet"),
            removal("extensions/v1beta1", "1.16", "networking.k8s.io/v1", "NetworkPolicy"),
            removal("extensions/v1beta1", "1.22", "networking.k8s.io/v1", "Ingress"),
            gone("extensions/v1beta1", "1.16", PSA, "PodSecurityPolicy"),
            removal("apps/v1beta1", "1.16", "apps/v1", "Deployment", "StatefulSet", "ReplicaSet", "ControllerRevision"),
            removal(
                    "apps/v1beta2",
                    "1.16",
                    "apps/v1",
                    "Deployment",
                    "StatefulSet",
                    "DaemonSet",
                    "ReplicaSet",
                    "ControllerRevision"),
            removal("batch/v2alpha1", "1.21", "batch/v1", "CronJob"),
            removal("batch/v1beta1", "1.25", "batch/v1", "CronJob"),
            removal(
                    "admissionregistration.k8s.io/v1beta1",
                    "1.22",
                    "admissionregistration.k8s.io/v1",
                    "MutatingWebhookConfiguration",
                    "ValidatingWebhookConfiguration"),
            gone(
                    "admissionregistration.k8s.io/v1alpha1",
                    "1.14",
                    "no replacement: initializers were dropped in"
                            + " favour of admission webhooks (admissionregistration.k8s.io/v1 MutatingWebhookConfiguration)",
                    "InitializerConfiguration"),
            removal("apiextensions.k8s.io/v1beta1", "1.22", "apiextensions.k8s.io/v1", "CustomResourceDefinition"),
            removal("apiregistration.k8s.io/v1beta1", "1.22", "apiregistration.k8s.io/v1", "APIService"),
            removal("authentication.k8s.io/v1beta1", "1.22", "authentication.k8s.io/v1", "TokenReview"),
            removal(
                    "authorization.k8s.io/v1beta1",
                    "1.22",
                    "authorization.k8s.io/v1",
                    "LocalSubjectAccessReview",
                    "SelfSubjectAccessReview",
                    "SubjectAccessReview",
                    "SelfSubjectRulesReview"),
            removal("certificates.k8s.io/v1beta1", "1.22", "certificates.k8s.io/v1", "CertificateSigningRequest"),
            removal("coordination.k8s.io/v1beta1", "1.22", "coordination.k8s.io/v1", "Lease"),
            removal("networking.k8s.io/v1beta1", "1.22", "networking.k8s.io/v1", "Ingress", "IngressClass"),
            removal(
                    "rbac.authorization.k8s.io/v1beta1",
                    "1.22",
                    "rbac.authorization.k8s.io/v1",
                    "ClusterRole",
                    "ClusterRoleBinding",
                    "Role",
                    "RoleBinding"),
            removal(
                    "rbac.authorization.k8s.io/v1alpha1",
                    "1.22",
                    "rbac.authorization.k8s.io/v1",
                    "ClusterRole",
                    "ClusterRoleBinding",
                    "Role",
                    "RoleBinding"),
            removal("scheduling.k8s.io/v1beta1", "1.22", "scheduling.k8s.io/v1", "PriorityClass"),
            removal("scheduling.k8s.io/v1alpha1", "1.22", "scheduling.k8s.io/v1", "PriorityClass"),
            removal(
                    "storage.k8s.io/v1beta1",
                    "1.22",
                    "storage.k8s.io/v1",
                    "CSIDriver",
                    "CSINode",
                    "StorageClass",
                    "VolumeAttachment"),
            removal("storage.k8s.io/v1beta1", "1.27", "storage.k8s.io/v1", "CSIStorageCapacity"),
            removal("discovery.k8s.io/v1beta1", "1.25", "discovery.k8s.io/v1", "EndpointSlice"),
            removal("events.k8s.io/v1beta1", "1.25", "events.k8s.io/v1", "Event"),
            removal("autoscaling/v2beta1", "1.25", "autoscaling/v2", "HorizontalPodAutoscaler"),
            removal("autoscaling/v2beta2", "1.26", "autoscaling/v2", "HorizontalPodAutoscaler"),
            removal("policy/v1beta1", "1.25", "policy/v1", "PodDisruptionBudget"),
            gone("policy/v1beta1", "1.25", PSA, "PodSecurityPolicy"),
            removal("node.k8s.io/v1beta1", "1.25", "node.k8s.io/v1", "RuntimeClass"),
            removal(
                    "flowcontrol.apiserver.k8s.io/v1beta1",
                    "1.26",
                    "flowcontrol.apiserver.k8s.io/v1",
                    "FlowSchema",
                    "PriorityLevelConfiguration"),
            removal(
                    "flowcontrol.apiserver.k8s.io/v1beta2",
                    "1.29",
                    "flowcontrol.apiserver.k8s.io/v1",
                    "FlowSchema",
                    "PriorityLevelConfiguration"),
            removal(
                    "flowcontrol.apiserver.k8s.io/v1beta3",
                    "1.32",
                    "flowcontrol.apiserver.k8s.io/v1",
                    "FlowSchema",
                    "PriorityLevelConfiguration"),
            gone("settings.k8s.io/v1alpha1", "1.20", "no replacement: use a mutating admission webhook", "PodPreset"));

    /** What the API server does with an object's apiVersion and kind. */
    public sealed interface Resolution permits Served, NotServed, KindNotInApiVersion, Unknown {}

    /** A built-in kind the Kubernetes version serves; its schema validates the object. */
    public record Served(KindSchema schema) implements Resolution {}

    /** A built-in API version that the Kubernetes version does not serve for this kind (removed, or not yet added). */
    public record NotServed(String message) implements Resolution {}

    /** The API version is served, but has no such kind. */
    public record KindNotInApiVersion(String message) implements Resolution {}

    /** Not a built-in API group: a custom resource, or a configuration file that is no API object. */
    public record Unknown() implements Resolution {}

    private final BuiltinSchemas builtins;

    public ApiLifecycle(BuiltinSchemas builtins) {
        this.builtins = builtins;
    }

    public static ApiLifecycle builtin() {
        return new ApiLifecycle(BuiltinSchemas.get());
    }

    public Resolution resolve(String kubernetesVersion, GroupVersionKind gvk) {
        Optional<KindSchema> schema = builtins.find(kubernetesVersion, gvk);
        if (schema.isPresent()) {
            return new Served(schema.get());
        }
        String k8s = "Kubernetes " + kubernetesVersion;
        // a removal the table knows of counts from its release on: flowcontrol v1beta3 was removed in 1.32, but
        // Kubernetes 1.23 does not serve it because it came in 1.26
        Optional<Removal> removal = removal(gvk).filter(r -> minor(r.removedIn()) <= minor(kubernetesVersion));
        List<String> servedBy = bundledVersionsServing(gvk);
        Optional<String> lastBefore = servedBy.stream()
                .filter(v -> minor(v) < minor(kubernetesVersion))
                .reduce((a, b) -> b);
        if (lastBefore.isPresent() || removal.isPresent()) {
            // the bundle has every minor release, so the one after the last that served it removed it
            String removedIn = lastBefore
                    .map(ApiLifecycle::nextRelease)
                    .orElseGet(() -> removal.get().removedIn());
            String instead = removal.map(r -> replacementFor(kubernetesVersion, gvk, r))
                    .orElseGet(() -> elsewhere(kubernetesVersion, gvk, "; use "));
            return new NotServed(
                    gvk + " is not served by " + k8s + ": it was removed in Kubernetes " + removedIn + instead);
        }
        if (builtins.serves(kubernetesVersion, gvk.apiVersion())) {
            return new KindNotInApiVersion(kindNotInApiVersion(kubernetesVersion, gvk));
        }
        if (!servedBy.isEmpty()) {
            return new NotServed(gvk + " is not served by " + k8s + " (it was added in Kubernetes " + servedBy.get(0)
                    + ")" + elsewhere(kubernetesVersion, gvk, "; use "));
        }
        if (builtins.groups().contains(gvk.group()) || removalGroup(gvk.group())) {
            return new NotServed(gvk.apiVersion() + " is not an API version of " + k8s
                    + elsewhere(kubernetesVersion, gvk, "; " + gvk.kind() + " is served as "));
        }
        return new Unknown();
    }

    /**
     * A warning for a served alpha or beta API version when the same Kubernetes version also serves the kind in a
     * more stable version of the group.
     */
    public Optional<String> deprecation(String kubernetesVersion, GroupVersionKind gvk) {
        if (!ApiVersionOrder.isPrerelease(gvk.version()) || !builtins.serves(kubernetesVersion, gvk)) {
            return Optional.empty();
        }
        for (String apiVersion : builtins.apiVersionsServing(kubernetesVersion, gvk.kind())) {
            GroupVersionKind other = GroupVersionKind.of(apiVersion, gvk.kind()).orElseThrow();
            if (other.group().equals(gvk.group())
                    && ApiVersionOrder.PREFERRED_FIRST.compare(other.version(), gvk.version()) < 0) {
                boolean beta = ApiVersionOrder.stabilityRank(gvk.version()) == 1;
                String stage = beta ? "beta" : "alpha";
                return Optional.of(gvk
                        + (beta ? " is a beta API" : " is an alpha API, off unless a cluster enables" + " it,")
                        + " that Kubernetes " + kubernetesVersion + " also serves as " + apiVersion + "; use "
                        + apiVersion + ", since " + stage + " versions are deprecated once a newer version exists and"
                        + " are later removed");
            }
        }
        return Optional.empty();
    }

    private String replacementFor(String kubernetesVersion, GroupVersionKind gvk, Removal removal) {
        if (removal.replacement().isEmpty()) {
            return "; " + removal.note();
        }
        GroupVersionKind replacement =
                GroupVersionKind.of(removal.replacement().get(), gvk.kind()).orElseThrow();
        if (builtins.serves(kubernetesVersion, replacement)) {
            return "; use " + replacement.apiVersion();
        }
        return elsewhere(kubernetesVersion, replacement, "; use ");
    }

    /** The preferred API version that serves the kind in this Kubernetes version, after a lead, or "". */
    private String elsewhere(String kubernetesVersion, GroupVersionKind gvk, String lead) {
        List<String> serving = builtins.apiVersionsServing(kubernetesVersion, gvk.kind());
        for (String apiVersion : serving) {
            if (GroupVersionKind.of(apiVersion, gvk.kind())
                    .orElseThrow()
                    .group()
                    .equals(gvk.group())) {
                return lead + apiVersion;
            }
        }
        return serving.isEmpty() ? "" : lead + serving.get(0);
    }

    private String kindNotInApiVersion(String kubernetesVersion, GroupVersionKind gvk) {
        String message = gvk.apiVersion() + " has no kind \"" + gvk.kind() + "\" in Kubernetes " + kubernetesVersion;
        List<String> serving = builtins.apiVersionsServing(kubernetesVersion, gvk.kind());
        if (!serving.isEmpty()) {
            return message + "; " + gvk.kind() + " is served as " + serving.get(0);
        }
        Optional<String> closest = Suggestions.closest(
                gvk.kind(), builtins.kinds(kubernetesVersion, gvk.apiVersion()), Suggestions.FIELD_NAMES);
        return closest.map(k -> message + "; did you mean \"" + k + "\"?").orElse(message);
    }

    private List<String> bundledVersionsServing(GroupVersionKind gvk) {
        List<String> result = new ArrayList<>();
        for (String version : builtins.kubernetesVersions()) {
            if (builtins.serves(version, gvk)) {
                result.add(version);
            }
        }
        return result;
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }

    private static String nextRelease(String version) {
        return "1." + (minor(version) + 1);
    }

    private static Optional<Removal> removal(GroupVersionKind gvk) {
        return REMOVALS.stream()
                .filter(r ->
                        r.apiVersion().equals(gvk.apiVersion()) && r.kinds().contains(gvk.kind()))
                .findFirst();
    }

    private static boolean removalGroup(String group) {
        return REMOVALS.stream()
                .anyMatch(r -> GroupVersionKind.of(r.apiVersion(), "x")
                        .orElseThrow()
                        .group()
                        .equals(group));
    }

    /** Removed API versions per kind, for documentation and tests. */
    public static Map<String, String> removedApiVersions() {
        Map<String, String> result = new TreeMap<>();
        for (Removal r : REMOVALS) {
            for (String kind : r.kinds()) {
                result.put(r.apiVersion() + " " + kind, r.removedIn());
            }
        }
        return result;
    }

    private static Removal removal(String apiVersion, String removedIn, String replacement, String... kinds) {
        return new Removal(apiVersion, List.of(kinds), removedIn, Optional.of(replacement), "");
    }

    private static Removal gone(String apiVersion, String removedIn, String note, String... kinds) {
        return new Removal(apiVersion, List.of(kinds), removedIn, Optional.empty(), note);
    }
}
