package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.probes.Handlers.Handler;
import dev.kubelint.rules.support.PodSpecRule;
import dev.kubelint.rules.support.Releases;
import java.util.Optional;

/** A postStart or preStop hook the API server rejects. */
@RuleInfo(
        id = "lifecycle-handler",
        category = "lifecycle",
        severity = Severity.ERROR,
        summary = "A postStart or preStop hook does not set exactly one valid handler",
        kindGroups = KindGroup.POD_SPECS)
public final class LifecycleHandlerRule implements PodSpecRule {

    private static final String[] HOOKS = {"postStart", "preStop"};

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        spec.longRunningContainers().forEach(c -> c.node().mapping("lifecycle").ifPresent(l -> check(spec, c, l, ctx)));
    }

    private static void check(PodSpec spec, Container container, MappingNode lifecycle, RuleContext ctx) {
        for (String hook : HOOKS) {
            Optional<MappingNode> handler = lifecycle.mapping(hook);
            if (handler.isEmpty()) {
                continue;
            }
            String what = hook + " hook of " + container.describe();
            Handlers.checkShape(lifecycle, hook, handler.get(), Handlers.LIFECYCLE, what, ctx);
            for (Handler h : Handlers.present(handler.get(), Handlers.LIFECYCLE)) {
                Handlers.checkPort(h, what, ctx);
                int minor = Releases.minor(ctx);
                if (h.type() == Handlers.Type.SLEEP && minor >= Releases.SLEEP_ACTION) {
                    h.mapping().ifPresent(sleep -> checkSleep(spec, sleep, what, ctx));
                } else if (h.type() == Handlers.Type.SLEEP && minor >= Releases.SLEEP_ACTION_FIELD) {
                    // before the field is in the release's schema, it is schema-conformance's finding
                    ctx.reportKey(
                            handler.get(),
                            "sleep",
                            "the sleep action of the " + what + " needs Kubernetes 1."
                                    + Releases.SLEEP_ACTION + ": in 1." + minor
                                    + " it is an alpha feature that is off by"
                                    + " default, so the API server drops it and rejects the hook for having no handler");
                }
            }
        }
    }

    private static void checkSleep(PodSpec spec, MappingNode sleep, String what, RuleContext ctx) {
        long minimum = Releases.minor(ctx) >= Releases.SLEEP_ZERO ? 0 : 1;
        Optional<ScalarNode> seconds = sleep.scalar("seconds");
        long value = seconds.flatMap(ScalarNode::longValue).orElse(seconds.isPresent() ? Long.MIN_VALUE : 0L);
        if (value == Long.MIN_VALUE) {
            return; // not an integer: the schema's finding
        }
        long grace = TerminationGrace.seconds(spec);
        if (value < minimum) {
            report(
                    sleep,
                    seconds,
                    what + " sleeps " + value + " seconds: it must be "
                            + (minimum == 0 ? "non-negative" : "greater than 0 (0 is allowed from Kubernetes 1.33)"),
                    ctx);
        } else if (grace >= 0 && value > grace) {
            report(
                    sleep,
                    seconds,
                    what + " sleeps " + value + " seconds, longer than terminationGracePeriodSeconds (" + grace
                            + "): the API server rejects it",
                    ctx);
        }
    }

    private static void report(MappingNode sleep, Optional<ScalarNode> seconds, String message, RuleContext ctx) {
        if (seconds.isPresent()) {
            ctx.report(seconds.get(), message);
        } else {
            ctx.reportKey(sleep, "seconds", message);
        }
    }
}
