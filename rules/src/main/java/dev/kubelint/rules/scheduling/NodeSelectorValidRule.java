package dev.kubelint.rules.scheduling;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.ProblemRule;
import java.util.stream.Stream;

/** nodeSelector keys and values that are not valid label keys and values. */
@RuleInfo(
        id = "node-selector-valid",
        category = "scheduling",
        severity = Severity.ERROR,
        summary = "A nodeSelector key is not a qualified name or its value is not a valid label value",
        kindGroups = KindGroup.NODE_SELECTORS)
public final class NodeSelectorValidRule implements ProblemRule {

    @Override
    public Stream<Problem> problems(Manifest manifest, RuleContext ctx) {
        return NodeSelectors.of(manifest).stream().flatMap(map -> LabelMaps.validate(map, "nodeSelector").stream());
    }
}
