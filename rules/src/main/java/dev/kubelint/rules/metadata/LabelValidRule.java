package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.ObjectMetadata;

/** Label keys and values that the API server rejects. */
@RuleInfo(
        id = "label-valid",
        category = "metadata",
        severity = Severity.ERROR,
        summary = "A label key is not a qualified name or a label value is not a valid label value")
public final class LabelValidRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        for (MappingNode labels : ObjectMetadata.maps(ObjectMetadata.validated(manifest), "labels")) {
            LabelMaps.validate(labels, "label").forEach(p -> p.report(ctx));
        }
    }
}
