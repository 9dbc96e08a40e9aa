package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.ContainerRole;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.ContainerRule;
import dev.kubelint.rules.support.Releases;
import java.util.List;

/** Probes or lifecycle hooks on an init container that is not a sidecar. */
@RuleInfo(
        id = "init-container-probe",
        category = "containers",
        severity = Severity.ERROR,
        summary = "A regular init container sets a probe or lifecycle hooks",
        kindGroups = KindGroup.POD_SPECS)
public final class InitContainerProbeRule implements ContainerRule {

    private static final List<String> FORBIDDEN =
            List.of("livenessProbe", "readinessProbe", "startupProbe", "lifecycle");

    @Override
    public void checkContainer(Container container, RuleContext ctx) {
        if (container.role() == ContainerRole.APP
                || container.role() == ContainerRole.SIDECAR && Releases.sidecars(ctx)) {
            return; // app containers and sidecars may have probes and hooks
        }
        for (String field : FORBIDDEN) {
            if (container
                    .node()
                    .get(field)
                    .filter(v -> !(v.asScalar().map(s -> s.isNull()).orElse(false)))
                    .isPresent()) {
                ctx.reportKey(
                        container.node(),
                        field,
                        field + " may not be set for " + container.describe() + ": "
                                + (container.role() == ContainerRole.SIDECAR
                                        ? "sidecar containers (restartPolicy: Always)"
                                                + " need Kubernetes 1." + Releases.SIDECAR_CONTAINERS
                                                + ", and init containers that are not"
                                                + " sidecars run to completion and cannot have it"
                                        : "init containers without restartPolicy:"
                                                + " Always run to completion and cannot have it"));
            }
        }
    }
}
