package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.ports.Ports.Port;

/** With hostNetwork, a hostPort other than the containerPort. */
@RuleInfo(
        id = "host-network-port",
        category = "ports",
        severity = Severity.ERROR,
        summary = "A pod with hostNetwork: true has a hostPort that differs from its containerPort",
        kindGroups = KindGroup.POD_SPECS)
public final class HostNetworkPortRule implements PortRule {

    @Override
    public boolean appliesTo(PodSpec spec) {
        return Ports.hostNetwork(spec);
    }

    @Override
    public void checkPort(Port port, RuleContext ctx) {
        if (port.hostPortNumber() == 0
                || port.containerPortNumber().isEmpty()
                || port.hostPortNumber() == port.containerPortNumber().get()) {
            return;
        }
        ctx.report(
                port.hostPort().orElseThrow(),
                "hostPort " + port.hostPortNumber() + " must match containerPort "
                        + port.containerPortNumber().orElseThrow() + " when hostNetwork is true");
    }
}
