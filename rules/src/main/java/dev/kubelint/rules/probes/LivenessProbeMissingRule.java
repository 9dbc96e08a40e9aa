package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.PodSpecs.ContainerRole;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** A container of a long-running workload without liveness probe. */
@RuleInfo(
        id = "liveness-probe-missing",
        category = "probes",
        severity = Severity.INFO,
        enabledByDefault = false,
        summary = "A container of a long-running workload has no liveness probe",
        rationale = "Without a liveness probe the kubelet restarts a container only when its process exits; a"
                + " deadlocked or wedged process keeps running and keeps its pod. Many containers are better off"
                + " without one (a bad liveness probe does more harm than none), so this rule is off by default.",
        remediation = "Add a livenessProbe that fails only when the process cannot recover by itself, with a"
                + " generous failureThreshold.",
        kinds = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"})
public final class LivenessProbeMissingRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (!PodSpecs.LONG_RUNNING.contains(manifest.kind())) {
            return;
        }
        PodSpecs.of(manifest)
                .ifPresent(spec -> spec.containers().stream()
                        .filter(c -> c.role() == ContainerRole.APP)
                        .filter(c -> c.node()
                                .get("livenessProbe")
                                .flatMap(p -> p.asMapping())
                                .isEmpty())
                        .forEach(c -> ctx.reportKey(c.node(), "name", c.describe() + " has no livenessProbe")));
    }
}
