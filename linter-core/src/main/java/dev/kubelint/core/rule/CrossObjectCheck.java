package dev.kubelint.core.rule;

import dev.kubelint.core.manifest.Manifest;

/**
 * The state of a cross-object rule for one run. The engine calls {@link #observe} once per object, one call at a
 * time but in no fixed order, then {@link #finish} once. Keep compact summaries (names, labels, locations), never
 * whole trees: runs may hold a hundred thousand objects.
 */
public interface CrossObjectCheck {

    void observe(Manifest manifest, RuleContext ctx);

    /** Reports findings with {@link RuleContext#report(dev.kubelint.core.finding.Location, String)}. */
    void finish(RuleContext ctx);
}
