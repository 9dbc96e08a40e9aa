package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.ports.Ports.Port;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.List;

/** Containers of a pod that run at the same time, or one container twice, declare the same port and protocol. */
@RuleInfo(
        id = "container-port-conflict",
        category = "ports",
        severity = Severity.WARNING,
        summary = "Two containers of a pod, or one container twice, declare the same containerPort and protocol",
        kindGroups = KindGroup.POD_SPECS)
public final class ContainerPortConflictRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        Ports.clashes(
                spec.longRunningContainers(),
                port -> port.containerPortNumber().map(number -> number + "/" + port.protocol()),
                (port, earlier, sameContainer) -> report(port, earlier, sameContainer, ctx));
    }

    private static void report(Port port, Port earlier, boolean sameContainer, RuleContext ctx) {
        String key = port.containerPortNumber().orElseThrow() + "/" + port.protocol();
        if (!sameContainer) {
            ctx.report(
                    port.anchor(),
                    "containerPort " + key + " is also declared by "
                            + earlier.container().describe()
                            + ": containers of a pod share one network namespace,"
                            + " so only one of them can bind the port",
                    List.of(ctx.locate(earlier.anchor())));
        } else if (earlier.hostPortNumber() == 0 && port.hostPortNumber() == 0) {
            // with a hostPort, the duplicate is an error of host-port-conflict
            ctx.report(
                    port.anchor(),
                    "duplicate port definition: containerPort " + key + " is declared" + " twice by "
                            + port.container().describe(),
                    List.of(ctx.locate(earlier.anchor())));
        }
    }
}
