package dev.kubelint.core.rule;

import dev.kubelint.core.kube.PodSpecs;
import java.util.ArrayList;
import java.util.List;

/**
 * A named set of kinds for {@link RuleInfo#kindGroups()}, so that Kubernetes knowledge such as "the kinds that
 * carry a pod spec" is written once. A rule's descriptor, its docs, SARIF and the engine's dispatch (which hands a
 * rule only objects of its kinds) see the expanded kinds.
 */
public enum KindGroup {

    /** Pod and every kind with a pod template: Deployment, StatefulSet, DaemonSet, ReplicaSet,
     * ReplicationController, Job, CronJob, PodTemplate (as {@link PodSpecs} reads them). */
    POD_SPECS(PodSpecs.KINDS),

    /** The same but PodTemplate: Pod and the workloads that run pods (as {@link PodSpecs#RUNNING_KINDS}). */
    PODS_AND_WORKLOADS(PodSpecs.RUNNING_KINDS),

    /** The workloads whose pods run until they are deleted (as {@link PodSpecs#LONG_RUNNING}). */
    LONG_RUNNING(PodSpecs.LONG_RUNNING),

    /** The workloads whose {@code spec.selector} picks the pods of their own template. */
    SELECTING_WORKLOADS(
            List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController", "Job")),

    /** The kinds with a {@code nodeSelector}: every pod spec, and a RuntimeClass's {@code scheduling}. */
    NODE_SELECTORS(plus(PodSpecs.KINDS, "RuntimeClass")),

    /** The kinds with a node affinity: every pod spec, and a PersistentVolume's {@code nodeAffinity}. */
    NODE_AFFINITIES(plus(PodSpecs.KINDS, "PersistentVolume"));

    private final List<String> kinds;

    KindGroup(List<String> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public List<String> kinds() {
        return kinds;
    }

    private static List<String> plus(List<String> kinds, String kind) {
        List<String> all = new ArrayList<>(kinds);
        all.add(kind);
        return all;
    }
}
