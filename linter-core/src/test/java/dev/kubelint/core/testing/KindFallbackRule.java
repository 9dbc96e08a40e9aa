package dev.kubelint.core.testing;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** A fallback that reports every kind and metadata value, like a schema check would. */
@RuleInfo(
        id = "kind-fallback",
        category = "test",
        severity = Severity.ERROR,
        summary = "Fallback on kind",
        fallback = true)
public final class KindFallbackRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        manifest.root().get("kind").ifPresent(k -> ctx.report(k, "generic problem with kind"));
        manifest.root().get("metadata").ifPresent(m -> ctx.report(m, "generic problem with metadata"));
    }
}
