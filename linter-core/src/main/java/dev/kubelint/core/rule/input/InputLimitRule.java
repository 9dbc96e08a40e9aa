package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the reader while it reads the text; the rule carries the metadata and settings. */
@RuleInfo(id = "input-limit", category = "input", severity = Severity.ERROR,
        summary = "The input exceeds one of kubelint's safety limits",
        rationale = "Limits on file size, documents per file, nesting depth, alias expansion and scalar length keep a hostile or runaway file from exhausting memory or time. The part over the limit is not checked.",
        remediation = "Split the file, or raise the named limit with `--limit NAME=N` or `limits:` in .kubelint.yaml if the input is trusted.")
public final class InputLimitRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // findings come from the YAML reader, before there is an object to check
    }
}
