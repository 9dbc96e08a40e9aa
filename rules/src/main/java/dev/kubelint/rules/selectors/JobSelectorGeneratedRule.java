package dev.kubelint.rules.selectors;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.Workloads;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A Job or CronJob that writes the selector the API server generates itself. */
@RuleInfo(
        id = "job-selector-generated",
        category = "selectors",
        severity = Severity.ERROR,
        summary = "A Job or CronJob sets a selector that the API server generates itself",
        kinds = {"Job", "CronJob"})
public final class JobSelectorGeneratedRule implements Rule {

    private static final Set<String> UID_KEYS = Set.of("controller-uid", "batch.kubernetes.io/controller-uid");

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (Workloads.isJob(manifest) && !Workloads.hasManualSelector(manifest)) {
            manifest.root().mapping("spec").ifPresent(spec -> checkJob(manifest, spec, ctx));
        } else if (manifest.group().equals("batch") && manifest.kind().equals("CronJob")) {
            manifest.root()
                    .at("/spec/jobTemplate/spec")
                    .flatMap(YamlNode::asMapping)
                    .ifPresent(spec -> checkTemplate(spec, ctx));
        }
    }

    private static void checkJob(Manifest manifest, MappingNode spec, RuleContext ctx) {
        Optional<LabelSelector> selector =
                spec.mapping("selector").map(StructuredSelector::read).flatMap(StructuredSelector::selector);
        if (selector.isEmpty()) {
            return;
        }
        // the generated labels: the uid is unknown before creation, so requirements on it are given the benefit of
        // doubt
        Map<String, String> generated =
                Map.of("job-name", manifest.name(), "batch.kubernetes.io/job-name", manifest.name());
        Optional<LabelSelector.Requirement> foreign = selector.get().requirements().stream()
                .filter(r -> !UID_KEYS.contains(r.key()))
                .filter(r -> !r.matches(generated))
                .findFirst();
        foreign.ifPresent(r -> ctx.reportKey(
                spec,
                "selector",
                "the API server generates a Job's selector and rejects"
                        + " this one (\"" + r + "\" does not select the generated labels); remove spec.selector, or set"
                        + " manualSelector: true"));
    }

    private static void checkTemplate(MappingNode spec, RuleContext ctx) {
        boolean hasSelector = spec.get("selector")
                .filter(n -> !n.asScalar().map(ScalarNode::isNull).orElse(false))
                .isPresent();
        if (hasSelector) {
            ctx.reportKey(
                    spec,
                    "selector",
                    "a CronJob's jobTemplate may not set a selector: the API server generates"
                            + " one for every Job; remove it");
        }
        boolean manual =
                spec.scalar("manualSelector").flatMap(ScalarNode::booleanValue).orElse(false);
        if (manual) {
            ctx.reportKey(spec, "manualSelector", "a CronJob's jobTemplate may not set manualSelector: true");
        }
    }
}
