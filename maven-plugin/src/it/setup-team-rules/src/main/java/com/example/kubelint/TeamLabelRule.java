package com.example.kubelint;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;

/** Every object names the team that owns it, so alerts reach someone. */
@RuleInfo(id = "team-label", category = "metadata", severity = Severity.ERROR,
        summary = "The object has no team label",
        rationale = "Alerts and cost reports are routed by the team label.",
        remediation = "Add metadata.labels.team with the owning team's name.")
public final class TeamLabelRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (manifest.metadata().isEmpty()) {
            ctx.reportKey(manifest.root(), "metadata", "the object has no metadata, so no team label");
            return;
        }
        MappingNode metadata = manifest.metadata().get();
        if (metadata.mapping("labels").isEmpty()) {
            ctx.reportKey(metadata, "labels", "the object has no labels: add a team label");
        } else if (!manifest.labels().containsKey("team")) {
            ctx.reportKey(metadata.mapping("labels").get(), "team", "the object has no team label");
        }
    }
}
