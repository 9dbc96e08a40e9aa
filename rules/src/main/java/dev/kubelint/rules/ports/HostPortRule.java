package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.ports.Ports.Port;

/** A container binds a port of the node. */
@RuleInfo(
        id = "host-port",
        category = "ports",
        severity = Severity.WARNING,
        summary = "A container port sets a hostPort",
        kindGroups = KindGroup.POD_SPECS)
public final class HostPortRule implements PortRule {

    /** With hostNetwork the pod uses the node's ports anyway. */
    @Override
    public boolean appliesTo(PodSpec spec) {
        return !Ports.hostNetwork(spec);
    }

    @Override
    public void checkPort(Port port, RuleContext ctx) {
        if (Names.isValidPortNumber(port.hostPortNumber())) {
            ctx.report(
                    port.hostPort().orElseThrow(),
                    "hostPort " + port.hostPortNumber()
                            + " binds the port on the node: only one such pod can run on each node");
        }
    }
}
