package dev.kubelint.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.yaml.JsonPointers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Turns the validator's errors into {@link SchemaProblem}s a person understands. A failed {@code oneOf} or
 * {@code anyOf} (int-or-string, quantities, CRD alternatives) comes back as one error per branch plus one for
 * the combinator; those collapse into a single problem: "expected integer or string" when no branch accepted
 * the value's type, or else the problems of the branch that came closest.
 */
final class ErrorTranslator {

    private static final int MAX_SHOWN_VALUE = 60;

    private final String kind;
    private final JsonNode document;
    private final Map<SchemaProblem, String> suggestions = new java.util.HashMap<>();

    /** One error with its evaluation path read as keywords. */
    private record Err(Error error, List<Object> steps, String instance) {}

    /** Where the first combinator of an error's evaluation path is. */
    private record Combinator(int step, int depth) {}

    private final boolean statusFieldsOnly;

    /**
     * @param statusFieldsOnly whether {@code status} is checked for its fields and types only, not for the fields
     *                         it requires (built-in kinds: the API server does not hold a created object's status to
     *                         the schema's {@code required} lists)
     */
    ErrorTranslator(String kind, JsonNode document, boolean statusFieldsOnly) {
        this.kind = kind;
        this.document = document;
        this.statusFieldsOnly = statusFieldsOnly;
    }

    List<SchemaProblem> translate(List<Error> errors) {
        List<Err> all = new ArrayList<>();
        for (Error e : errors) {
            all.add(new Err(e, elements(e.getEvaluationPath()), pointer(e.getInstanceLocation())));
        }
        Set<SchemaProblem> problems = new LinkedHashSet<>();
        translate(all, 0, problems);
        if (statusFieldsOnly) {
            problems.removeIf(p -> p.kind() == SchemaProblem.Kind.MISSING_FIELD
                    && (p.pointer().equals("/status") || p.pointer().startsWith("/status/")));
        }
        return mergeMisspeltRequiredFields(problems);
    }

    /**
     * A misspelt required field is one mistake, not two: "missing required field containers" is dropped when an
     * unknown field of the same object suggests "containers", and that finding says the field is required.
     */
    private List<SchemaProblem> mergeMisspeltRequiredFields(Set<SchemaProblem> problems) {
        List<SchemaProblem> result = new ArrayList<>();
        for (SchemaProblem p : problems) {
            if (p.kind() == SchemaProblem.Kind.MISSING_FIELD
                    && problems.stream().anyMatch(u -> misspells(u, p))) {
                continue;
            }
            boolean misspeltRequired = problems.stream().anyMatch(m -> misspells(p, m));
            result.add(
                    misspeltRequired
                            ? new SchemaProblem(p.kind(), p.pointer(), p.field(), p.message() + " (a required field)")
                            : p);
        }
        return List.copyOf(result);
    }

    /** Whether an unknown field is the misspelling of a missing required field of the same object. */
    private boolean misspells(SchemaProblem unknown, SchemaProblem missing) {
        return unknown.kind() == SchemaProblem.Kind.UNKNOWN_FIELD
                && missing.kind() == SchemaProblem.Kind.MISSING_FIELD
                && missing.field().equals(suggestions.get(unknown))
                && JsonPointers.child(missing.pointer(), unknown.field()).equals(unknown.pointer());
    }

