package dev.kubelint.schemas;

import dev.kubelint.core.yaml.JsonPointers;
import tools.jackson.databind.JsonNode;

/** How the API server writes field paths and values in the messages about a CustomResourceDefinition. */
final class SchemaProblems {

    private SchemaProblems() {}

    /**
     * "spec.versions[0].schema.openAPIV3Schema.properties[spec].type: " for a pointer: indexes and the names under
     * {@code properties} in brackets, as the API server writes them; empty for the root.
     */
    static String path(String pointer) {
        StringBuilder out = new StringBuilder();
        boolean bracket = false;
        for (String token : JsonPointers.tokens(pointer)) {
            if (bracket || !token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                out.append('[').append(token).append(']');
                bracket = false;
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(token);
            bracket = token.equals("properties");
        }
        return out.length() == 0 ? "" : out + ": ";
    }

    /** A value as field errors show it: JSON, long values cut. */
    static String render(JsonNode value) {
        return StructuralSchema.render(value);
    }
}
