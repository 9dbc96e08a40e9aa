package dev.kubelint.rules.selectors;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.SelectorSites;
import dev.kubelint.rules.support.Workloads;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workload whose selector does not select the pods of its own template. */
@RuleInfo(
        id = "selector-template-mismatch",
        category = "selectors",
        severity = Severity.ERROR,
        summary = "A workload's selector does not match the labels of its own pod template",
        kindGroups = KindGroup.SELECTING_WORKLOADS)
public final class SelectorTemplateMismatchRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        Optional<MappingNode> spec = manifest.root().mapping("spec");
        Optional<MappingNode> template = spec.flatMap(s -> s.mapping("template"));
        Optional<MappingNode> selectorNode = spec.flatMap(s -> s.mapping("selector"));
        if (template.isEmpty() || selectorNode.isEmpty()) {
            return;
        }
        Optional<StructuredSelector> selector = selectorOf(manifest, selectorNode.get());
        if (selector.isEmpty()
                || selector.get().isEmpty()
                || selector.get().selector().isEmpty()) {
            return;
        }
        LabelSelector evaluated = selector.get().selector().get();
        Map<String, String> labels = Workloads.templateLabels(manifest);
        evaluated
                .firstMismatch(labels)
                .ifPresent(unmet -> report(manifest, ctx, template.get(), selectorNode.get(), unmet));
    }

    /**
     * The selector the API server compares with the template, for the kinds where it does (read once per object
     * with the object's other selectors, see {@link SelectorSites}).
     */
    private static Optional<StructuredSelector> selectorOf(Manifest manifest, MappingNode node) {
        if (Workloads.isAppsWorkload(manifest)
                || (Workloads.isJob(manifest) && Workloads.hasManualSelector(manifest))) {
            return Optional.of(SelectorSites.at(manifest, node).orElseGet(() -> StructuredSelector.read(node)));
        }
        if (Workloads.isReplicationController(manifest)) {
            return Optional.of(SelectorSites.at(manifest, node).orElseGet(() -> StructuredSelector.readMap(node)));
        }
        return Optional.empty();
    }

    private static void report(
            Manifest manifest,
            RuleContext ctx,
            MappingNode template,
            MappingNode selector,
            LabelSelector.Requirement unmet) {
        String message = "the pod template's labels do not satisfy the selector's \"" + unmet + "\": the API server"
                + " rejects " + Workloads.article(manifest.kind()) + " whose selector does not match its template";
        // on the labels, or on the part of the template that should hold them
        Optional<MappingNode> metadata = template.mapping("metadata").filter(m -> m.has("labels"));
        ctx.report(
                metadata.isPresent() ? ctx.locateKey(metadata.get(), "labels") : ctx.locateKey(template, "metadata"),
                message,
                List.of(ctx.locate(selector)));
    }
}
