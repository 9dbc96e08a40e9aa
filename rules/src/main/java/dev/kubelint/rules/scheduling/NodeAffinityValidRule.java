package dev.kubelint.rules.scheduling;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Node affinity that the API server rejects. */
@RuleInfo(
        id = "node-affinity-valid",
        category = "scheduling",
        severity = Severity.ERROR,
        summary = "A node affinity term has an invalid operator, key, value count or weight, or no terms at all",
        rationale = "The API server validates node affinity (of pods, workload templates and PersistentVolumes):"
                + " requiredDuringScheduling needs at least one node selector term; matchExpressions keys are"
                + " qualified names; the operators are In, NotIn, Exists, DoesNotExist, Gt and Lt (case-sensitive); In"
                + " and NotIn need values, Exists and DoesNotExist take none, Gt and Lt exactly one; matchFields supports"
                + " only metadata.name with In or NotIn and one node name; preferred terms weigh 1 to 100. Since"
                + " Kubernetes 1.33 the values of required terms must also be valid label values (those of preferred"
                + " terms are deliberately not checked). It rejects the object otherwise.",
        remediation = "Fix the term as the message says; for example use operator: In with values: [amd64], or"
                + " operator: Exists without values.",
        kindGroups = KindGroup.POD_SPECS,
        kinds = {"PersistentVolume"})
public final class NodeAffinityValidRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        NodeAffinityCheck.of(manifest, ctx.settings().minorVersion()).errors.forEach(p -> p.report(ctx));
    }
}
