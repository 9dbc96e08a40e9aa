package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.probes.Probes.Probe;

/** A probe whose timeout is longer than its period. */
@RuleInfo(
        id = "probe-timeout",
        category = "probes",
        severity = Severity.WARNING,
        summary = "A probe's timeoutSeconds is longer than its periodSeconds",
        kindGroups = KindGroup.POD_SPECS)
public final class ProbeTimeoutRule implements ProbeRule {

    @Override
    public void checkProbe(Probe probe, RuleContext ctx) {
        long timeout = probe.number("timeoutSeconds").orElse(0L);
        long period = probe.number("periodSeconds").orElse(0L);
        if (timeout < 0 || period < 0) {
            return; // probe-timing reports negative values
        }
        // 0 or absent means the default: 1 second timeout, 10 second period
        long effectivePeriod = period == 0 ? 10 : period;
        if (timeout > effectivePeriod) {
            ctx.report(
                    probe.node().get("timeoutSeconds").orElseThrow(),
                    "timeoutSeconds " + timeout + " of "
                            + probe.describe() + " is longer than its periodSeconds " + effectivePeriod
                            + (period == 0 ? " (the default)" : ""));
        }
    }
}
