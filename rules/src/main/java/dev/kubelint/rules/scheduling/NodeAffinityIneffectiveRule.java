package dev.kubelint.rules.scheduling;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Node affinity that the API server accepts but the scheduler cannot use. */
@RuleInfo(
        id = "node-affinity-ineffective",
        category = "scheduling",
        severity = Severity.WARNING,
        summary = "A node affinity term is accepted but can never match a node, or has no effect",
        rationale = "The scheduler turns each node selector term into a label selector. A Gt or Lt value that is not"
                + " an integer (and a value that is not a valid label value, in a preferred term or before Kubernetes"
                + " 1.33, when the API server does not reject it) makes that"
                + " conversion fail, and a term with neither matchExpressions nor matchFields matches no node: a"
                + " required term of that kind leaves the pod Pending if it is the only one. An empty preference matches"
                + " every node and changes nothing.",
        remediation = "Give Gt and Lt one integer value (for example values: [\"4\"]), use valid label values, and"
                + " write at least one matchExpressions or matchFields entry in every term.",
        kindGroups = KindGroup.POD_SPECS,
        kinds = {"PersistentVolume"})
public final class NodeAffinityIneffectiveRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        NodeAffinityCheck.of(manifest, ctx.settings().minorVersion())
                .ineffective
                .forEach(p -> p.report(ctx));
    }
}
