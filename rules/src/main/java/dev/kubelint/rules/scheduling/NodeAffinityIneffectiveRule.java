package dev.kubelint.rules.scheduling;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.ProblemRule;
import java.util.stream.Stream;

/** Node affinity that the API server accepts but the scheduler cannot use. */
@RuleInfo(
        id = "node-affinity-ineffective",
        category = "scheduling",
        severity = Severity.WARNING,
        summary = "A node affinity term is accepted but can never match a node, or has no effect",
        kindGroups = KindGroup.NODE_AFFINITIES)
public final class NodeAffinityIneffectiveRule implements ProblemRule {

    @Override
    public Stream<Problem> problems(Manifest manifest, RuleContext ctx) {
        return NodeAffinityCheck.of(manifest, ctx.settings().minorVersion()).ineffective.stream();
    }
}
