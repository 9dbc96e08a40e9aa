package dev.kubelint.rules.admission;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Label selectors ({@code matchLabels}, {@code matchExpressions}) given as JSON, as the API server applies them. */
final class Selectors {

    private Selectors() {}

    /** Whether labels satisfy a selector; an empty selector matches everything, an invalid one nothing. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isNull()) {
            return true;
        }
        for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
            if (!e.getValue().asString("").equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode r : selector.path("matchExpressions")) {
            String key = r.path("key").asString("");
            String value = labels.get(key);
            boolean listed = false;
            for (JsonNode v : r.path("values")) {
                listed |= v.asString("").equals(value);
            }
            boolean holds = switch (r.path("operator").asString("")) {
                case "In" -> value != null && listed;
                case "NotIn" -> value == null || !listed;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
