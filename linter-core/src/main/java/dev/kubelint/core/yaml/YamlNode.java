package dev.kubelint.core.yaml;

import java.util.Optional;

/**
 * A node of a YAML (or JSON) document, immutable, with its place in the source and its JSON pointer
 * (RFC 6901) from the document root. Values are typed the way kubectl types them (YAML 1.1 scalars).
 */
public sealed interface YamlNode permits MappingNode, SequenceNode, ScalarNode {

    /** Where the node's text is. For a mapping or sequence this covers its whole content. */
    Span span();

    /** JSON pointer of this node from the document root, {@code ""} for the root itself. */
    String pointer();

    /** The node's type as JSON sees it, for messages: "object", "array", "string", "integer", ... */
    String jsonType();

    default Optional<MappingNode> asMapping() {
        return this instanceof MappingNode m ? Optional.of(m) : Optional.empty();
    }

    default Optional<SequenceNode> asSequence() {
        return this instanceof SequenceNode s ? Optional.of(s) : Optional.empty();
    }

    default Optional<ScalarNode> asScalar() {
        return this instanceof ScalarNode s ? Optional.of(s) : Optional.empty();
    }

    /**
     * Follows a JSON pointer from this node. Returns the deepest node found and whether the whole pointer
     * resolved, so a missing field can be reported at its nearest present parent.
     */
    default Optional<YamlNode> at(String relativePointer) {
        YamlNode node = this;
        for (String token : JsonPointers.tokens(relativePointer)) {
            Optional<YamlNode> next = node.child(token);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    /** The deepest existing node along a pointer (this node when the first step is already missing). */
    default YamlNode nearest(String relativePointer) {
        YamlNode node = this;
        for (String token : JsonPointers.tokens(relativePointer)) {
            Optional<YamlNode> next = node.child(token);
            if (next.isEmpty()) {
                return node;
            }
            node = next.get();
        }
        return node;
    }

    /** The direct child named by one unescaped pointer token: a key of a mapping or an index of a sequence. */
    default Optional<YamlNode> child(String token) {
        if (this instanceof MappingNode m) {
            return m.get(token);
        }
        if (this instanceof SequenceNode s) {
            return JsonPointers.index(token).flatMap(s::get);
        }
        return Optional.empty();
    }
}
