package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.selectors.PodIndex;
import java.util.Optional;

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
        kinds = {
            "Pod",
            "Deployment",
            "StatefulSet",
            "DaemonSet",
            "ReplicaSet",
            "ReplicationController",
            "Job",
            "CronJob",
            "PodTemplate"
        })
public final class ConfigMapUndefinedRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // everything happens across objects
    }

    @Override
    public Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(new NameReferences() {
            @Override
            void read(Manifest manifest, RuleContext ctx) {
                if (manifest.group().isEmpty() && manifest.kind().equals("ConfigMap")) {
                    defineSelf(manifest);
                    return;
                }
                String ns = PodIndex.namespaceOf(manifest);
                PodReferences.required(manifest, true).stream()
                        .filter(n -> !n.asText().equals("kube-root-ca.crt"))
                        .forEach(n -> refer(new Reference(
                                "ConfigMap",
                                ns,
                                n.asText(),
                                ctx.locate(n),
                                manifest.kind() + " \"" + manifest.name() + "\"")));
            }

            @Override
            String consequence(Reference r) {
                return "its pods cannot start";
            }
        });
    }
}
