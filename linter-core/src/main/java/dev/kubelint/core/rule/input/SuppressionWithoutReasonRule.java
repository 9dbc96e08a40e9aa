package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the engine while it reads suppressions; the rule carries the metadata and settings. */
@RuleInfo(id = "suppression-without-reason", category = "suppression", severity = Severity.WARNING,
        summary = "A suppression annotation or comment gives no reason, or cannot be read",
        rationale = "A suppression silences a finding for everyone who reads the manifest later; without a reason nobody can tell whether it still applies. kubelint ignores such a suppression, so the finding it meant to silence stays active.",
        remediation = "Give the reason: annotation ignore.kubelint.dev/<rule-id>: \"<reason>\", or comment # kubelint-ignore: <rule-id> -- <reason>.")
public final class SuppressionWithoutReasonRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // reported by the engine, not per object
    }
}
