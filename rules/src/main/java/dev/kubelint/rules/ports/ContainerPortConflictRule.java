package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.ports.Ports.Port;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        check(spec.longRunningContainers(), ctx);
    }

    private static void check(List<Container> containers, RuleContext ctx) {
        Map<String, Port> first = new HashMap<>();
        for (Container container : containers) {
            Map<String, Port> own = new HashMap<>();
            for (Port port : Ports.of(container)) {
                if (port.containerPortNumber().isEmpty()) {
                    continue;
                }
                String key = port.containerPortNumber().get() + "/" + port.protocol();
                Port same = own.putIfAbsent(key, port);
                if (same != null) {
                    // with a hostPort, the duplicate is an error of host-port-conflict
                    if (same.hostPortNumber() == 0 && port.hostPortNumber() == 0) {
                        ctx.report(
                                port.anchor(),
                                "duplicate port definition: containerPort " + key + " is declared" + " twice by "
                                        + container.describe(),
                                List.of(ctx.locate(same.anchor())));
                    }
                    continue;
                }
                Port earlier = first.putIfAbsent(key, port);
                if (earlier != null) {
                    ctx.report(
                            port.anchor(),
                            "containerPort " + key + " is also declared by "
                                    + earlier.container().describe()
                                    + ": containers of a pod share one network namespace,"
                                    + " so only one of them can bind the port",
                            List.of(ctx.locate(earlier.anchor())));
                }
            }
        }
    }
}
