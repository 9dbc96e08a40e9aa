package dev.kubelint.core.testing;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;

/**
 * The base of test rules whose check of a single object reports nothing: rules that only carry metadata
 * ({@code @RuleInfo}, texts, parameters) for a test that reads it, and rules whose work is all across objects.
 */
public abstract class NoCheckRule implements Rule {

    @Override
    public final void check(Manifest manifest, RuleContext ctx) {}
}
