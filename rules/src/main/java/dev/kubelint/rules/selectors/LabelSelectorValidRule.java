package dev.kubelint.rules.selectors;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.ProblemRule;
import dev.kubelint.rules.support.SelectorSites;
import java.util.stream.Stream;

/** Label selectors whose keys, values or operators the API server rejects. */
@RuleInfo(
        id = "label-selector-valid",
        category = "selectors",
        severity = Severity.ERROR,
        summary = "A label selector has an invalid key, value or operator, or values that do not fit its operator",
        kindGroups = KindGroup.POD_SPECS,
        kinds = {
            "Service",
            "PersistentVolumeClaim",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            "MutatingAdmissionPolicy",
            "MutatingAdmissionPolicyBinding",
            "ClusterRole"
        })
public final class LabelSelectorValidRule implements ProblemRule {

    @Override
    public Stream<Problem> problems(Manifest manifest, RuleContext ctx) {
        return SelectorSites.of(manifest).stream().flatMap(found -> found.selector().problems().stream());
    }
}
