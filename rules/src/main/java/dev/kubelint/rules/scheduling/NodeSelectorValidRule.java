package dev.kubelint.rules.scheduling;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** nodeSelector keys and values that are not valid label keys and values. */
@RuleInfo(
        id = "node-selector-valid",
        category = "scheduling",
        severity = Severity.ERROR,
        summary = "A nodeSelector key is not a qualified name or its value is not a valid label value",
        rationale = "nodeSelector matches node labels, and the API server validates it like labels: keys are"
                + " qualified names (an optional DNS subdomain prefix of at most 253 characters and '/', then a name of"
                + " at most 63 characters that begins and ends with an alphanumeric and has only alphanumerics, '-', '_'"
                + " and '.' between), values are empty or at most 63 such characters. It rejects the pod or workload"
                + " otherwise.",
        remediation = "Use the node label's exact key and value, for example kubernetes.io/os: linux or"
                + " node.kubernetes.io/instance-type: m5.large.",
        kindGroups = KindGroup.POD_SPECS,
        kinds = {"RuntimeClass"})
public final class NodeSelectorValidRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        NodeSelectors.of(manifest)
                .forEach(map -> LabelMaps.validate(map, "nodeSelector").forEach(p -> p.report(ctx)));
    }
}
