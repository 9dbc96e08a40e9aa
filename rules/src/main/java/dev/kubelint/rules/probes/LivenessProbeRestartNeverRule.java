package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.probes.Probes.Probe;
import dev.kubelint.rules.support.PodSpecRule;
import dev.kubelint.rules.support.Releases;

/** A liveness or startup probe on a container that is never restarted. */
@RuleInfo(
        id = "liveness-probe-restart-never",
        category = "probes",
        severity = Severity.WARNING,
        summary = "A liveness or startup probe is set on a container that is never restarted",
        kinds = {"Pod", "Job", "CronJob", "PodTemplate"})
public final class LivenessProbeRestartNeverRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        Probes.of(spec).stream()
                .filter(p -> p.kind().killsOnFailure() && neverRestarted(spec, p, ctx))
                .forEach(
                        p -> ctx.reportKey(
                                p.container().node(),
                                p.kind().key(),
                                p.describe()
                                        + " kills the container when it fails, and with restartPolicy Never it is not restarted"));
    }

    private static boolean neverRestarted(PodSpec spec, Probe probe, RuleContext ctx) {
        if (probe.container().role() == PodSpecs.ContainerRole.SIDECAR) {
            return false; // sidecars are always restarted
        }
        String policy = spec.restartPolicy();
        if (Releases.minor(ctx) >= Releases.CONTAINER_RESTART_RULES) {
            policy = probe.container().node().string("restartPolicy").orElse(policy);
        }
        return policy.equals("Never");
    }
}
