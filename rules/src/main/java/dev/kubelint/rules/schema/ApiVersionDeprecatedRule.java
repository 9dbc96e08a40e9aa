package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** A served alpha or beta apiVersion whose kind the same release also serves in a more stable version. */
@RuleInfo(
        id = "api-version-deprecated",
        category = "schema",
        severity = Severity.WARNING,
        summary = "An object uses an alpha or beta apiVersion although a more stable version of its kind is served")
public final class ApiVersionDeprecatedRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (!RunSchemas.isBundled(ctx.settings())) {
            return;
        }
        TypeMeta.of(manifest)
                .flatMap(
                        gvk -> RunSchemas.lifecycle().deprecation(ctx.settings().kubernetesVersion(), gvk))
                .ifPresent(message -> ctx.report(TypeMeta.apiVersionNode(manifest), message));
    }
}
