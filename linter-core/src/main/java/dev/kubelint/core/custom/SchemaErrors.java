package dev.kubelint.core.custom;

import com.networknt.schema.path.NodePath;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.yaml.JsonText;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Turns networknt's errors into {@link SchemaProblem}s: each on its YAML node, with a message in plain words
 * (the known keys for an unknown one, the allowed values for an enumeration), one per node and keyword.
 */
public final class SchemaErrors {

    private SchemaErrors() {}

    /**
     * @param errors   what the validator said about {@code instance}
     * @param instance the YAML node that was validated (instance locations are relative to it)
     * @param schema   the schema's JSON, to name the keys and values it allows
     */
    public static List<SchemaProblem> of(
            Collection<com.networknt.schema.Error> errors, YamlNode instance, JsonNode schema) {
        Map<String, SchemaProblem> unique = new LinkedHashMap<>();
        for (com.networknt.schema.Error e : errors) {
            SchemaProblem p = problem(e, instance, schema);
            unique.putIfAbsent(p.pointer() + " " + p.keyword() + " " + p.detail(), p);
        }
        List<SchemaProblem> result = new ArrayList<>(unique.values());
        result.sort((a, b) -> a.span().start().compareTo(b.span().start()));
        return result;
    }

    private static SchemaProblem problem(com.networknt.schema.Error e, YamlNode instance, JsonNode schema) {
        YamlNode node = YamlJson.locate(instance, path(e.getInstanceLocation()));
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        Optional<String> property = Optional.ofNullable(e.getProperty());
        switch (keyword) {
            case "additionalProperties", "unevaluatedProperties" -> {
                String key = property.orElse("?");
                return new SchemaProblem(
                        node,
                        property,
                        false,
                        keyword,
                        "unknown key " + JsonText.quote(key) + knownKeys(schema, e, key));
            }
            case "required" -> {
                return new SchemaProblem(
                        node, property, true, keyword, "missing required key " + JsonText.quote(property.orElse("?")));
            }
            case "type" -> {
                return new SchemaProblem(node, Optional.empty(), false, keyword, typeMessage(e));
            }
            case "enum" -> {
                return new SchemaProblem(node, Optional.empty(), false, keyword, enumMessage(e));
            }
            case "const" -> {
                return new SchemaProblem(
                        node,
                        Optional.empty(),
                        false,
                        keyword,
                        "must be " + shown(e.getSchemaNode()) + ", not " + shown(e.getInstanceNode()));
            }
            case "pattern" -> {
                return new SchemaProblem(
                        node,
                        Optional.empty(),
                        false,
                        keyword,
                        shown(e.getInstanceNode()) + " does not match the pattern " + argument(e, 0));
            }
            default -> {
                return new SchemaProblem(node, Optional.empty(), false, keyword, e.getMessage());
            }
        }
    }

    /** The elements of a validator path: keys (String) and indexes (Integer). */
    public static List<Object> path(NodePath path) {
        List<Object> elements = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            elements.add(path.getElement(i));
        }
        return elements;
    }

    private static String typeMessage(com.networknt.schema.Error e) {
        String found = argument(e, 0);
        List<String> expected = splitList(argument(e, 1)).stream()
                .filter(t -> !t.equals("null"))
                .toList();
        if (expected.isEmpty()) {
            expected = List.of("null");
        }
        return "expected " + orList(expected) + ", found " + found
                + (e.getInstanceNode() != null
                                && e.getInstanceNode().isValueNode()
                                && !e.getInstanceNode().isNull()
                        ? " " + shown(e.getInstanceNode())
                        : "");
    }

    private static String enumMessage(com.networknt.schema.Error e) {
        JsonNode values = e.getSchemaNode();
        String allowed;
        if (values != null && values.isArray()) {
            List<String> shown = new ArrayList<>();
            values.forEach(v -> shown.add(v.isString() ? v.asString() : v.toString()));
            allowed = orList(shown);
        } else {
            allowed = argument(e, 0);
        }
        return "must be " + allowed + ", not " + shown(e.getInstanceNode());
    }

    /** For an unknown key: the keys the schema allows there, and the closest one when it looks like a typo. */
    private static String knownKeys(JsonNode schema, com.networknt.schema.Error e, String key) {
        Optional<JsonNode> owner = schemaParent(schema, e);
        if (owner.isEmpty() || !owner.get().has("properties")) {
            return "";
        }
        List<String> known = new ArrayList<>();
        Iterator<String> names = owner.get().get("properties").propertyNames().iterator();
        names.forEachRemaining(known::add);
        if (known.isEmpty()) {
            return "";
        }
        Optional<String> close = Suggestions.closest(key, known, Suggestions.KEYS);
        return close.map(c -> "; did you mean " + JsonText.quote(c) + "?").orElse("") + " (known keys: "
                + String.join(", ", known) + ")";
    }

    /** The schema object that holds the failing keyword. */
    private static Optional<JsonNode> schemaParent(JsonNode schema, com.networknt.schema.Error e) {
        return fragment(e)
                .map(f -> f.substring(0, Math.max(0, f.lastIndexOf('/'))))
                .map(schema::at)
                .filter(n -> !n.isMissingNode());
    }

    private static Optional<String> fragment(com.networknt.schema.Error e) {
        if (e.getSchemaLocation() == null || e.getSchemaLocation().getFragment() == null) {
            return Optional.empty();
        }
        String f = e.getSchemaLocation().getFragment().toString();
        return f.startsWith("/") ? Optional.of(f) : Optional.empty();
    }

    private static String argument(com.networknt.schema.Error e, int i) {
        Object[] args = e.getArguments();
        return args != null && args.length > i && args[i] != null ? args[i].toString() : "";
    }

    private static List<String> splitList(String text) {
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        return List.of(t.split(",")).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static String orList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + items.get(items.size() - 1);
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "null";
        }
        if (value.isString()) {
            return JsonText.quote(value.asString());
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.toString();
    }
}
