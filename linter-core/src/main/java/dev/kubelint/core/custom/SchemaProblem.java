package dev.kubelint.core.custom;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlNode;
import java.util.Optional;

/**
 * One JSON Schema error, placed on the YAML node it is about.
 *
 * @param node     the failing node; for a missing or unknown key, the mapping that lacks or has it
 * @param key      the key an unknown-key or missing-key error is about
 * @param missing  whether the key is missing (reported at the mapping) rather than present (reported at the key)
 * @param keyword  the JSON Schema keyword that failed ("type", "required", "pattern", ...)
 * @param detail   what is wrong, in plain words, without the place
 */
public record SchemaProblem(YamlNode node, Optional<String> key, boolean missing, String keyword, String detail) {

    /** The span to show: the key itself when it is present, the start of the mapping when it is missing. */
    public Span span() {
        if (key.isPresent() && node instanceof MappingNode m) {
            if (m.has(key.get())) {
                return m.keySpan(key.get());
            }
            return new Span(m.span().start(), m.span().start());
        }
        return node.span();
    }

    /** The JSON pointer of the place: the key's when it is present. */
    public String pointer() {
        if (key.isPresent() && node instanceof MappingNode m && m.has(key.get())) {
            return dev.kubelint.core.yaml.JsonPointers.child(m.pointer(), key.get());
        }
        return node.pointer();
    }
}
