package dev.kubelint.core.testing;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/**
 * A deliberately broken rule: throws on every object, to show that a failing rule is isolated and reported as
 * rule-failure. Fixtures add it with {@code # fixture: with-rule=dev.kubelint.core.testing.FailingRule}.
 */
@RuleInfo(id = "always-fails", category = "test", severity = Severity.WARNING, summary = "Fails on every object")
public final class FailingRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        throw new IllegalStateException("boom");
    }
}
