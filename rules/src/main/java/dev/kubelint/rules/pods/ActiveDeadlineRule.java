package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.Workloads;

/** activeDeadlineSeconds out of range, or where the controller does not support it. */
@RuleInfo(
        id = "active-deadline",
        category = "lifecycle",
        severity = Severity.ERROR,
        summary = "A pod or Job activeDeadlineSeconds is out of range or set where it is not supported",
        kindGroups = KindGroup.POD_SPECS)
public final class ActiveDeadlineRule implements Rule {

    private static final long MAX = Integer.MAX_VALUE;

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        PodSpecs.of(manifest)
                .ifPresent(spec -> spec.spec().scalar("activeDeadlineSeconds").ifPresent(value -> {
                    if (PodSpecs.LONG_RUNNING.contains(manifest.kind())) {
                        ctx.reportKey(
                                spec.spec(),
                                "activeDeadlineSeconds",
                                "activeDeadlineSeconds is not supported in " + Workloads.podSpecOwner(manifest)
                                        + ": its pods are meant to run until replaced");
                    } else {
                        checkPod(value, ctx);
                    }
                }));
        Workloads.jobSpec(manifest)
                .flatMap(s -> s.scalar("activeDeadlineSeconds"))
                .ifPresent(value -> value.longValue()
                        .filter(v -> v < 0)
                        .ifPresent(v -> ctx.report(
                                value,
                                "activeDeadlineSeconds " + v + " of the Job must be greater than or equal to 0")));
    }

    private static void checkPod(ScalarNode value, RuleContext ctx) {
        value.longValue()
                .filter(v -> v < 1 || v > MAX)
                .ifPresent(v -> ctx.report(
                        value,
                        "activeDeadlineSeconds " + v + " of the pod must be between 1 and " + MAX + ", inclusive"));
    }
}
