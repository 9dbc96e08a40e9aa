package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the engine itself; the rule carries the metadata and settings. */
@RuleInfo(id = "not-an-object", category = "input", severity = Severity.ERROR,
        summary = "A document is a scalar or a list instead of a Kubernetes object",
        rationale = "kubectl expects every document to be a mapping with apiVersion and kind; a scalar or a sequence at the top of a document cannot be applied.",
        remediation = "Make the document a mapping, or remove it; to send several objects in one document use kind: List with items.")
public final class NotAnObjectRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // reported by the engine, not per object
    }
}
