package dev.kubelint.rules.support;

import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Finds nodes by pointer patterns, where {@code *} stands for every item of a sequence. */
public final class Nodes {

    /** Patterns are constants of the rules, looked up for every object: split each once. */
    private static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();

    private static final int MAX_CACHED_PATTERNS = 1024;

    private Nodes() {}

    /** Nodes at a pattern such as {@code /spec/ingress/*}{@code /from/*}{@code /podSelector}, in document order. */
    public static List<YamlNode> find(YamlNode root, String pattern) {
        List<YamlNode> found = new ArrayList<>(2);
        collect(root, tokens(pattern), 0, found, false);
        return found;
    }

    /** The mappings at a pattern (nodes of other types are left to the schema check). */
    public static List<MappingNode> mappings(YamlNode root, String pattern) {
        List<YamlNode> found = new ArrayList<>(2);
        collect(root, tokens(pattern), 0, found, true);
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<MappingNode> mappings = (List) found;
        return mappings;
    }

    /** Depth first, items in order: the same order as expanding the pattern level by level. */
    private static void collect(YamlNode node, String[] tokens, int i, List<YamlNode> found, boolean mappingsOnly) {
        if (i == tokens.length) {
            if (!mappingsOnly || node instanceof MappingNode) {
                found.add(node);
            }
            return;
        }
        String token = tokens[i];
        if (token.equals("*")) {
            if (node instanceof SequenceNode sequence) {
                for (YamlNode item : sequence.items()) {
                    collect(item, tokens, i + 1, found, mappingsOnly);
                }
            }
            return;
        }
        if (node instanceof MappingNode mapping && !mapping.has(token)) {
            return;
        }
        Optional<YamlNode> child = node.child(token);
        if (child.isPresent()) {
            collect(child.get(), tokens, i + 1, found, mappingsOnly);
        }
    }

    private static String[] tokens(String pattern) {
        String[] tokens = TOKENS.get(pattern);
        if (tokens == null) {
            tokens = JsonPointers.tokens(pattern).toArray(new String[0]);
            if (TOKENS.size() < MAX_CACHED_PATTERNS) {
                TOKENS.put(pattern, tokens);
            }
        }
        return tokens;
    }
}
