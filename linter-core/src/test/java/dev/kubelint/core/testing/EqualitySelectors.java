package dev.kubelint.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Label selectors for tests: comma-separated {@code key=value} and {@code key!=value} terms only. The real
 * parser (set-based terms, positions) is kubelint's label selector; configuration takes any parser.
 */
public final class EqualitySelectors implements Function<String, Predicate<Map<String, String>>> {

    @Override
    public Predicate<Map<String, String>> apply(String text) {
        List<Predicate<Map<String, String>>> terms = new ArrayList<>();
        for (String term : text.split(",")) {
            int ne = term.indexOf("!=");
            int eq = term.indexOf('=');
            if (ne > 0) {
                String key = term.substring(0, ne).trim();
                String value = term.substring(ne + 2).trim();
                terms.add(labels -> !value.equals(labels.get(key)));
            } else if (eq > 0) {
                String key = term.substring(0, eq).trim();
                String value = term.substring(eq + 1).trim();
                terms.add(labels -> value.equals(labels.get(key)));
            } else {
                throw new IllegalArgumentException("want key=value or key!=value, found " + term.trim());
            }
        }
        return labels -> terms.stream().allMatch(t -> t.test(labels));
    }
}
