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
        summary = "A label key is not a qualified name or a label value is not a valid label value",
        rationale = "The API server validates the labels of every object, pod template and ephemeral volume claim"
                + " template: a key is an optional DNS subdomain prefix (at most 253 characters) and '/', then a name"
                + " of at most 63"
                + " characters that begins and ends with an alphanumeric and has only alphanumerics, '-', '_' and '.'"
                + " between; a value is empty or at most 63 such characters. Version numbers with '+', paths with '/',"
                + " spaces and values over 63 characters are common mistakes. Keys and values with template"
                + " placeholders ($VAR, {{ var }}) are left to the tool that fills them in.",
        remediation = "Shorten or rewrite the label (replace '/', ':', '+' and spaces by '-' or '.'); keep free text in"
                + " annotations, which allow any value.")
public final class LabelValidRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        for (MappingNode labels : ObjectMetadata.maps(ObjectMetadata.validated(manifest), "labels")) {
            LabelMaps.validate(labels, "label").forEach(p -> p.report(ctx));
        }
    }
}
