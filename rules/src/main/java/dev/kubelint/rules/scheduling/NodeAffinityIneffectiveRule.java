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
