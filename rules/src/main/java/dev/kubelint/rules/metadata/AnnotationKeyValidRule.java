package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.ObjectMetadata;
import java.util.List;
import java.util.Locale;

/** Annotation keys that the API server rejects. */
@RuleInfo(
        id = "annotation-key-valid",
        category = "metadata",
        severity = Severity.ERROR,
        summary = "An annotation key is not a qualified name",
        rationale = "Annotation values may be any text, but their keys follow the syntax of label keys (compared in"
                + " lowercase): an optional DNS subdomain prefix and '/', then a name of at most 63 characters that"
                + " begins and ends with an alphanumeric and has only alphanumerics, '-', '_' and '.' between. The API"
                + " server rejects the object otherwise.",
        remediation = "Rewrite the key, for example example.com/build-url instead of example.com/build url or"
                + " https://example.com/build.")
public final class AnnotationKeyValidRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        for (MappingNode annotations : ObjectMetadata.maps(ObjectMetadata.validated(manifest), "annotations")) {
            for (MappingNode.Entry e : annotations.entries()) {
                List<String> problems = Names.qualifiedName(e.key().toLowerCase(Locale.ROOT));
                if (!problems.isEmpty()) {
                    ctx.reportKey(
                            annotations,
                            e.key(),
                            "invalid annotation key \"" + e.key() + "\": " + String.join("; ", problems));
                }
            }
        }
    }
}
