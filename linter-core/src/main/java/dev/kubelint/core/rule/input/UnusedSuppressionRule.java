package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the engine at the end of a run; the rule carries the metadata and settings. */
@RuleInfo(id = "unused-suppression", category = "suppression", severity = Severity.WARNING,
        summary = "A suppression annotation or comment matched no finding",
        rationale = "A suppression that silences nothing is stale: the problem was fixed, the rule id is misspelt, or the rule is off. Left in place, it would silently hide the problem should it come back.",
        remediation = "Remove the suppression, or correct its rule id or its line.")
public final class UnusedSuppressionRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // reported by the engine at the end of the run
    }
}
