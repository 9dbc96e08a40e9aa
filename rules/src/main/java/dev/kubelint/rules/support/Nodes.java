package dev.kubelint.rules.support;

import java.util.ArrayList;
import java.util.List;

import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;

/** Finds nodes by pointer patterns, where {@code *} stands for every item of a sequence. */
public final class Nodes {

    private Nodes() {
    }

    /** Nodes at a pattern such as {@code /spec/ingress/*}{@code /from/*}{@code /podSelector}, in document order. */
    public static List<YamlNode> find(YamlNode root, String pattern) {
        List<YamlNode> current = List.of(root);
        for (String token : JsonPointers.tokens(pattern)) {
            List<YamlNode> next = new ArrayList<>();
            for (YamlNode node : current) {
                if (token.equals("*")) {
                    node.asSequence().ifPresent(seq -> next.addAll(seq.items()));
                } else {
                    node.child(token).ifPresent(next::add);
                }
            }
            current = next;
        }
        return current;
    }

    /** The mappings at a pattern (nodes of other types are left to the schema check). */
    public static List<MappingNode> mappings(YamlNode root, String pattern) {
        return find(root, pattern).stream().flatMap(n -> n.asMapping().stream()).toList();
    }
}
