package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.schemas.ApiLifecycle;

/** An apiVersion the target Kubernetes release does not serve for the object's kind. */
@RuleInfo(
        id = "api-version-removed",
        category = "schema",
        severity = Severity.ERROR,
        summary = "An object uses an apiVersion that the target Kubernetes version does not serve for its kind")
public final class ApiVersionRemovedRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (!RunSchemas.isBundled(ctx.settings())) {
            return;
        }
        TypeMeta.of(manifest).ifPresent(gvk -> {
            ApiLifecycle.Resolution resolution =
                    TypeMeta.resolve(manifest, gvk, ctx.settings().kubernetesVersion());
            if (resolution instanceof ApiLifecycle.NotServed notServed) {
                ctx.report(TypeMeta.apiVersionNode(manifest), notServed.message());
            }
        });
    }
}
