package dev.kubelint.core.kube;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps of strings that Kubernetes checks like labels ({@code metadata.labels}, {@code nodeSelector}, selector maps,
 * {@code matchLabels}): keys are qualified names, values label values. Also the one place that explains a value YAML
 * did not read as a string, which every {@code map[string]string} field of the API rejects.
 */
public final class LabelMaps {

    private LabelMaps() {}

    /**
     * Problems with the keys and string values of a label map. {@code noun} names the map in messages:
     * "label" gives "invalid label key ..." and "invalid label value ...". Values of other types are left to
     * {@link #nonStringValues}; keys and values with template placeholders ({@link Placeholders}) are not checked.
     */
    public static List<Problem> validate(MappingNode map, String noun) {
        List<Problem> problems = List.of();
        for (MappingNode.Entry e : map.entries()) {
            if (Placeholders.contains(e.key())) {
                continue;
            }
            List<String> keyProblems = Names.qualifiedName(e.key());
            if (!keyProblems.isEmpty()) {
                problems = add(
                        problems,
                        Problem.atKey(
                                map,
                                e.key(),
                                "invalid " + noun + " key \"" + e.key() + "\": " + String.join("; ", keyProblems)));
            }
            if (e.value() instanceof ScalarNode value && value.isString() && !Placeholders.contains(value.asText())) {
                List<String> valueProblems = Names.labelValue(value.asText());
                if (!valueProblems.isEmpty()) {
                    problems = add(
                            problems,
                            Problem.at(
                                    value,
                                    "invalid " + noun + " value \"" + value.asText() + "\" of \"" + e.key() + "\": "
                                            + String.join("; ", valueProblems)));
                }
            }
        }
        return problems;
    }

    /** Adds to a list that starts as the shared empty list: most maps have no problem, and allocate nothing. */
    private static List<Problem> add(List<Problem> problems, Problem problem) {
        List<Problem> result = problems.isEmpty() ? new ArrayList<>() : problems;
        result.add(problem);
        return result;
    }

    /**
     * Values that YAML reads as a boolean or a number: kubectl sends them as such, and the API server rejects a
     * non-string in a map of strings. Null values are fine (the API reads them as the empty string).
     */
    public static List<Problem> nonStringValues(MappingNode map, String noun) {
        List<Problem> problems = List.of();
        for (MappingNode.Entry e : map.entries()) {
            if (!(e.value() instanceof ScalarNode scalar) || !isBooleanOrNumber(scalar)) {
                continue;
            }
            Optional<String> advice = quoteAdvice(scalar);
            if (advice.isPresent()) {
                problems = add(
                        problems,
                        Problem.at(e.value(), noun + " \"" + e.key() + "\" must be a string, but " + advice.get()));
            }
        }
        return problems;
    }

    /**
     * For a plain scalar that YAML types as a boolean or a number, what it became and how to write it as a
     * string: {@code YAML reads `yes` as the boolean true; write "yes"}.
     */
    private static boolean isBooleanOrNumber(ScalarNode scalar) {
        ScalarType type = scalar.type();
        return type == ScalarType.BOOLEAN || type == ScalarType.INTEGER || type == ScalarType.FLOAT;
    }

    public static Optional<String> quoteAdvice(ScalarNode scalar) {
        String what;
        if (scalar.type() == ScalarType.BOOLEAN) {
            what = "the boolean " + scalar.asText();
        } else if (scalar.type() == ScalarType.INTEGER || scalar.type() == ScalarType.FLOAT) {
            what = "the number " + scalar.asText();
        } else {
            return Optional.empty();
        }
        return Optional.of("YAML reads `" + scalar.text() + "` as " + what + "; write \"" + scalar.text() + "\"");
    }

    /**
     * The map as the API server would store it: scalar values as text (null as the empty string); entries whose
     * value is a mapping or a sequence are left out.
     */
    public static Map<String, String> values(MappingNode map) {
        Map<String, String> result = new LinkedHashMap<>();
        for (MappingNode.Entry e : map.entries()) {
            e.value().asScalar().ifPresent(s -> result.put(e.key(), s.asText()));
        }
        return result;
    }
}
