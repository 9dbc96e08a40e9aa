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

/** nodeSelector values that YAML reads as booleans or numbers. */
@RuleInfo(
        id = "node-selector-value-type",
        category = "scheduling",
        severity = Severity.ERROR,
        summary = "A nodeSelector value is read by YAML as a boolean or a number instead of a string",
        kindGroups = KindGroup.NODE_SELECTORS)
public final class NodeSelectorValueTypeRule implements ProblemRule {

    @Override
    public Stream<Problem> problems(Manifest manifest, RuleContext ctx) {
        return NodeSelectors.of(manifest).stream()
                .flatMap(map -> LabelMaps.nonStringValues(map, "nodeSelector").stream());
    }
}
