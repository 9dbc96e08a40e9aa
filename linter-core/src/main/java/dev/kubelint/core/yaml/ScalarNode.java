package dev.kubelint.core.yaml;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A scalar with its source text, style and the value kubectl would send to the API server.
 * {@code value} is a {@link String}, {@link Boolean}, {@link Long} or {@link BigInteger}, {@link Double}, or
 * {@code null}.
 */
public record ScalarNode(Span span, String pointer, String text, ScalarStyle style, ScalarType type, Object value)
        implements YamlNode {

    @Override
    public String jsonType() {
        return type.jsonName();
    }

    public boolean isNull() {
        return type == ScalarType.NULL;
    }

    public boolean isString() {
        return type == ScalarType.STRING;
    }

    /** The value as a string, for any type; numbers and booleans as kubectl would print them. */
    public String asText() {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    /** The string value when this is a string. */
    public Optional<String> stringValue() {
        return type == ScalarType.STRING ? Optional.of((String) value) : Optional.empty();
    }

    /** An integral value (an integer, or a float without fraction, as the API server accepts them). */
    public Optional<Long> longValue() {
        if (value instanceof Long l) {
            return Optional.of(l);
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= 9.007199254740992E15) {
            return Optional.of(d.longValue());
        }
        return Optional.empty();
    }

    public Optional<Boolean> booleanValue() {
        return value instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** The value as kubectl's YAML-to-JSON conversion produces it, as JSON text. */
    public String toJson() {
        switch (type) {
            case NULL:
                return "null";
            case BOOLEAN:
            case INTEGER:
                return value.toString();
            case FLOAT:
                return asText();
            default:
                return JsonText.quote((String) value);
        }
    }
}
