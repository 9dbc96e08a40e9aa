package dev.kubelint.core.custom;

import dev.kubelint.core.finding.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A rule declared in {@code .kubelint.yaml} rather than written in Java: the part of each object to check
 * (a JSON pointer, {@code *} for every item), and the JSON Schema that part must satisfy.
 *
 * @param id          kebab-case id, unique among all rules
 * @param severity    severity of its findings
 * @param message     what a finding says (the failing place and the schema's complaint are added)
 * @param summary     one line for rule listings
 * @param remediation what to change
 * @param kinds       kinds it applies to; empty means every kind
 * @param selector    a label selector (kubectl syntax) on the object's labels
 * @param pointer     JSON pointer of the part to check, {@code ""} for the whole object
 * @param podTemplate whether the pointer starts at every pod template (a Pod itself, or the template of a
 *                    Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or
 *                    PodTemplate) instead of at the object
 * @param origin      where it was declared, for rule listings
 */
public record CustomRuleSpec(
        String id,
        Severity severity,
        String message,
        String summary,
        String remediation,
        List<String> kinds,
        Optional<String> selector,
        String pointer,
        boolean podTemplate,
        String origin) {

    public CustomRuleSpec {
        kinds = List.copyOf(kinds);
    }
}
