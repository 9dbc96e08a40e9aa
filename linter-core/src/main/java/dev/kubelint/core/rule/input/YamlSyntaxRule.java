package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the reader while it reads the text; the rule carries the metadata and settings. */
@RuleInfo(id = "yaml-syntax", category = "input", severity = Severity.ERROR,
        summary = "The file is not valid YAML or JSON",
        rationale = "kubectl cannot read a file with a syntax error, so nothing in it reaches the cluster. kubelint reports the error where the parser found it and goes on with the next document after a `---` line.",
        remediation = "Fix the syntax at the reported line and column; for JSON, remove comments and trailing commas, which kubectl's JSON reader rejects.")
public final class YamlSyntaxRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // findings come from the YAML reader, before there is an object to check
    }
}
