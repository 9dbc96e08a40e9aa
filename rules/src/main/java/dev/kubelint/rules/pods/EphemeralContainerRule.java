package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.PodSpecRule;
import dev.kubelint.rules.support.Workloads;

/** ephemeralContainers written in a manifest. */
@RuleInfo(
        id = "ephemeral-container",
        category = "containers",
        severity = Severity.ERROR,
        summary = "A manifest declares ephemeral containers",
        kindGroups = KindGroup.POD_SPECS)
public final class EphemeralContainerRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        spec.spec()
                .sequence("ephemeralContainers")
                .filter(seq -> seq.size() > 0)
                .ifPresent(seq -> ctx.reportKey(
                        spec.spec(),
                        "ephemeralContainers",
                        spec.isTemplate()
                                ? "ephemeral containers are not allowed in " + Workloads.podSpecOwner(spec.manifest())
                                : "ephemeralContainers cannot be set when a Pod is created: add them to the running pod"
                                        + " with kubectl debug"));
    }
}
