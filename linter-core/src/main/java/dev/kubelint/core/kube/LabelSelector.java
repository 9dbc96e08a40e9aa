package dev.kubelint.core.kube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A label selector as Kubernetes evaluates it (k8s.io/apimachinery/pkg/labels): a conjunction of requirements on
 * an object's labels. {@link #parse} reads the string form that {@code kubectl get -l} takes; structured selectors
 * ({@code matchLabels}/{@code matchExpressions}) are read into the same model by {@link StructuredSelector}.
 */
public final class LabelSelector {

    /** How a requirement relates a label's value to its values. */
    public enum Operator {
        EQUALS("="),
        DOUBLE_EQUALS("=="),
        NOT_EQUALS("!="),
        IN(" in "),
        NOT_IN(" notin "),
        EXISTS(""),
        DOES_NOT_EXIST(""),
        GREATER_THAN(">"),
        LESS_THAN("<");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** Whether the operator compares with a set of values written in parentheses. */
        public boolean isSetBased() {
            return this == IN || this == NOT_IN;
        }

        /** Whether the operator looks at the key only. */
        public boolean isUnary() {
            return this == EXISTS || this == DOES_NOT_EXIST;
        }
    }

    /**
     * One requirement: a key, an operator and its values (sorted and without duplicates, as Kubernetes keeps
     * them; empty for {@link Operator#EXISTS} and {@link Operator#DOES_NOT_EXIST}).
     */
    public record Requirement(String key, Operator operator, List<String> values) {

        public Requirement {
            Objects.requireNonNull(key);
            Objects.requireNonNull(operator);
            values = List.copyOf(new TreeSet<>(values));
        }

        /**
         * Whether labels satisfy this requirement. {@code !=} and {@code notin} match objects that lack the key;
         * {@code >} and {@code <} need the key with an integer value.
         */
        public boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            boolean has = labels.containsKey(key);
            switch (operator) {
                case EQUALS:
                case DOUBLE_EQUALS:
                case IN:
                    return has && values.contains(value);
                case NOT_EQUALS:
                case NOT_IN:
                    return !has || !values.contains(value);
                case EXISTS:
                    return has;
                case DOES_NOT_EXIST:
                    return !has;
                case GREATER_THAN:
                case LESS_THAN:
                    return has && compares(value);
                default:
                    return false;
            }
        }

        private boolean compares(String value) {
            Optional<Long> actual = parseInteger(value);
            Optional<Long> bound = values.size() == 1 ? parseInteger(values.get(0)) : Optional.empty();
            if (actual.isEmpty() || bound.isEmpty()) {
                return false;
            }
            return operator == Operator.GREATER_THAN ? actual.get() > bound.get() : actual.get() < bound.get();
        }

        /** The requirement in the string syntax, as Kubernetes prints it: {@code app in (a,b)}, {@code !debug}. */
        @Override
        public String toString() {
            switch (operator) {
                case EXISTS:
                    return key;
                case DOES_NOT_EXIST:
                    return "!" + key;
                case IN:
                case NOT_IN:
                    return key + operator.symbol + "(" + String.join(",", values) + ")";
                default:
                    return key + operator.symbol + String.join(",", values);
            }
        }
    }

    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        List<Requirement> sorted = new ArrayList<>(requirements);
        // stable sort by key only, as Kubernetes does, so that equal selectors print alike
        sorted.sort(Comparator.comparing(Requirement::key));
        this.requirements = List.copyOf(sorted);
    }

    /** The selector without requirements: it matches every object. */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    public static LabelSelector of(List<Requirement> requirements) {
        return requirements.isEmpty() ? EVERYTHING : new LabelSelector(requirements);
    }

    /** Equality requirements for each entry, like a Service's or ReplicationController's selector map. */
    public static LabelSelector ofMap(Map<String, String> labels) {
        List<Requirement> requirements = new ArrayList<>();
        labels.forEach((k, v) -> requirements.add(new Requirement(k, Operator.EQUALS, List.of(v))));
        return of(requirements);
    }

    /**
     * Reads the string syntax of {@code kubectl get -l}: comma-separated requirements {@code key}, {@code !key},
     * {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (v1,v2)}, {@code key notin (v1,v2)},
     * {@code key>1}, {@code key<1}. Keys must be qualified names and values label values, as Kubernetes checks them.
     * An empty (or blank) text selects everything.
     *
     * @throws LabelSelectorException naming the column and what was expected there
     */
    public static LabelSelector parse(String text) throws LabelSelectorException {
        return of(new LabelSelectorParser(text).parse());
    }

    /** Requirements sorted by key. */
    public List<Requirement> requirements() {
        return requirements;
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** Whether labels satisfy every requirement. */
    public boolean matches(Map<String, String> labels) {
        return firstMismatch(labels).isEmpty();
    }

    /** The first requirement (by key) that the labels do not satisfy, for messages. */
    public Optional<Requirement> firstMismatch(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Parses an integer as Go's {@code strconv.ParseInt(s, 10, 64)} does (optional sign, decimal digits). */
    static Optional<Long> parseInteger(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return Optional.empty();
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector other && requirements.equals(other.requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }

    /** The selector in the string syntax (requirements by key, joined with ','); empty for {@link #everything()}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Requirement r : requirements) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(r);
        }
        return text.toString();
    }
}
