package dev.kubelint.core.kube;

import java.util.Map;
import java.util.Set;

/**
 * Objects with {@code apiVersion} and {@code kind} that are configuration of tools around Kubernetes, never sent to
 * an API server: a Kustomization, a kind cluster, kubeadm, kubelet and API server configuration files, a
 * kubeconfig, Skaffold and kpt files. kubelint knows them and leaves them alone instead of calling them unknown.
 */
public final class ToolKinds {

    /** Groups whose every kind is tool configuration, and what the tool is. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("kustomize.config.k8s.io", "Kustomize"),
            Map.entry("kind.x-k8s.io", "kind"),
            Map.entry("kubeadm.k8s.io", "kubeadm"),
            Map.entry("kubelet.config.k8s.io", "the kubelet"),
            Map.entry("kubeproxy.config.k8s.io", "kube-proxy"),
            Map.entry("kubescheduler.config.k8s.io", "the scheduler"),
            Map.entry("kubecontrollermanager.config.k8s.io", "the controller manager"),
            Map.entry("apiserver.config.k8s.io", "the API server"),
            Map.entry("apiserver.k8s.io", "the API server"),
            Map.entry("audit.k8s.io", "the API server's audit log"),
            Map.entry("pod-security.admission.config.k8s.io", "the API server's Pod Security admission"),
            Map.entry("eventratelimit.admission.k8s.io", "the API server's event rate limit"),
            Map.entry("client.authentication.k8s.io", "kubectl's credential plugins"),
            Map.entry("k3d.io", "k3d"),
            Map.entry("ctlptl.dev", "ctlptl"),
            Map.entry("skaffold", "Skaffold"),
            Map.entry("kpt.dev", "kpt"),
            Map.entry("fn.kpt.dev", "kpt"),
            Map.entry("config.kubernetes.io", "KRM functions"),
            Map.entry("clusterctl.cluster.x-k8s.io", "clusterctl"),
            Map.entry("kuttl.dev", "KUTTL tests"),
            Map.entry("chainsaw.kyverno.io", "Chainsaw tests"),
            Map.entry("cli.kyverno.io", "the Kyverno CLI"),
            Map.entry("backstage.io", "Backstage"));

    /** Kinds of the core group that are files of kubectl, not API objects. */
    private static final Set<String> CORE_KINDS = Set.of("Config");

    private ToolKinds() {}

    /** The tool an object configures, or null when it is (or may be) a Kubernetes API object. */
    public static String tool(String group, String kind) {
        if (group.isEmpty()) {
            return CORE_KINDS.contains(kind) ? "kubectl (a kubeconfig)" : null;
        }
        return GROUPS.get(group);
    }
}
