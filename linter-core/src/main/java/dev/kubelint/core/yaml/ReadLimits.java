package dev.kubelint.core.yaml;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Guards against hostile or runaway input. Each limit, when hit, becomes an {@code input-limit} finding that
 * names it; the defaults fit any real manifest.
 *
 * @param maxFileBytes      largest file read, in bytes (checked before parsing)
 * @param maxDocuments      documents read per file; later ones are skipped
 * @param maxDepth          nesting depth of mappings and sequences
 * @param maxAliasNodes     nodes that aliases and merge keys may copy, per document
 * @param maxScalarLength   longest scalar, in characters
 */
public record ReadLimits(long maxFileBytes, int maxDocuments, int maxDepth, int maxAliasNodes, int maxScalarLength) {

    public static final ReadLimits DEFAULTS = new ReadLimits(16L * 1024 * 1024, 20_000, 256, 100_000, 2 * 1024 * 1024);

    /** The option and configuration key that raises each limit, for messages. */
    public enum Limit {
        FILE_SIZE("max-file-bytes"),
        DOCUMENTS("max-documents"),
        DEPTH("max-depth"),
        ALIAS_NODES("max-alias-nodes"),
        SCALAR_LENGTH("max-scalar-length");

        private final String key;

        Limit(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The least value: a document may be allowed no alias at all, but must have room for something. */
        public long min() {
            return this == ALIAS_NODES ? 0 : 1;
        }

        /** The greatest value: file sizes are longs, the rest are ints. */
        public long max() {
            return this == FILE_SIZE ? Long.MAX_VALUE : Integer.MAX_VALUE;
        }

        /** The limit of a key such as "max-depth". */
        public static Optional<Limit> byKey(String key) {
            return Stream.of(values()).filter(l -> l.key.equals(key)).findFirst();
        }

        /** Every key, in declaration order. */
        public static List<String> keys() {
            return Stream.of(values()).map(Limit::key).toList();
        }

        /** "raise it with --limit max-depth=N or limits.max-depth in .kubelint.yaml". */
        public String howToRaise() {
            return "raise it with --limit " + key + "=N or limits: {" + key + ": N} in .kubelint.yaml";
        }
    }

    public ReadLimits {
        if (maxFileBytes < 1 || maxDocuments < 1 || maxDepth < 1 || maxAliasNodes < 0 || maxScalarLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ReadLimits with(Limit limit, long value) {
        return switch (limit) {
            case FILE_SIZE -> new ReadLimits(value, maxDocuments, maxDepth, maxAliasNodes, maxScalarLength);
            case DOCUMENTS ->
                new ReadLimits(maxFileBytes, Math.toIntExact(value), maxDepth, maxAliasNodes, maxScalarLength);
            case DEPTH ->
                new ReadLimits(maxFileBytes, maxDocuments, Math.toIntExact(value), maxAliasNodes, maxScalarLength);
            case ALIAS_NODES ->
                new ReadLimits(maxFileBytes, maxDocuments, maxDepth, Math.toIntExact(value), maxScalarLength);
            case SCALAR_LENGTH ->
                new ReadLimits(maxFileBytes, maxDocuments, maxDepth, maxAliasNodes, Math.toIntExact(value));
        };
    }
}
