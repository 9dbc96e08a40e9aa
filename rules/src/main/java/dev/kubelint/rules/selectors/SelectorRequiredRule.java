package dev.kubelint.rules.selectors;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.Workloads;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A workload without the selector its kind requires. */
@RuleInfo(
        id = "selector-required",
        category = "selectors",
        severity = Severity.ERROR,
        summary = "A workload lacks the selector its kind requires, or has an empty one",
        kindGroups = KindGroup.SELECTING_WORKLOADS)
public final class SelectorRequiredRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        Optional<MappingNode> spec = manifest.root().mapping("spec");
        if (spec.isEmpty()) {
            return;
        }
        if (Workloads.isAppsWorkload(manifest)) {
            checkApps(manifest, spec.get(), ctx);
        } else if (Workloads.isReplicationController(manifest)) {
            checkReplicationController(manifest, spec.get(), ctx);
        } else if (Workloads.isJob(manifest) && Workloads.hasManualSelector(manifest) && isAbsent(spec.get())) {
            ctx.reportKey(spec.get(), "manualSelector", "a Job with manualSelector: true must state spec.selector");
        }
    }

    private static void checkApps(Manifest manifest, MappingNode spec, RuleContext ctx) {
        String hint = hint(manifest);
        if (isAbsent(spec)) {
            ctx.reportKey(
                    manifest.root(),
                    "spec",
                    "spec.selector is required: apps/v1 does not derive it from the pod" + " template's labels" + hint);
            return;
        }
        spec.mapping("selector")
                .map(StructuredSelector::read)
                .filter(StructuredSelector::isEmpty)
                .ifPresent(s -> ctx.reportKey(
                        spec,
                        "selector",
                        "an empty selector is invalid for " + Workloads.article(manifest.kind()) + hint));
    }

    private static void checkReplicationController(Manifest manifest, MappingNode spec, RuleContext ctx) {
        boolean noSelector = isAbsent(spec)
                || spec.mapping("selector").map(MappingNode::isEmpty).orElse(false);
        if (noSelector
                && spec.has("template")
                && Workloads.templateLabels(manifest).isEmpty()) {
            ctx.reportKey(
                    manifest.root(),
                    "spec",
                    "a ReplicationController needs a selector, or labels on its pod template"
                            + " for the selector to default to");
        }
    }

    private static boolean isAbsent(MappingNode spec) {
        Optional<YamlNode> selector = spec.get("selector");
        return selector.isEmpty()
                || selector.get().asScalar().map(ScalarNode::isNull).orElse(false);
    }

    /** "; select the template's labels: matchLabels: {app: web}" when the template has labels. */
    private static String hint(Manifest manifest) {
        Map<String, String> labels = Workloads.templateLabels(manifest);
        if (labels.isEmpty()) {
            return "; label the pod template and select those labels with matchLabels";
        }
        return "; select the template's labels, e.g. matchLabels: {"
                + labels.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", "))
                + "}";
    }
}
