package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the engine itself; the rule carries the metadata and settings. */
@RuleInfo(id = "unreadable-file", category = "input", severity = Severity.ERROR,
        summary = "A file cannot be read or decoded",
        rationale = "A file that cannot be read (permissions, invalid UTF-8, an unsupported encoding) is not checked at all, so nothing in it is validated.",
        remediation = "Fix the file's permissions or save it as UTF-8.")
public final class UnreadableFileRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // reported by the engine, not per object
    }
}
