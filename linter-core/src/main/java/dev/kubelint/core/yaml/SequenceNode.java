package dev.kubelint.core.yaml;

import java.util.List;
import java.util.Optional;

/** A sequence (a JSON array). */
public record SequenceNode(Span span, String pointer, List<YamlNode> items) implements YamlNode {

    public SequenceNode {
        items = List.copyOf(items);
    }

    @Override
    public String jsonType() {
        return "array";
    }

    public Optional<YamlNode> get(int index) {
        return index >= 0 && index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }

    public int size() {
        return items.size();
    }

    /** The items that are mappings, the usual shape of Kubernetes lists (containers, ports, volumes). */
    public List<MappingNode> mappings() {
        return items.stream().flatMap(i -> i.asMapping().stream()).toList();
    }
}
