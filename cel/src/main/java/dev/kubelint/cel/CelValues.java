package dev.kubelint.cel;

import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Converts JSON values to CEL values as Kubernetes' {@code UnstructuredToVal} does, guided by the schema: objects
 * to maps, arrays to lists, integers to {@code int} (or {@code double} where the schema says number), strings of
 * format {@code byte}, {@code date}, {@code date-time} and {@code duration} to bytes, timestamps and durations.
 * A null member is left out unless its schema is nullable, as the API server prunes it.
 */
public final class CelValues {

    private static final Pattern GO_DURATION = Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|ms|s|m|h)");

    private CelValues() {}

    /** A value without schema: plain JSON to CEL. */
    public static Object of(JsonNode value) {
        return of(value, null, false);
    }

    /**
     * A value of a schema.
     *
     * @param resourceRoot whether the value is a whole resource: only {@code metadata.name} and
     *                     {@code metadata.generateName} of its metadata are visible, as on the server
     */
    public static Object of(JsonNode value, JsonNode schema, boolean resourceRoot) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        if (schema == null || !schema.isObject()) {
            return untyped(value);
        }
        if (value.isObject()) {
            boolean embedded = resourceRoot || SchemaTypes.isTrue(schema, "x-kubernetes-embedded-resource");
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.get("additionalProperties");
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                String key = e.getKey();
                JsonNode member = e.getValue();
                JsonNode memberSchema = properties != null && properties.has(key)
                        ? properties.get(key)
                        : additional != null && additional.isObject() ? additional : null;
                if (embedded && key.equals("metadata")) {
                    map.put(key, metadata(member));
                    continue;
                }
                if (memberSchema == null && (embedded && (key.equals("apiVersion") || key.equals("kind")))) {
                    map.put(key, untyped(member));
                    continue;
                }
                if (memberSchema == null && properties != null && properties.size() > 0) {
                    continue;
                }
                if (member.isNull() && (memberSchema == null || !SchemaTypes.isTrue(memberSchema, "nullable"))) {
                    continue;
                }
                map.put(key, of(member, memberSchema, false));
            }
            if (properties != null) {
                // the API server applies defaults before it validates
                for (Map.Entry<String, JsonNode> p : properties.properties()) {
                    JsonNode fallback = p.getValue().get("default");
                    if (fallback != null
                            && !fallback.isNull()
                            && !map.containsKey(p.getKey())
                            && !value.has(p.getKey())) {
                        map.put(p.getKey(), of(fallback, p.getValue(), false));
                    }
                }
            }
            return map;
        }
        if (value.isArray()) {
            JsonNode items = schema.get("items");
            List<Object> list = new ArrayList<>(value.size());
            for (JsonNode item : value) {
                list.add(of(item, items, false));
            }
            return list;
        }
        String type = schema.path("type").asString("");
        if (value.isString() && type.equals("string")) {
            return formatted(value.asString(), schema.path("format").asString(""));
        }
        if (value.isNumber() && type.equals("number")) {
            return value.doubleValue();
        }
        return untyped(value);
    }

    private static Object metadata(JsonNode meta) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (meta != null && meta.isObject()) {
            for (String key : List.of("name", "generateName")) {
                JsonNode v = meta.get(key);
                if (v != null && v.isString()) {
                    map.put(key, v.asString());
                }
            }
        }
        return map;
    }

    private static Object formatted(String s, String format) {
        try {
            switch (format) {
                case "byte":
                    return CelByteString.of(Base64.getDecoder().decode(s));
                case "date":
                    return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
                case "date-time":
                    return OffsetDateTime.parse(s).toInstant();
                case "duration":
                    return goDuration(s);
                default:
                    return s;
            }
        } catch (RuntimeException e) {
            return s;
        }
    }

    /** Go's {@code time.ParseDuration}: "1h30m", "-1.5s", "0". */
    static Duration goDuration(String s) {
        String text = s;
        boolean negative = text.startsWith("-");
        if (negative || text.startsWith("+")) {
            text = text.substring(1);
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = GO_DURATION.matcher(text);
        int pos = 0;
        double nanos = 0;
        while (pos < text.length() && m.find(pos) && m.start() == pos) {
            double n = Double.parseDouble(m.group(1));
            nanos += n
                    * switch (m.group(2)) {
                        case "ns" -> 1;
                        case "us", "µs" -> 1e3;
                        case "ms" -> 1e6;
                        case "s" -> 1e9;
                        case "m" -> 60e9;
                        default -> 3600e9;
                    };
            pos = m.end();
        }
        if (pos != text.length() || text.isEmpty()) {
            throw new IllegalArgumentException("time: invalid duration \"" + s + "\"");
        }
        Duration d = Duration.ofNanos((long) nanos);
        return negative ? d.negated() : d;
    }

    private static Object untyped(JsonNode value) {
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            value.properties().forEach(e -> map.put(e.getKey(), untyped(e.getValue())));
            return map;
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>(value.size());
            value.forEach(v -> list.add(untyped(v)));
            return list;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            double d = value.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.2e18 ? (Object) (long) d : (Object) d;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNull()) {
            return NullValue.NULL_VALUE;
        }
        return value.asString();
    }

    /** CEL equality of two runtime values (numbers compare across int, uint and double). */
    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (a instanceof Long && b instanceof Long) {
                return a.equals(b);
            }
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Instant || a instanceof Duration) {
            return a.equals(b);
        }
        return Objects.equals(a, b);
    }
}
