package dev.kubelint.rules;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** A deliberately broken rule: the rule-failure fixture adds it to show how a failing rule is reported. */
@RuleInfo(
        id = "throwing-test",
        category = "engine",
        severity = Severity.ERROR,
        summary = "Always fails",
        rationale = "It exists to provoke rule-failure in a fixture.",
        remediation = "None.")
public final class ThrowingTestRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        throw new IllegalStateException("deliberately broken");
    }
}
