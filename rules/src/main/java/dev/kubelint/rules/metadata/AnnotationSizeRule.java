package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.ObjectMetadata;

/** Annotations larger than the API server allows. */
@RuleInfo(
        id = "annotation-size",
        category = "metadata",
        severity = Severity.ERROR,
        summary = "The annotations of an object add up to more than 256 KiB")
public final class AnnotationSizeRule implements Rule {

    /** TotalAnnotationSizeLimitB of the API server. */
    static final long LIMIT = 256 * 1024;

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        for (MappingNode metadata : ObjectMetadata.validated(manifest)) {
            metadata.mapping("annotations").ifPresent(annotations -> {
                if (size(annotations) > LIMIT) {
                    ctx.reportKey(
                            metadata,
                            "annotations",
                            "the annotations take more than " + LIMIT
                                    + " bytes (256 KiB), the most the API server allows");
                }
            });
        }
    }

    /**
     * The UTF-8 bytes of every key and value, counted only until they pass the limit: aliases can make a small
     * document hold thousands of copies of one large value, and counting them all would take time in proportion
     * to the expanded size instead of the file's.
     */
    private static long size(MappingNode annotations) {
        long size = 0;
        for (MappingNode.Entry e : annotations.entries()) {
            size = utf8Length(e.key(), size);
            size = utf8Length(e.value().asScalar().map(s -> s.asText()).orElse(""), size);
            if (size > LIMIT) {
                return size;
            }
        }
        return size;
    }

    /** {@code size} plus the UTF-8 length of {@code text}, or a number over the limit as soon as it passes it. */
    private static long utf8Length(String text, long size) {
        long total = size;
        for (int i = 0; i < text.length() && total <= LIMIT; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                total += 1;
            } else if (c < 0x800) {
                total += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                total += 4;
                i++;
            } else {
                total += 3;
            }
        }
        return total;
    }
}
