package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import java.util.List;

/** A pod that needs a ConfigMap the scan does not define. */
@RuleInfo(
        id = "config-map-undefined",
        category = "workloads",
        severity = Severity.WARNING,
        enabledByDefault = false,
        summary = "A pod's volume or environment needs a ConfigMap that the scanned files do not define in its"
                + " namespace",
        rationale = "A ConfigMap that a pod's volumes, env or envFrom refer to without optional: true must exist in"
                + " the pod's namespace: otherwise the pod stays in ContainerCreating or CreateContainerConfigError,"
                + " usually because of a typo or a ConfigMap in another namespace. The rule speaks only when the scan"
                + " defines ConfigMaps in the pod's namespace and in the referring file's folder; kube-root-ca.crt exists"
                + " in every namespace. It is off by default: the Kubernetes documentation and many projects create"
                + " ConfigMaps outside the manifests (kubectl create configmap, kustomize and Helm generators), so"
                + " turn it on where every ConfigMap is a manifest of the scan.",
        remediation = "Define the ConfigMap in the pod's namespace, correct its name, or mark the reference optional.",
        kindGroups = KindGroup.POD_SPECS)
public final class ConfigMapUndefinedRule extends PodNameReferenceShell {

    public ConfigMapUndefinedRule() {
        super("ConfigMap", "its pods cannot start");
    }

    @Override
    List<ScalarNode> references(Manifest manifest) {
        return PodReferences.required(manifest, true).stream()
                .filter(n -> !n.asText().equals("kube-root-ca.crt"))
                .toList();
    }
}
