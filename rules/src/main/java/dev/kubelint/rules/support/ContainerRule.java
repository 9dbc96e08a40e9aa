package dev.kubelint.rules.support;

import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.RuleContext;
import java.util.List;

/** A rule about each container of a pod spec, one container at a time. */
public interface ContainerRule extends PodSpecRule {

    @Override
    default void checkPod(PodSpec spec, RuleContext ctx) {
        for (Container container : containers(spec)) {
            checkContainer(container, ctx);
        }
    }

    /**
     * The containers the rule looks at, in source order: by default all but the ephemeral ones, which a manifest
     * may not have at all (ephemeral-container reports them).
     */
    default List<Container> containers(PodSpec spec) {
        return spec.nonEphemeralContainers();
    }

    void checkContainer(Container container, RuleContext ctx);
}
