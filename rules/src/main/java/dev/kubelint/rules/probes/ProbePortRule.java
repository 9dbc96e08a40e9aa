package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.probes.Probes.Probe;

/** A probe's port missing, out of range, or not a valid port name. */
@RuleInfo(
        id = "probe-port",
        category = "probes",
        severity = Severity.ERROR,
        summary = "A probe's port is missing, out of range or not a valid port name",
        kindGroups = KindGroup.POD_SPECS)
public final class ProbePortRule implements ProbeRule {

    @Override
    public void checkProbe(Probe probe, RuleContext ctx) {
        Handlers.present(probe.node(), Handlers.PROBE).forEach(h -> Handlers.checkPort(h, probe.describe(), ctx));
    }
}
