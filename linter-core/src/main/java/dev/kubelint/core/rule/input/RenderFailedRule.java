package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** Reported by the engine for a Helm chart or Kustomize folder that does not render. */
@RuleInfo(id = "render-failed", category = "input", severity = Severity.ERROR,
        summary = "A Helm chart or Kustomize folder does not render",
        rationale = "kubelint lints the objects a chart or a kustomization renders to, as helm template and kubectl"
                + " kustomize produce them. When rendering fails (a template error, a missing value marked required,"
                + " a kubeVersion the chart does not support, a resource that does not exist), nothing in the folder"
                + " can be installed, and none of its objects is checked. The message is the renderer's own.",
        remediation = "Fix what the message names; check with helm template or kubectl kustomize. Give the values a"
                + " chart needs with --helm-values or --helm-set.")
public final class RenderFailedRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // reported by the engine, not per object
    }
}
