package dev.kubelint.core.rule;

import dev.kubelint.core.kube.PodSpecs;
import java.util.List;

/**
 * A named set of kinds for {@link RuleInfo#kindGroups()}, so that Kubernetes knowledge such as "the kinds that
 * carry a pod spec" is written once. A rule's descriptor, its docs and the engine's dispatch see the expanded
 * kinds.
 */
public enum KindGroup {

    /** Pod and every kind with a pod template: Deployment, StatefulSet, DaemonSet, ReplicaSet,
     * ReplicationController, Job, CronJob, PodTemplate (as {@link PodSpecs} reads them). */
    POD_SPECS(PodSpecs.KINDS),

    /** The same but PodTemplate: Pod and the workloads that run pods (as {@link PodSpecs#RUNNING_KINDS}). */
    PODS_AND_WORKLOADS(PodSpecs.RUNNING_KINDS);

    private final List<String> kinds;

    KindGroup(List<String> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public List<String> kinds() {
        return kinds;
    }
}
