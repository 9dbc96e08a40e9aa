package com.example.kubelint;

import java.util.Optional;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;

/** Every workload names the team that owns it. */
@RuleInfo(id = "team-label", category = "ownership", severity = Severity.ERROR,
        summary = "A workload does not name the team that owns it",
        rationale = "When a workload misbehaves at night, the person on call must know whom to wake; the team label"
                + " also routes alerts and splits the cloud bill.",
        remediation = "Add the label metadata.labels.team with the owning team's name.",
        kinds = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"})
public final class TeamLabelRule implements Rule {

    public static final RuleParam<String> LABEL = RuleParam.string("label", "team", "the label that names the owning team");

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (!PodSpecs.hasPodSpec(manifest) || manifest.kind().equals("PodTemplate")) {
            return;
        }
        String label = ctx.param(LABEL);
        String what = manifest.ref().describe();
        Optional<MappingNode> metadata = manifest.metadata();
        if (metadata.isEmpty()) {
            ctx.reportKey(manifest.root(), "metadata", what + " has no metadata, so no " + label + " label");
            return;
        }
        Optional<MappingNode> labels = metadata.get().mapping("labels");
        if (labels.isEmpty()) {
            ctx.reportKey(manifest.root(), "metadata", what + " has no labels; add the label " + label);
            return;
        }
        if (!labels.get().has(label)) {
            ctx.reportKey(metadata.get(), "labels", what + " has no " + label + " label");
            return;
        }
        Optional<ScalarNode> value = labels.get().scalar(label);
        if (value.isEmpty() || value.get().asText().isBlank()) {
            ctx.reportKey(labels.get(), label, "the " + label + " label of " + what + " is empty");
        }
    }
}
