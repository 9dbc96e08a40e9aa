package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the reader while it reads the text; the rule carries the metadata and settings. */
@RuleInfo(id = "yaml-tag", category = "input", severity = Severity.WARNING,
        summary = "A node carries a YAML tag that kubectl does not understand",
        rationale = "Tags such as `!!python/object` ask a YAML library to construct objects; kubectl does not, and kubelint never does. The value is read as if untagged.",
        remediation = "Remove the tag.")
public final class YamlTagRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // findings come from the YAML reader, before there is an object to check
    }
}
