package dev.kubelint.rules.selectors;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.SelectorSites;

/** Label selectors whose keys, values or operators the API server rejects. */
@RuleInfo(
        id = "label-selector-valid",
        category = "selectors",
        severity = Severity.ERROR,
        summary = "A label selector has an invalid key, value or operator, or values that do not fit its operator",
        rationale = "The API server validates every label selector: workload and PodDisruptionBudget selectors,"
                + " NetworkPolicy peers, pod (anti-)affinity terms, topology spread constraints, volume claim, webhook"
                + " and admission policy selectors, aggregated ClusterRoles, and the selector maps of Services and"
                + " ReplicationControllers. Keys must be qualified names and values label values; the operators are"
                + " In, NotIn, Exists and DoesNotExist (case-sensitive); In and NotIn need at least one value, Exists and"
                + " DoesNotExist take none. Otherwise it rejects the whole object.",
        remediation = "Write keys as labels are written (an optional DNS subdomain prefix and '/', then at most 63"
                + " alphanumerics, '-', '_' or '.' that start and end alphanumeric), values as label values, spell the"
                + " operator exactly, give In and NotIn at least one value and Exists and DoesNotExist none.",
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
            "ClusterRole"
        })
public final class LabelSelectorValidRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        SelectorSites.of(manifest).forEach(found -> found.selector().problems().forEach(p -> p.report(ctx)));
    }
}
