package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the reader while it reads the text; the rule carries the metadata and settings. */
@RuleInfo(id = "duplicate-key", category = "input", severity = Severity.ERROR,
        summary = "A mapping has the same key twice",
        rationale = "kubectl silently keeps the last value of a duplicated key, so the first one is lost without a word; often it was the one that was meant.",
        remediation = "Remove one of the two keys, or merge their values.")
public final class DuplicateKeyRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // findings come from the YAML reader, before there is an object to check
    }
}
