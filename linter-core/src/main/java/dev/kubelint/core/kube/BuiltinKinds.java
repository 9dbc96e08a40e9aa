package dev.kubelint.core.kube;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What kubelint knows about the built-in kinds of Kubernetes, by API group and kind: which are cluster-scoped (from
 * the paths of the OpenAPI documents of Kubernetes 1.23 to 1.35) and which name syntax the API server requires of
 * each (from its per-kind name validation).
 */
public final class BuiltinKinds {

    private static final Map<String, Set<String>> CLUSTER_SCOPED = Map.ofEntries(
            Map.entry("", Set.of("Namespace", "Node", "PersistentVolume", "ComponentStatus")),
            Map.entry(
                    "admissionregistration.k8s.io",
                    Set.of(
                            "MutatingWebhookConfiguration",
                            "ValidatingWebhookConfiguration",
                            "ValidatingAdmissionPolicy",
                            "ValidatingAdmissionPolicyBinding",
                            "MutatingAdmissionPolicy",
                            "MutatingAdmissionPolicyBinding")),
            Map.entry("apiextensions.k8s.io", Set.of("CustomResourceDefinition")),
            Map.entry("apiregistration.k8s.io", Set.of("APIService")),
            Map.entry("authentication.k8s.io", Set.of("TokenReview", "SelfSubjectReview")),
            Map.entry(
                    "authorization.k8s.io",
                    Set.of("SubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview")),
            Map.entry("certificates.k8s.io", Set.of("CertificateSigningRequest", "ClusterTrustBundle")),
            Map.entry("flowcontrol.apiserver.k8s.io", Set.of("FlowSchema", "PriorityLevelConfiguration")),
            Map.entry("internal.apiserver.k8s.io", Set.of("StorageVersion")),
            Map.entry("networking.k8s.io", Set.of("IngressClass", "IPAddress", "ServiceCIDR", "ClusterCIDR")),
            Map.entry("node.k8s.io", Set.of("RuntimeClass")),
            Map.entry("policy", Set.of("PodSecurityPolicy")),
            Map.entry("rbac.authorization.k8s.io", Set.of("ClusterRole", "ClusterRoleBinding")),
            Map.entry("resource.k8s.io", Set.of("DeviceClass", "DeviceTaintRule", "ResourceClass", "ResourceSlice")),
            Map.entry("scheduling.k8s.io", Set.of("PriorityClass")),
            Map.entry(
                    "storage.k8s.io",
                    Set.of("CSIDriver", "CSINode", "StorageClass", "VolumeAttachment", "VolumeAttributesClass")),
            Map.entry("storagemigration.k8s.io", Set.of("StorageVersionMigration")));

    private static final Set<String> SUBDOMAIN_CORE = Set.of(
            "Pod",
            "ConfigMap",
            "Secret",
            "ServiceAccount",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "ReplicationController",
            "Endpoints",
            "LimitRange",
            "ResourceQuota",
            "PodTemplate",
            "Node");

    private static final Map<String, Map<String, NameFormat>> NAME_FORMATS = Map.ofEntries(
            Map.entry("", core()),
            Map.entry(
                    "apps",
                    with(
                            subdomains("Deployment", "ReplicaSet", "DaemonSet", "ControllerRevision"),
                            // since Kubernetes 1.27: the name becomes the pods' hostname
                            "StatefulSet",
                            NameFormat.DNS1123_LABEL)),
            Map.entry("batch", subdomains("Job", "CronJob")),
            Map.entry("autoscaling", subdomains("HorizontalPodAutoscaler")),
            Map.entry("policy", subdomains("PodDisruptionBudget")),
            Map.entry("networking.k8s.io", subdomains("Ingress", "IngressClass", "NetworkPolicy")),
            Map.entry(
                    "rbac.authorization.k8s.io",
                    formats(NameFormat.PATH_SEGMENT, "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding")),
            Map.entry("storage.k8s.io", subdomains("StorageClass", "VolumeAttachment")),
            Map.entry("scheduling.k8s.io", subdomains("PriorityClass")),
            Map.entry("node.k8s.io", subdomains("RuntimeClass")),
            Map.entry("coordination.k8s.io", subdomains("Lease")),
            Map.entry("discovery.k8s.io", subdomains("EndpointSlice")),
            Map.entry(
                    "admissionregistration.k8s.io",
                    subdomains(
                            "ValidatingWebhookConfiguration",
                            "MutatingWebhookConfiguration",
                            "ValidatingAdmissionPolicy",
                            "ValidatingAdmissionPolicyBinding")));

    private BuiltinKinds() {}

    /** Whether the kind is a built-in cluster-scoped kind (objects without a namespace). */
    public static boolean isClusterScoped(String group, String kind) {
        return CLUSTER_SCOPED.getOrDefault(group, Set.of()).contains(kind);
    }

    /** The name syntax the API server requires of the kind, for the built-in kinds kubelint knows. */
    public static Optional<NameFormat> nameFormat(String group, String kind) {
        return Optional.ofNullable(NAME_FORMATS.getOrDefault(group, Map.of()).get(kind));
    }

    private static Map<String, NameFormat> core() {
        Map<String, NameFormat> formats = new java.util.HashMap<>();
        SUBDOMAIN_CORE.forEach(k -> formats.put(k, NameFormat.DNS1123_SUBDOMAIN));
        formats.put("Namespace", NameFormat.DNS1123_LABEL);
        formats.put("Service", NameFormat.DNS1035_LABEL);
        return Map.copyOf(formats);
    }

    private static Map<String, NameFormat> subdomains(String... kinds) {
        return formats(NameFormat.DNS1123_SUBDOMAIN, kinds);
    }

    private static Map<String, NameFormat> formats(NameFormat format, String... kinds) {
        Map<String, NameFormat> formats = new java.util.HashMap<>();
        for (String k : kinds) {
            formats.put(k, format);
        }
        return Map.copyOf(formats);
    }

    /** The formats plus one kind's own. */
    private static Map<String, NameFormat> with(Map<String, NameFormat> formats, String kind, NameFormat format) {
        Map<String, NameFormat> result = new java.util.HashMap<>(formats);
        result.put(kind, format);
        return Map.copyOf(result);
    }
}
