package dev.kubelint.rules.metadata;

import java.nio.charset.StandardCharsets;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.ObjectMetadata;

/** Annotations larger than the API server allows. */
@RuleInfo(id = "annotation-size", category = "metadata", severity = Severity.ERROR,
        summary = "The annotations of an object add up to more than 256 KiB",
        rationale = "The API server limits the annotations of one object to 262144 bytes in total, counting the UTF-8"
                + " bytes of every key and value, and rejects the object beyond (\"metadata.annotations: Too long\")."
                + " Note that client-side kubectl apply also stores the whole manifest in the"
                + " kubectl.kubernetes.io/last-applied-configuration annotation, so large objects can fail with it"
                + " even below this limit.",
        remediation = "Move large content to a ConfigMap or Secret (or a file in the image), and use kubectl apply"
                + " --server-side or kubectl create for very large objects.")
public final class AnnotationSizeRule implements Rule {

    /** TotalAnnotationSizeLimitB of the API server. */
    static final long LIMIT = 256 * 1024;

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        for (MappingNode metadata : ObjectMetadata.validated(manifest)) {
            metadata.mapping("annotations").ifPresent(annotations -> {
                long size = size(annotations);
                if (size > LIMIT) {
                    ctx.reportKey(metadata, "annotations", "the annotations take " + size + " bytes, more than the "
                            + LIMIT + " (256 KiB) the API server allows");
                }
            });
        }
    }

    private static long size(MappingNode annotations) {
        long size = 0;
        for (MappingNode.Entry e : annotations.entries()) {
            size += e.key().getBytes(StandardCharsets.UTF_8).length;
            size += e.value().asScalar().map(s -> s.asText().getBytes(StandardCharsets.UTF_8).length).orElse(0);
        }
        return size;
    }
}
