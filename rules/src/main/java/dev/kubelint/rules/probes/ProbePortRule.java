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
        rationale = "httpGet and tcpSocket probes take a port number from 1 to 65535 or the name of a container"
                + " port (an IANA service name); grpc probes take a number only. The API server rejects anything"
                + " else, including a quoted number such as \"8080\", which it reads as a name.",
        remediation = "Use the port number without quotes, or the name of one of the container's ports.",
        kindGroups = KindGroup.POD_SPECS)
public final class ProbePortRule implements ProbeRule {

    @Override
    public void checkProbe(Probe probe, RuleContext ctx) {
        Handlers.present(probe.node(), Handlers.PROBE).forEach(h -> Handlers.checkPort(h, probe.describe(), ctx));
    }
}
