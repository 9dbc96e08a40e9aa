package dev.kubelint.rules.probes;

import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.yaml.ScalarNode;

/** The pod's termination grace period as the API server and the kubelet see it. */
public final class TerminationGrace {

    /** The default the API server sets when a pod spec gives none. */
    public static final long DEFAULT_SECONDS = 30;

    private TerminationGrace() {}

    /** terminationGracePeriodSeconds as written (negative values included), or the default 30. */
    public static long seconds(PodSpec spec) {
        return spec.spec()
                .scalar("terminationGracePeriodSeconds")
                .flatMap(ScalarNode::longValue)
                .orElse(DEFAULT_SECONDS);
    }
}
