package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.probes.Probes.Probe;

/** successThreshold other than 1 on a liveness or startup probe. */
@RuleInfo(
        id = "probe-success-threshold",
        category = "probes",
        severity = Severity.ERROR,
        summary = "A liveness or startup probe has a successThreshold other than 1",
        kindGroups = KindGroup.POD_SPECS)
public final class ProbeSuccessThresholdRule implements ProbeRule {

    @Override
    public void checkProbe(Probe probe, RuleContext ctx) {
        probe.number("successThreshold")
                .filter(v -> v > 1 && probe.kind().killsOnFailure())
                .ifPresent(v -> ctx.report(
                        probe.node().get("successThreshold").orElseThrow(),
                        "successThreshold of " + probe.describe() + " is " + v + ": it must be 1 for "
                                + probe.kind().key() + "s"));
    }
}
