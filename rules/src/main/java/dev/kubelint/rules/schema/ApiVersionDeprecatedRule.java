package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.schemas.GroupVersionKind;
import java.util.Optional;

/** A served alpha or beta apiVersion whose kind the same release also serves in a more stable version. */
@RuleInfo(
        id = "api-version-deprecated",
        category = "schema",
        severity = Severity.WARNING,
        summary = "An object uses an alpha or beta apiVersion although a more stable version of its kind is served")
public final class ApiVersionDeprecatedRule extends ApiVersionShell {

    @Override
    Optional<String> problem(Manifest manifest, GroupVersionKind gvk, String release) {
        return RunSchemas.lifecycle().deprecation(release, gvk);
    }
}
