package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** A manifest that carries a {@code status} section, usually copied from {@code kubectl get -o yaml}. */
@RuleInfo(
        id = "status-section",
        category = "metadata",
        severity = Severity.INFO,
        summary = "The manifest carries a status section")
public final class StatusSectionRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (manifest.root().has("status")
                && !manifest.root()
                        .get("status")
                        .orElseThrow()
                        .asScalar()
                        .map(s -> s.isNull())
                        .orElse(false)) {
            ctx.reportKey(
                    manifest.root(), "status", "status is written by the cluster; the copy in the manifest is ignored");
        }
    }
}
