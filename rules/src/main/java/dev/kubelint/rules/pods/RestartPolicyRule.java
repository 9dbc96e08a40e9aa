package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.PodSpecRule;
import dev.kubelint.rules.support.Releases;
import dev.kubelint.rules.support.Workloads;
import java.util.List;
import java.util.Optional;

/** A pod restartPolicy the API server rejects for the kind that holds the pod spec. */
@RuleInfo(
        id = "restart-policy",
        category = "lifecycle",
        severity = Severity.ERROR,
        summary = "A pod's restartPolicy is not allowed for its kind",
        kindGroups = KindGroup.POD_SPECS)
public final class RestartPolicyRule implements PodSpecRule {

    private static final List<String> ALL = List.of("Always", "OnFailure", "Never");
    private static final List<String> RUN_TO_COMPLETION = List.of("OnFailure", "Never");

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        Manifest manifest = spec.manifest();
        // an empty or null restartPolicy is defaulted to Always, as if it were absent
        Optional<ScalarNode> written =
                spec.spec().scalar("restartPolicy").filter(v -> !v.asText().isEmpty());
        if (PodSpecs.LONG_RUNNING.contains(manifest.kind())) {
            written.ifPresent(v -> allow(v, List.of("Always"), Workloads.podSpecOwner(manifest), ctx));
        } else if (PodSpecs.RUN_TO_COMPLETION.contains(manifest.kind())) {
            checkJob(manifest, spec, written, ctx);
        } else {
            written.ifPresent(v -> allow(v, ALL, Workloads.podSpecOwner(manifest), ctx));
        }
    }

    private static void checkJob(Manifest manifest, PodSpec spec, Optional<ScalarNode> written, RuleContext ctx) {
        if (written.isEmpty()) {
            ctx.reportKey(
                    spec.owner(),
                    "spec",
                    Workloads.podSpecOwner(manifest) + " must set restartPolicy to"
                            + " OnFailure or Never: the default, Always, is rejected");
            return;
        }
        if (!allow(written.get(), RUN_TO_COMPLETION, Workloads.podSpecOwner(manifest), ctx)) {
            return;
        }
        // before podFailurePolicy is on by default, the API server drops it (1.25) or does not know it
        boolean failurePolicy = Releases.minor(ctx) >= Releases.POD_FAILURE_POLICY
                && Workloads.jobSpec(manifest)
                        .flatMap(s -> s.mapping("podFailurePolicy"))
                        .isPresent();
        if (failurePolicy && !written.get().asText().equals("Never")) {
            ctx.report(
                    written.get(),
                    "restartPolicy \"" + written.get().asText() + "\" is not allowed with a"
                            + " podFailurePolicy: only \"Never\" is supported when podFailurePolicy is specified");
        }
    }

    /** Reports a value outside {@code allowed}; returns whether the value was allowed. */
    private static boolean allow(ScalarNode value, List<String> allowed, String owner, RuleContext ctx) {
        if (allowed.contains(value.asText())) {
            return true;
        }
        ctx.report(
                value,
                "restartPolicy \"" + value.asText() + "\" is not allowed in " + owner + ": supported "
                        + (allowed.size() == 1 ? "value is" : "values are") + " \"" + String.join("\", \"", allowed)
                        + "\"");
        return false;
    }
}
