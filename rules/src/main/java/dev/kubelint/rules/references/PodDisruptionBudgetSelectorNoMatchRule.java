package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.references.SelectorReferences.Selecting;
import dev.kubelint.rules.selectors.PodIndex;
import java.util.List;

/** A PodDisruptionBudget whose selector matches no pod of its namespace. */
@RuleInfo(
        id = "pod-disruption-budget-selector-no-match",
        category = "workloads",
        severity = Severity.WARNING,
        summary = "A PodDisruptionBudget's selector matches no pod or pod template of its namespace in the scanned"
                + " files",
        kinds = {"PodDisruptionBudget"})
public final class PodDisruptionBudgetSelectorNoMatchRule extends SelectorReferenceShell {

    public static final RuleParam<List<String>> OPERATOR_PODS = PodIndex.OPERATOR_PODS;

    public PodDisruptionBudgetSelectorNoMatchRule() {
        super("policy", "PodDisruptionBudget");
    }

    @Override
    List<Selecting> selectors(Manifest manifest, MappingNode spec, RuleContext ctx) {
        return SelectorReferences.selector(spec, "selector")
                .map(s -> List.of(new Selecting(
                        PodIndex.namespaceOf(manifest),
                        s,
                        ctx.locateKey(spec, "selector"),
                        "the selector of PodDisruptionBudget \"" + manifest.name() + "\"")))
                .orElse(List.of());
    }

    @Override
    String consequence(Selecting s) {
        return "the budget protects no pod";
    }
}
