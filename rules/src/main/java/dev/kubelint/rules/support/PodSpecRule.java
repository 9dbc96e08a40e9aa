package dev.kubelint.rules.support;

import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;

/**
 * A rule about the pod spec of a Pod or of a workload's pod template: finding the spec is written here once, and
 * objects without one are left alone.
 */
public interface PodSpecRule extends Rule {

    @Override
    default void check(Manifest manifest, RuleContext ctx) {
        PodSpecs.of(manifest).ifPresent(spec -> checkPod(spec, ctx));
    }

    /** Checks one pod spec; {@link PodSpec#manifest()} is the object that holds it. */
    void checkPod(PodSpec spec, RuleContext ctx);
}
