package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the engine itself; the rule carries the metadata and settings. */
@RuleInfo(id = "rule-failure", category = "engine", severity = Severity.ERROR,
        summary = "A rule failed with an internal error on an object",
        rationale = "A rule that throws must not stop the scan: kubelint isolates it, reports which rule failed on which object, and checks everything else. Run with --debug to see the stack trace.",
        remediation = "Report the failure to the rule's authors with the object that triggers it; disable the rule meanwhile if it blocks you.")
public final class RuleFailureRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // reported by the engine, not per object
    }
}
