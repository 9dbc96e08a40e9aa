package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.probes.Probes.Kind;
import dev.kubelint.rules.probes.Probes.Probe;
import java.util.List;

/** Negative probe timings and thresholds, and a probe-level grace period where the API server forbids it. */
@RuleInfo(
        id = "probe-timing",
        category = "probes",
        severity = Severity.ERROR,
        summary = "A probe has a negative timing or threshold, or an invalid terminationGracePeriodSeconds",
        kindGroups = KindGroup.POD_SPECS)
public final class ProbeTimingRule implements ProbeRule {

    private static final List<String> NON_NEGATIVE =
            List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold");

    @Override
    public void checkProbe(Probe probe, RuleContext ctx) {
        for (String field : NON_NEGATIVE) {
            probe.number(field)
                    .filter(v -> v < 0)
                    .ifPresent(v -> ctx.report(
                            probe.node().get(field).orElseThrow(),
                            field + " of " + probe.describe() + " is " + v
                                    + ": it must be greater than or equal to 0"));
        }
        probe.node().scalar("terminationGracePeriodSeconds").ifPresent(grace -> {
            if (probe.kind() == Kind.READINESS) {
                ctx.reportKey(
                        probe.node(),
                        "terminationGracePeriodSeconds",
                        "terminationGracePeriodSeconds must" + " not be set on a readinessProbe ("
                                + probe.container().describe() + ")");
            } else {
                grace.longValue()
                        .filter(v -> v <= 0)
                        .ifPresent(v -> ctx.report(
                                grace,
                                "terminationGracePeriodSeconds" + " of " + probe.describe() + " is " + v
                                        + ": it must be greater than 0"));
            }
        });
    }
}
