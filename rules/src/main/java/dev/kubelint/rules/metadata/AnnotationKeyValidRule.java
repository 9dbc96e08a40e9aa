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
        summary = "An annotation key is not a qualified name")
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
