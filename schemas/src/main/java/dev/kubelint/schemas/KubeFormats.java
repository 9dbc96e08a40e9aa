package dev.kubelint.schemas;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code format} values kubelint checks, each the way the API server decodes it. Every other format is
 * ignored on purpose: the schema validator's own formats (an ISO 8601 {@code duration}, say) do not match what
 * Kubernetes accepts.
 */
final class KubeFormats {

    /** kubelint's own format name, put on the Quantity schema so that quantity strings are parsed. */
    static final String QUANTITY = "kubelint-quantity";

    private static final Pattern RFC3339 =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|[+-](\\d{2}):(\\d{2}))");

    private KubeFormats() {}

    static List<Format> all() {
        return List.of(
                integer("int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
                integer("int64", Long.MIN_VALUE, Long.MAX_VALUE),
                string("byte", s -> base64Problem(s).isEmpty()),
                string("date-time", s -> dateTimeProblem(s).isEmpty()),
                string(QUANTITY, s -> Quantities.problem(s).isEmpty()),
                string("int-or-string", s -> true),
                string("double", s -> true));
    }

    /** Why a string is not base64 as Go's JSON decoder reads {@code []byte} (standard alphabet, padded). */
    static Optional<String> base64Problem(String text) {
        String s = text.replace("\r", "").replace("\n", "");
        if (s.length() % 4 != 0) {
            return Optional.of("its length is not a multiple of 4 (base64 needs = padding)");
        }
        int padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
        for (int i = 0; i < s.length() - padding; i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return Optional.of("it contains " + describe(c) + " at position " + (i + 1)
                        + ", which is not in the base64 alphabet");
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c == '=') {
            return "padding (=) before the end";
        }
        return Character.isISOControl(c) ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
    }

    /** Why a string is not an RFC 3339 time as Go's {@code time.Parse(time.RFC3339, s)} reads it. */
    static Optional<String> dateTimeProblem(String s) {
        Matcher m = RFC3339.matcher(s);
        if (!m.matches()) {
            return Optional.of("not an RFC 3339 time");
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return Optional.of("not a valid date");
        }
        boolean timeOk = Integer.parseInt(m.group(4)) < 24
                && Integer.parseInt(m.group(5)) < 60
                && Integer.parseInt(m.group(6)) < 60
                && (m.group(9) == null || (Integer.parseInt(m.group(9)) < 24 && Integer.parseInt(m.group(10)) < 60));
        return timeOk ? Optional.empty() : Optional.of("not a valid time of day");
    }

    private static Format integer(String name, long min, long max) {
        return new Format() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean matches(ExecutionContext ctx, SchemaContext schema, JsonNode value) {
                if (!value.isIntegralNumber()) {
                    return true;
                }
                if (!value.canConvertToLong()) {
                    return false;
                }
                long v = value.longValue();
                return v >= min && v <= max;
            }
        };
    }

    static Format string(String name, java.util.function.Predicate<String> valid) {
        return new Format() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean matches(ExecutionContext ctx, String value) {
                return valid.test(value);
            }
        };
    }
}
