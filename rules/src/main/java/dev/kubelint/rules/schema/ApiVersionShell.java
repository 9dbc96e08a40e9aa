package dev.kubelint.rules.schema;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.schemas.GroupVersionKind;
import java.util.Optional;

/**
 * The shell of the rules that judge an object's apiVersion against what the target Kubernetes release serves
 * (api-version-removed, api-version-deprecated): only with the bundled schemas, only for an object whose type is
 * readable, and the finding at the apiVersion.
 */
abstract class ApiVersionShell implements Rule {

    @Override
    public final void check(Manifest manifest, RuleContext ctx) {
        if (!RunSchemas.isBundled(ctx.settings())) {
            return;
        }
        String release = ctx.settings().kubernetesVersion();
        TypeMeta.of(manifest)
                .flatMap(gvk -> problem(manifest, gvk, release))
                .ifPresent(message -> ctx.report(TypeMeta.apiVersionNode(manifest), message));
    }

    /** What is wrong with the object's apiVersion in the release, if anything: the finding's message. */
    abstract Optional<String> problem(Manifest manifest, GroupVersionKind gvk, String release);
}
