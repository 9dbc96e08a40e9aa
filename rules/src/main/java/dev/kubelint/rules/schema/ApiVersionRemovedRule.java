package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.schemas.ApiLifecycle;
import dev.kubelint.schemas.GroupVersionKind;
import java.util.Optional;

/** An apiVersion the target Kubernetes release does not serve for the object's kind. */
@RuleInfo(
        id = "api-version-removed",
        category = "schema",
        severity = Severity.ERROR,
        summary = "An object uses an apiVersion that the target Kubernetes version does not serve for its kind")
public final class ApiVersionRemovedRule extends ApiVersionShell {

    @Override
    Optional<String> problem(Manifest manifest, GroupVersionKind gvk, String release) {
        return TypeMeta.resolve(manifest, gvk, release) instanceof ApiLifecycle.NotServed notServed
                ? Optional.of(notServed.message())
                : Optional.empty();
    }
}
