package dev.kubelint.rules.scheduling;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.ProblemRule;
import java.util.stream.Stream;

/** Node affinity that the API server rejects. */
@RuleInfo(
        id = "node-affinity-valid",
        category = "scheduling",
        severity = Severity.ERROR,
        summary = "A node affinity term has an invalid operator, key, value count or weight, or no terms at all",
        kindGroups = KindGroup.NODE_AFFINITIES)
public final class NodeAffinityValidRule implements ProblemRule {

    @Override
    public Stream<Problem> problems(Manifest manifest, RuleContext ctx) {
        return NodeAffinityCheck.of(manifest, ctx.settings().minorVersion()).errors.stream();
    }
}
