package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.schemas.SchemaProblem;
import java.util.List;

/**
 * Where a schema problem goes in the source: a wrong value on the value, an unknown field on its key, a missing
 * field on the key of the object that lacks it (its nearest present parent).
 */
final class Placement {

    private Placement() {}

    /** The location of a problem of an object whose root is {@code root}. */
    static Location locate(String file, int documentIndex, ObjectRef ref, MappingNode root, SchemaProblem problem) {
        String absolute = root.pointer() + problem.pointer();
        switch (problem.kind()) {
            case UNKNOWN_FIELD: {
                List<String> tokens = JsonPointers.tokens(problem.pointer());
                String field = tokens.get(tokens.size() - 1);
                YamlNode parent = root.nearest(parentOf(problem.pointer()));
                if (parent instanceof MappingNode mapping && mapping.has(field)) {
                    return new Location(file, documentIndex, mapping.keySpan(field), absolute, ref);
                }
                return new Location(file, documentIndex, parent.span(), parent.pointer(), ref);
            }
            case MISSING_FIELD:
                return new Location(file, documentIndex, keyOf(root, problem.pointer()), absolute, ref);
            default: {
                YamlNode node = root.nearest(problem.pointer());
                return new Location(file, documentIndex, node.span(), node.pointer(), ref);
            }
        }
    }

    /** The key under which the node at a pointer sits; for the object itself, its kind. */
    private static Span keyOf(MappingNode root, String pointer) {
        if (pointer.isEmpty()) {
            return root.has("kind") ? root.keySpan("kind") : start(root);
        }
        List<String> tokens = JsonPointers.tokens(pointer);
        YamlNode parent = root.nearest(parentOf(pointer));
        String last = tokens.get(tokens.size() - 1);
        if (parent instanceof MappingNode mapping && mapping.has(last)) {
            return mapping.keySpan(last);
        }
        if (parent instanceof SequenceNode) {
            return start(root.nearest(pointer));
        }
        return start(parent);
    }

    private static Span start(YamlNode node) {
        return new Span(node.span().start(), node.span().start());
    }

    private static String parentOf(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? "" : pointer.substring(0, slash);
    }
}
