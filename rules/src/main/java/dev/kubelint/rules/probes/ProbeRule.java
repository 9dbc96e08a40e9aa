package dev.kubelint.rules.probes;

import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.rules.probes.Probes.Probe;
import dev.kubelint.rules.support.PodSpecRule;

/** A rule about each probe of a pod's app and sidecar containers (see {@link Probes#of}), one probe at a time. */
public interface ProbeRule extends PodSpecRule {

    @Override
    default void checkPod(PodSpec spec, RuleContext ctx) {
        for (Probe probe : Probes.of(spec)) {
            checkProbe(probe, ctx);
        }
    }

    void checkProbe(Probe probe, RuleContext ctx);
}
