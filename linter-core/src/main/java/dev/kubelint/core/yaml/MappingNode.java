package dev.kubelint.core.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping. Keys are strings as Kubernetes sees them (a YAML key {@code on} is {@code "true"}); when a key
 * occurs twice the last one wins, as in kubectl, and the reader reports the duplicate.
 */
public final class MappingNode implements YamlNode {

    /** One key and its value; {@code keySpan} is where the key is written. */
    public record Entry(String key, Span keySpan, YamlNode value) {}

    private final Span span;
    private final String pointer;
    private final List<Entry> entries;
    private final Map<String, Entry> byKey;

    public MappingNode(Span span, String pointer, List<Entry> entries) {
        this.span = span;
        this.pointer = pointer;
        this.entries = List.copyOf(entries);
        Map<String, Entry> index = new LinkedHashMap<>(Math.max(4, entries.size() * 2));
        for (Entry e : entries) {
            index.put(e.key(), e);
        }
        this.byKey = Collections.unmodifiableMap(index);
    }

    @Override
    public Span span() {
        return span;
    }

    @Override
    public String pointer() {
        return pointer;
    }

    @Override
    public String jsonType() {
        return "object";
    }

    /** Entries in source order, without the earlier occurrences of duplicated keys. */
    public List<Entry> entries() {
        return byKey.size() == entries.size() ? entries : List.copyOf(byKey.values());
    }

    public int size() {
        return byKey.size();
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }

    public Optional<YamlNode> get(String key) {
        Entry e = byKey.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** A present, non-null child mapping. */
    public Optional<MappingNode> mapping(String key) {
        return get(key).flatMap(YamlNode::asMapping);
    }

    /** A present child sequence. */
    public Optional<SequenceNode> sequence(String key) {
        return get(key).flatMap(YamlNode::asSequence);
    }

    /** A present, non-null scalar child. */
    public Optional<ScalarNode> scalar(String key) {
        return get(key).flatMap(YamlNode::asScalar).filter(s -> !s.isNull());
    }

    /** A string child's value (only when it is a string scalar). */
    public Optional<String> string(String key) {
        return scalar(key).flatMap(ScalarNode::stringValue);
    }

    /**
     * The entries whose values are non-null scalars, each as its text, in source order (a label or annotation map as
     * Kubernetes reads it); a new map the caller may change.
     */
    public Map<String, String> scalarTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Entry e : entries) {
            e.value().asScalar().filter(s -> !s.isNull()).ifPresent(s -> texts.put(e.key(), s.asText()));
        }
        return texts;
    }

    /** The span of a key, for findings about the key or about its missing children. */
    public Span keySpan(String key) {
        Entry e = byKey.get(key);
        return e == null ? span : e.keySpan();
    }

    @Override
    public String toString() {
        return "MappingNode" + byKey.keySet() + "@" + span.start();
    }
}
