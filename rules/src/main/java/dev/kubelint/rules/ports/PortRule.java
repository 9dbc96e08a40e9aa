package dev.kubelint.rules.ports;

import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.rules.ports.Ports.Port;
import dev.kubelint.rules.support.PodSpecRule;

/** A rule about each port entry of a pod's init, sidecar and app containers, one port at a time. */
public interface PortRule extends PodSpecRule {

    @Override
    default void checkPod(PodSpec spec, RuleContext ctx) {
        if (!appliesTo(spec)) {
            return;
        }
        for (Container container : spec.nonEphemeralContainers()) {
            for (Port port : Ports.of(container)) {
                checkPort(port, ctx);
            }
        }
    }

    /** Whether the rule looks at the ports of this pod at all; by default it does. */
    default boolean appliesTo(PodSpec spec) {
        return true;
    }

    void checkPort(Port port, RuleContext ctx);
}
