package dev.kubelint.rules.scheduling;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** nodeSelector values that YAML reads as booleans or numbers. */
@RuleInfo(
        id = "node-selector-value-type",
        category = "scheduling",
        severity = Severity.ERROR,
        summary = "A nodeSelector value is read by YAML as a boolean or a number instead of a string",
        kindGroups = KindGroup.POD_SPECS,
        kinds = {"RuntimeClass"})
public final class NodeSelectorValueTypeRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        NodeSelectors.of(manifest)
                .forEach(map -> LabelMaps.nonStringValues(map, "nodeSelector").forEach(p -> p.report(ctx)));
    }
}
