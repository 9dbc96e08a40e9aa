package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.ObjectMetadata;
import dev.kubelint.rules.support.ProblemRule;
import java.util.stream.Stream;

/** Label keys and values that the API server rejects. */
@RuleInfo(
        id = "label-valid",
        category = "metadata",
        severity = Severity.ERROR,
        summary = "A label key is not a qualified name or a label value is not a valid label value")
public final class LabelValidRule implements ProblemRule {

    @Override
    public Stream<Problem> problems(Manifest manifest, RuleContext ctx) {
        return ObjectMetadata.maps(ObjectMetadata.validated(manifest), "labels").stream()
                .flatMap(labels -> LabelMaps.validate(labels, "label").stream());
    }
}