    private void translate(List<Err> errors, int from, Set<SchemaProblem> out) {
        Map<String, List<Err>> groups = new LinkedHashMap<>();
        for (Err e : errors) {
            Optional<Combinator> c = combinator(e, from);
            if (c.isEmpty()) {
                out.add(single(e));
            } else {
                String key = e.steps().subList(0, c.get().step() + 1) + "@"
                        + truncate(e.instance(), c.get().depth());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        }
        for (List<Err> group : groups.values()) {
            collapse(group, from, out);
        }
    }

    /** Finds the first oneOf/anyOf at or after step {@code from}, and how deep into the instance it applies. */
    private static Optional<Combinator> combinator(Err e, int from) {
        List<Object> steps = e.steps();
        int depth = 0;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (!(step instanceof String keyword)) {
                continue;
            }
            switch (keyword) {
                case "properties":
                case "patternProperties":
                    depth++;
                    i++;
                    break;
                case "additionalProperties":
                case "items":
                    if (!last) {
                        depth++;
                    }
                    if (i + 1 < steps.size() && steps.get(i + 1) instanceof Integer) {
                        i++;
                    }
                    break;
                case "allOf":
                    i++;
                    break;
                case "oneOf":
                case "anyOf":
                    if (i >= from) {
                        return Optional.of(new Combinator(i, depth));
                    }
                    i++;
                    break;
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    private void collapse(List<Err> group, int from, Set<SchemaProblem> out) {
        Combinator c = combinator(group.get(0), from).orElseThrow();
        String instance = truncate(group.get(0).instance(), c.depth());
        Map<Integer, List<Err>> branches = new TreeMap<>();
        for (Err e : group) {
            int branchStep = c.step() + 1;
            if (branchStep < e.steps().size() && e.steps().get(branchStep) instanceof Integer branch) {
                branches.computeIfAbsent(branch, b -> new ArrayList<>()).add(e);
            }
        }
        Optional<Error> combinator = group.stream()
                .map(Err::error)
                .filter(e -> e.getSchemaNode() != null
                        && e.getSchemaNode().isArray()
                        && (e.getKeyword().equals("oneOf") || e.getKeyword().equals("anyOf")))
                .findFirst();
        if (branches.isEmpty()) {
            out.add(value(
                    instance,
                    combinator.map(SchemaForms::matched).orElse("matches more than one of the allowed forms")));
            return;
        }
        List<String> expected = new ArrayList<>();
        boolean allWrongType = true;
        for (List<Err> branch : branches.values()) {
            Optional<Err> typeError = branch.stream()
                    .filter(e -> e.error().getKeyword().equals("type")
                            && e.instance().equals(instance))
                    .findFirst();
            if (typeError.isPresent()) {
                expected.add(typeNames(typeError.get().error().getSchemaNode()));
            } else {
                allWrongType = false;
            }
        }
        if (allWrongType) {
            out.add(value(
                    instance, expectation(group, expected) + ", found " + describeValue(valueAt(group, instance))));
            return;
        }
        Map.Entry<Integer, List<Err>> closest = branches.entrySet().stream()
                .filter(b -> b.getValue().stream()
                        .noneMatch(e -> e.error().getKeyword().equals("type")
                                && e.instance().equals(instance)))
                .min(Comparator.comparingInt(b -> b.getValue().size()))
                .orElseThrow();
        Set<SchemaProblem> inner = new LinkedHashSet<>();
        translate(closest.getValue(), c.step() + 2, inner);
        Optional<String> note = combinator.flatMap(e -> SchemaForms.closestNote(e.getSchemaNode(), closest.getKey()));
        for (SchemaProblem p : inner) {
            out.add(note.isEmpty() ? p : new SchemaProblem(p.kind(), p.pointer(), p.field(), p.message() + note.get()));
        }
    }

    private String expectation(List<Err> group, List<String> expected) {
        boolean quantity = group.stream()
                .anyMatch(e -> String.valueOf(e.error().getSchemaLocation()).contains(SchemaTrees.QUANTITY));
        if (quantity) {
            return "expected a quantity (a string such as 500m or 1Gi, or a number)";
        }
        return "expected " + String.join(" or ", new LinkedHashSet<>(expected));
    }

    private static JsonNode valueAt(List<Err> group, String instance) {
        for (Err e : group) {
            if (e.instance().equals(instance) && e.error().getInstanceNode() != null) {
                return e.error().getInstanceNode();
            }
        }
        return null;
    }

    private SchemaProblem single(Err e) {
        Error error = e.error();
        JsonNode instanceNode = error.getInstanceNode();
        switch (error.getKeyword()) {
            case "type":
                return value(
                        e.instance(),
                        "expected " + typeNames(error.getSchemaNode()) + ", found " + describeValue(instanceNode));
            case "additionalProperties":
                return unknownField(e);
            case "required":
                return new SchemaProblem(
                        SchemaProblem.Kind.MISSING_FIELD,
                        e.instance(),
                        error.getProperty(),
                        "missing required field \"" + error.getProperty() + "\" in " + where(e.instance()));
            case "format":
                return value(e.instance(), formatMessage(error.getSchemaNode().asString(), instanceNode, e.instance()));
            case "pattern":
                return value(
                        e.instance(),
                        "Invalid value: " + StructuralSchema.render(instanceNode) + ": " + inBody(e.instance())
                                + " should match '" + error.getSchemaNode().asString() + "'");
            case "enum":
                return value(
                        e.instance(),
                        "must be one of " + listValues(error.getSchemaNode()) + ", found "
                                + describeValue(instanceNode));
            default:
                return value(e.instance(), error.getMessage());
        }
    }

    private SchemaProblem unknownField(Err e) {
        String field = e.error().getProperty();
        String message = "unknown field \"" + field + "\" in " + where(e.instance());
        Optional<String> suggestion = Suggestions.closest(field, knownProperties(e.error()), Suggestions.FIELD_NAMES);
        if (suggestion.isPresent()) {
            message += "; did you mean \"" + suggestion.get() + "\"?";
        }
        SchemaProblem problem = new SchemaProblem(
                SchemaProblem.Kind.UNKNOWN_FIELD, JsonPointers.child(e.instance(), field), field, message);
        suggestion.ifPresent(s -> suggestions.put(problem, s));
        return problem;
    }

    /** The property names of the schema whose additionalProperties rejected a field. */
    private List<String> knownProperties(Error error) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        List<Object> steps = elements(fragment);
        if (steps.isEmpty()) {
            return List.of();
        }
        StringBuilder parent = new StringBuilder();
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent.append('/').append(JsonPointers.escape(String.valueOf(step)));
        }
        JsonNode properties = document.at(parent.toString()).get("properties");
        return properties == null ? List.of() : List.copyOf(properties.propertyNames());
    }

    /** How the API server names a field in OpenAPI validation errors: "spec.port in body". */
    private static String inBody(String pointer) {
        String path = JsonPointers.toPath(pointer);
        return (path.isEmpty() ? "body" : path + " in body");
    }

    private String formatMessage(String format, JsonNode value, String pointer) {
        String text = value == null ? "" : value.asString();
        if (format.startsWith(CrdFormats.PREFIX)) {
            return "Invalid value: " + StructuralSchema.render(value) + ": " + inBody(pointer) + " must be of type "
                    + format.substring(CrdFormats.PREFIX.length()) + ": " + StructuralSchema.render(value);
        }
        switch (format) {
            case "int32":
            case "int64":
                return value + " is out of range for " + format + " ("
                        + (format.equals("int32") ? "-2147483648 to 2147483647" : "a signed 64-bit integer") + ")";
            case "byte":
                return "expected base64 data, but "
                        + KubeFormats.base64Problem(text).orElse("it is not base64");
            case "date-time":
                return "expected a time in RFC 3339 form such as 2024-05-01T12:00:00Z, found " + describeValue(value);
            case KubeFormats.QUANTITY:
                return Quantities.problem(text).orElse("not a valid quantity");
            default:
                return describeValue(value) + " is not a valid " + format;
        }
    }

    private SchemaProblem value(String pointer, String message) {
        String path = JsonPointers.toPath(pointer);
        return SchemaProblem.value(pointer, path.isEmpty() ? message : path + ": " + message);
    }

    /** "Pod spec.containers[0]", or "Pod" for the object itself. */
    private String where(String pointer) {
        String path = JsonPointers.toPath(pointer);
        return path.isEmpty() ? kind : kind + " " + path;
    }

    private static String typeNames(JsonNode type) {
        if (type == null) {
            return "another type";
        }
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.isString() ? t.asString() : t.toString()));
            return String.join(" or ", names);
        }
        // a malformed definition (type: {a: 1}) is reported on the CRD; here it only has to be named
        return type.isString() ? type.asString() : type.toString();
    }

    private static String listValues(JsonNode values) {
        List<String> shown = new ArrayList<>();
        for (JsonNode v : values) {
            if (shown.size() == 10) {
                shown.add("...");
                break;
            }
            shown.add(v.isString() ? quote(v.stringValue()) : v.toString());
        }
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.get(shown.size() - 1);
    }

    /** "string \"80a\"", "integer 80", "boolean true", "object". */
    static String describeValue(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "another type";
        }
        if (value.isString()) {
            return "string " + quote(value.stringValue());
        }
        if (value.isIntegralNumber()) {
            return "integer " + value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return "number " + value.doubleValue();
        }
        if (value.isBoolean()) {
            return "boolean " + value.booleanValue();
        }
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        return "null";
    }

    private static String quote(String s) {
        String shown = s.length() > MAX_SHOWN_VALUE ? s.substring(0, MAX_SHOWN_VALUE) + "..." : s;
        return dev.kubelint.core.yaml.JsonText.quote(shown);
    }

    private static List<Object> elements(NodePath path) {
        List<Object> steps = new ArrayList<>();
        if (path == null) {
            return steps;
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            steps.add(path.getElement(i));
        }
        return steps;
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (Object step : elements(path)) {
            pointer.append('/').append(JsonPointers.escape(String.valueOf(step)));
        }
        return pointer.toString();
    }

    /** The first {@code depth} tokens of a pointer. */
    private static String truncate(String pointer, int depth) {
        List<String> tokens = JsonPointers.tokens(pointer);
        StringBuilder out = new StringBuilder();
        for (String token : tokens.subList(0, Math.min(depth, tokens.size()))) {
            out.append('/').append(JsonPointers.escape(token));
        }
        return out.toString();
    }
}
