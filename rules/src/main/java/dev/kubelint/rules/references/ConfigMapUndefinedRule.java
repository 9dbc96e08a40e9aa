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
