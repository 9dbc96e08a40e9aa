package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.PodSpecs.ContainerRole;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
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
        kindGroups = KindGroup.LONG_RUNNING)
public final class LivenessProbeMissingRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
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
