package dev.kubelint.rules.probes;

import java.util.Set;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.ContainerRole;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** A serving container of a long-running workload without readiness probe. */
@RuleInfo(id = "readiness-probe-missing", category = "probes", severity = Severity.WARNING,
        summary = "A container that exposes ports in a Deployment, StatefulSet or DaemonSet has no readiness probe",
        rationale = "Without a readiness probe a container counts as ready as soon as it starts, so Services send it"
                + " traffic before it can answer, and rolling updates move on to the next pod before the new one"
                + " works. Containers that declare ports usually serve something.",
        remediation = "Add a readinessProbe that succeeds only when the container can serve requests, for example an"
                + " httpGet on a health endpoint or a tcpSocket on the served port.",
        kinds = {"Deployment", "StatefulSet", "DaemonSet"})
public final class ReadinessProbeMissingRule implements Rule {

    private static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (!KINDS.contains(manifest.kind())) {
            return;
        }
        PodSpecs.of(manifest).ifPresent(spec -> spec.containers().stream()
                .filter(c -> c.role() == ContainerRole.APP)
                .filter(c -> c.node().sequence("ports").map(p -> p.size() > 0).orElse(false))
                .filter(c -> c.node().get("readinessProbe").flatMap(p -> p.asMapping()).isEmpty())
                .forEach(c -> report(manifest, c, ctx)));
    }

    private static void report(Manifest manifest, Container container, RuleContext ctx) {
        ctx.reportKey(container.node(), "name", container.describe() + " of " + manifest.kind() + " \""
                + manifest.name() + "\" exposes ports but has no readinessProbe");
    }
}
