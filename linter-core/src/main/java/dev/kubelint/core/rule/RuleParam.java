package dev.kubelint.core.rule;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed rule parameter: name, description, default, and how a configured value is read. Declare it as a
 * {@code public static final} field of the rule class; read it with {@link RuleContext#param(RuleParam)}.
 */
public final class RuleParam<T> {

    /** A value of the right type that the parameter does not accept; the message says why. */
    public static final class InvalidValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidValueException(String message) {
            super(message);
        }
    }

    /** The types a configuration file can give a parameter. */
    public enum Type {
        INTEGER,
        BOOLEAN,
        STRING,
        STRING_LIST
    }

    private final String name;
    private final Type type;
    private final String description;
    private final T defaultValue;
    private final Function<Object, T> converter;

    private RuleParam(String name, Type type, String description, T defaultValue, Function<Object, T> converter) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.description = Objects.requireNonNull(description);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.converter = converter;
    }

    public static RuleParam<Long> integer(String name, long defaultValue, String description) {
        return new RuleParam<>(name, Type.INTEGER, description, defaultValue, v -> {
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            throw new IllegalArgumentException("expected an integer");
        });
    }

    public static RuleParam<Boolean> bool(String name, boolean defaultValue, String description) {
        return new RuleParam<>(name, Type.BOOLEAN, description, defaultValue, v -> {
            if (v instanceof Boolean b) {
                return b;
            }
            throw new IllegalArgumentException("expected true or false");
        });
    }

    public static RuleParam<String> string(String name, String defaultValue, String description) {
        return new RuleParam<>(name, Type.STRING, description, defaultValue, v -> {
            if (v instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException("expected a string");
        });
    }

    /**
     * A string parameter whose values are checked when the configuration is read: {@code problem} tells why a value
     * is not acceptable, or is empty when it is.
     */
    public static RuleParam<String> string(
            String name,
            String defaultValue,
            String description,
            Function<String, java.util.Optional<String>> problem) {
        return new RuleParam<>(name, Type.STRING, description, defaultValue, v -> {
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException("expected a string");
            }
            problem.apply(s).ifPresent(p -> {
                throw new InvalidValueException(p);
            });
            return s;
        });
    }

    public static RuleParam<List<String>> stringList(String name, List<String> defaultValue, String description) {
        return new RuleParam<>(name, Type.STRING_LIST, description, List.copyOf(defaultValue), v -> {
            if (v instanceof List<?> list && list.stream().allMatch(i -> i instanceof String)) {
                return list.stream().map(String.class::cast).toList();
            }
            throw new IllegalArgumentException("expected a list of strings");
        });
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /**
     * Reads a configured value (a Long, Boolean, String or List of Strings as the configuration reader gives it).
     *
     * @throws IllegalArgumentException with a short reason when the value has the wrong type
     */
    public T convert(Object value) {
        return converter.apply(value);
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ", default " + defaultValue + ")";
    }
}
