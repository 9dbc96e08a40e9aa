package dev.kubelint.rules.support;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import java.util.Optional;

/**
 * The shell of a rule that judges objects only against each other: it says nothing about an object on its own, and
 * gives each run a fresh {@link CrossObjectCheck} that sees every object and reports at the end.
 */
public abstract class CrossObjectShell implements Rule {

    @Override
    public final void check(Manifest manifest, RuleContext ctx) {
        // everything happens across objects
    }

    @Override
    public final Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(newCheck());
    }

    /** A fresh check for one run. */
    protected abstract CrossObjectCheck newCheck();
}
