package dev.kubelint.core.testing;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;

/**
 * The base of test rules that only carry metadata ({@code @RuleInfo}, texts, parameters) for a test that reads it:
 * their check reports nothing.
 */
public abstract class NoCheckRule implements Rule {

    @Override
    public final void check(Manifest manifest, RuleContext ctx) {}
}
