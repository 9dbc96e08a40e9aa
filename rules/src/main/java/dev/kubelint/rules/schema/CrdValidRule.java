package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.schemas.CustomResourceDefinitions;
import dev.kubelint.schemas.DefinitionChecks;
import dev.kubelint.schemas.KindSchema;
import dev.kubelint.schemas.SchemaProblem;
import dev.kubelint.schemas.UnusableSchemaException;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A CustomResourceDefinition the API server rejects on create, checked as apiextensions-apiserver checks it. */
@RuleInfo(
        id = "crd-valid",
        category = "schema",
        severity = Severity.ERROR,
        summary = "A CustomResourceDefinition the API server rejects: malformed or non-structural schema, bad names or"
                + " defaults",
        kinds = {"CustomResourceDefinition"})
public final class CrdValidRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        String apiVersion = manifest.root().string("apiVersion").orElse("");
        String kind = manifest.root().string("kind").orElse("");
        if (!kind.equals("CustomResourceDefinition") || !apiVersion.equals("apiextensions.k8s.io/v1")) {
            return;
        }
        RunSchemas.ScannedDefinition scanned = RunSchemas.definition(manifest);
        JsonNode crd = scanned.json();
        Map<String, Optional<KindSchema>> schemas = scanned.definition()
                .map(CustomResourceDefinitions.Definition::versions)
                .orElse(Map.of());
        String file = manifest.source().displayName();
        try {
            for (SchemaProblem p : DefinitionChecks.check(crd, schemas)) {
                ctx.report(
                        Placement.locate(file, manifest.documentIndex(), manifest.ref(), manifest.root(), p),
                        p.message());
            }
        } catch (UnusableSchemaException e) {
            ctx.report(TypeMeta.kindNode(manifest), e.getMessage());
        }
        boolean usable = schemas.values().stream().anyMatch(Optional::isPresent);
        if (!usable && crd.path("spec").path("versions").size() > 0) {
            ctx.report(
                    TypeMeta.kindNode(manifest),
                    "CustomResourceDefinition "
                            + crd.path("metadata").path("name").asString("")
                            + " has no usable version (served, with a well-formed schema), so its objects are"
                            + " not validated");
        }
    }
}
