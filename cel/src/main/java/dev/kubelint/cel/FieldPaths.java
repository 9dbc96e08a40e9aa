package dev.kubelint.cel;

import dev.kubelint.core.yaml.JsonPointers;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code fieldPath} of a validation rule: a path of field names ({@code .spec.name}) and quoted keys
 * ({@code ['a.b']}) below the rule's schema node, valid when every step names a declared property or a key of a map,
 * as the API server's {@code ValidFieldPath} requires.
 */
final class FieldPaths {

    /** A valid field path as a JSON pointer and as the API server writes it (".spec.name", "[key]"). */
    record Resolved(String pointer, String path) {}

    private FieldPaths() {}

    static Optional<Resolved> resolve(String fieldPath, JsonNode schema) {
        StringBuilder pointer = new StringBuilder();
        StringBuilder path = new StringBuilder();
        JsonNode s = schema;
        int i = 0;
        int n = fieldPath.length();
        if (n == 0) {
            return Optional.empty();
        }
        while (i < n) {
            String name;
            char c = fieldPath.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < n && fieldPath.charAt(end) != '.' && fieldPath.charAt(end) != '[') {
                    end++;
                }
                name = fieldPath.substring(i + 1, end);
                i = end;
            } else if (c == '[' && i + 1 < n && fieldPath.charAt(i + 1) == '\'') {
                int end = i + 2;
                StringBuilder key = new StringBuilder();
                while (end < n && fieldPath.charAt(end) != '\'') {
                    if (fieldPath.charAt(end) == '\\' && end + 1 < n) {
                        end++;
                    }
                    key.append(fieldPath.charAt(end));
                    end++;
                }
                if (end + 1 >= n || fieldPath.charAt(end + 1) != ']') {
                    return Optional.empty();
                }
                name = key.toString();
                i = end + 2;
            } else {
                return Optional.empty();
            }
            if (name.isEmpty() || s == null) {
                return Optional.empty();
            }
            JsonNode properties = s.get("properties");
            JsonNode additional = s.get("additionalProperties");
            if (properties != null && properties.isObject() && properties.size() > 0) {
                if (!properties.has(name)) {
                    return Optional.empty();
                }
                path.append('.').append(name);
                s = properties.get(name);
            } else if (additional != null && additional.isObject()) {
                path.append('[').append(name).append(']');
                s = additional;
            } else {
                return Optional.empty();
            }
            pointer.append('/').append(JsonPointers.escape(name));
        }
        return Optional.of(new Resolved(pointer.toString(), path.toString()));
    }
}
