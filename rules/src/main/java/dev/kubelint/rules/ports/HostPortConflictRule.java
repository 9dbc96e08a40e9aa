package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.ContainerRole;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.ports.Ports.Port;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The same hostPort, protocol and hostIP declared twice where the API server forbids it. */
@RuleInfo(
        id = "host-port-conflict",
        category = "ports",
        severity = Severity.ERROR,
        summary = "The same hostPort, protocol and hostIP is declared twice in a pod",
        kindGroups = KindGroup.POD_SPECS)
public final class HostPortConflictRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        List<Container> containers = spec.containers();
        check(containers.stream().filter(c -> c.role() == ContainerRole.APP).toList(), ctx);
        containers.stream()
                .filter(c -> c.role() == ContainerRole.INIT || c.role() == ContainerRole.SIDECAR)
                .forEach(c -> check(List.of(c), ctx));
    }

    private static void check(List<Container> containers, RuleContext ctx) {
        Map<String, Port> first = new HashMap<>();
        for (Container container : containers) {
            for (Port port : Ports.of(container)) {
                if (port.hostPortNumber() == 0) {
                    continue;
                }
                String key = port.protocol() + "/" + port.hostIP() + "/" + port.hostPortNumber();
                Port earlier = first.putIfAbsent(key, port);
                if (earlier != null) {
                    ctx.report(
                            port.hostPort().orElseThrow(),
                            "hostPort " + port.hostPortNumber() + "/"
                                    + port.protocol() + " (hostIP \"" + port.hostIP() + "\") is also declared by "
                                    + earlier.container().describe() + ": the API server rejects a duplicate host port",
                            List.of(ctx.locate(earlier.hostPort().orElseThrow())));
                }
            }
        }
    }
}
