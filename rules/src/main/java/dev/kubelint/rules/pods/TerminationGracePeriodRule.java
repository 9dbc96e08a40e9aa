package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.PodSpecRule;

/** A negative grace period, or none at all for a StatefulSet's pods. */
@RuleInfo(
        id = "termination-grace-period",
        category = "lifecycle",
        severity = Severity.WARNING,
        summary = "A pod's terminationGracePeriodSeconds is negative, or 0 in a StatefulSet",
        kindGroups = KindGroup.POD_SPECS)
public final class TerminationGracePeriodRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        spec.spec().scalar("terminationGracePeriodSeconds").ifPresent(value -> check(spec.manifest(), value, ctx));
    }

    private static void check(Manifest manifest, ScalarNode value, RuleContext ctx) {
        value.longValue().ifPresent(seconds -> {
            if (seconds < 0) {
                ctx.report(
                        value,
                        "terminationGracePeriodSeconds " + seconds + " is negative: the API server treats"
                                + " it as 1 second");
            } else if (seconds == 0 && manifest.kind().equals("StatefulSet")) {
                ctx.report(
                        value,
                        "terminationGracePeriodSeconds 0 in a StatefulSet force-deletes its pods: a"
                                + " replacement with the same identity may start while the old pod still runs");
            }
        });
    }
}
