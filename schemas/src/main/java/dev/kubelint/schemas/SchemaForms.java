package dev.kubelint.schemas;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The forms of a {@code oneOf} or {@code anyOf} as messages name them: by a field with one allowed value ("the
 * IPAddress form"), by their required fields ("the form with tcpSocket"), by their type, or by their number.
 */
final class SchemaForms {

    private SchemaForms() {}

    /**
     * "matches both the IPAddress and the Hostname form": the forms of a {@code oneOf} that all accepted the value,
     * read from the combinator's arguments (the indexes of the branches that matched).
     */
    static String matched(Error oneOf) {
        Object[] arguments = oneOf.getArguments();
        List<String> names = new ArrayList<>();
        if (arguments != null && arguments.length > 1 && arguments[1] != null) {
            for (String index : String.valueOf(arguments[1]).split("[^0-9]+")) {
                if (!index.isEmpty()
                        && Integer.parseInt(index) < oneOf.getSchemaNode().size()) {
                    names.add(name(oneOf.getSchemaNode(), Integer.parseInt(index)));
                }
            }
        }
        if (names.size() < 2) {
            return "matches more than one of the allowed forms";
        }
        String list = names.size() == 2
                ? "both " + names.get(0) + " and " + names.get(1)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return "matches " + list + ", but must match exactly one form";
    }

    /** " (checked as the IPAddress form, the closest of the IPAddress and the Hostname form)", when forms have names. */
    static Optional<String> closestNote(JsonNode branches, int closest) {
        if (closest >= branches.size() || !named(branches.get(closest))) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            names.add(name(branches, i));
        }
        return Optional.of(" (checked as " + names.get(closest) + ", the closest of " + String.join(", ", names) + ")");
    }

    /** Whether a branch can be named by its own words: a field with one allowed value, or required fields. */
    private static boolean named(JsonNode branch) {
        return singleValue(branch).isPresent() || branch.path("required").size() > 0;
    }

    /** A {@code properties} member with exactly one {@code enum} value: "type: IPAddress" names the IPAddress form. */
    private static Optional<String> singleValue(JsonNode branch) {
        for (Map.Entry<String, JsonNode> p : branch.path("properties").properties()) {
            JsonNode values = p.getValue().path("enum");
            if (values.isArray() && values.size() == 1 && values.get(0).isValueNode()) {
                return Optional.of(values.get(0).asString());
            }
        }
        return Optional.empty();
    }

    /** "the IPAddress form", "the form with tcpSocket", or "form 2" (1-based). */
    static String name(JsonNode branches, int index) {
        JsonNode branch = branches.get(index);
        Optional<String> value = singleValue(branch);
        if (value.isPresent()) {
            return "the " + value.get() + " form";
        }
        if (branch.path("required").size() > 0) {
            List<String> fields = new ArrayList<>();
            branch.path("required").forEach(f -> fields.add(f.asString()));
            return "the form with " + String.join(" and ", fields);
        }
        if (branch.path("type").isString()) {
            return "the " + branch.path("type").asString() + " form";
        }
        return "form " + (index + 1);
    }
}
