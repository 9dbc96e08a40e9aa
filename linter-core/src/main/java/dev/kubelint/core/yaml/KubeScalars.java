package dev.kubelint.core.yaml;

import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types plain scalars the way kubectl does: its YAML library follows YAML 1.1 ({@code yes}, {@code on},
 * {@code y} are booleans, {@code 0777} is octal), unlike SnakeYAML Engine's YAML 1.2 default.
 */
public final class KubeScalars {

    private static final Set<String> TRUE =
            Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE =
            Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> POSITIVE_INFINITY = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEGATIVE_INFINITY = Set.of("-.inf", "-.Inf", "-.INF");
    private static final Set<String> NAN = Set.of(".nan", ".NaN", ".NAN");
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** A resolved scalar: its type and value ({@code String}, {@code Boolean}, {@code Long}, {@code BigInteger}, {@code Double} or null). */
    public record Resolved(ScalarType type, Object value) {}

    private KubeScalars() {}

    /** Resolves a plain (unquoted, untagged) scalar. */
    public static Resolved resolvePlain(String text) {
        if (NULL.contains(text)) {
            return new Resolved(ScalarType.NULL, null);
        }
        char first = text.charAt(0);
        if (TRUE.contains(text)) {
            return new Resolved(ScalarType.BOOLEAN, Boolean.TRUE);
        }
        if (FALSE.contains(text)) {
            return new Resolved(ScalarType.BOOLEAN, Boolean.FALSE);
        }
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
            Resolved number = number(text);
            if (number != null) {
                return number;
            }
        }
        return new Resolved(ScalarType.STRING, text);
    }

    /** Resolves a scalar with an explicit standard tag ({@code !!str}, {@code !!int}, ...); null for other tags. */
    public static Resolved resolveTagged(String tag, String text) {
        switch (tag) {
            case "tag:yaml.org,2002:str":
            case "tag:yaml.org,2002:binary":
            case "tag:yaml.org,2002:timestamp":
                return new Resolved(ScalarType.STRING, text);
            case "tag:yaml.org,2002:null":
                return new Resolved(ScalarType.NULL, null);
            case "tag:yaml.org,2002:bool":
            case "tag:yaml.org,2002:int":
            case "tag:yaml.org,2002:float":
                return resolvePlain(text);
            default:
                return null;
        }
    }

    private static Resolved number(String text) {
        if (POSITIVE_INFINITY.contains(text)) {
            return new Resolved(ScalarType.FLOAT, Double.POSITIVE_INFINITY);
        }
        if (NEGATIVE_INFINITY.contains(text)) {
            return new Resolved(ScalarType.FLOAT, Double.NEGATIVE_INFINITY);
        }
        if (NAN.contains(text)) {
            return new Resolved(ScalarType.FLOAT, Double.NaN);
        }
        String plain = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
        BigInteger integer = parseInteger(plain);
        if (integer != null) {
            if (integer.bitLength() < 64) {
                return new Resolved(ScalarType.INTEGER, integer.longValue());
            }
            if (integer.signum() > 0 && integer.compareTo(UINT64_MAX) <= 0) {
                return new Resolved(ScalarType.INTEGER, integer);
            }
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            try {
                return new Resolved(ScalarType.FLOAT, Double.parseDouble(plain));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Integer syntax of Go's strconv.ParseInt with base 0: sign, then 0x, 0o, 0b, a leading 0 (octal) or decimal. */
    private static BigInteger parseInteger(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = body.charAt(1);
            if (p == 'x' || p == 'X') {
                radix = 16;
                body = body.substring(2);
            } else if (p == 'o' || p == 'O') {
                radix = 8;
                body = body.substring(2);
            } else if (p == 'b' || p == 'B') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int k = 0; k < body.length(); k++) {
            if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 'z') {
                return null;
            }
        }
        BigInteger value = new BigInteger(body, radix);
        return negative ? value.negate() : value;
    }

    /** How a non-string mapping key becomes a JSON key in kubectl's conversion. */
    public static String keyText(Resolved resolved, String text) {
        if (resolved.type() == ScalarType.STRING) {
            return (String) resolved.value();
        }
        if (resolved.type() == ScalarType.NULL) {
            return "null";
        }
        if (resolved.value() instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d.isInfinite()) {
                return d > 0 ? "+Inf" : "-Inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e21) {
                return new java.math.BigDecimal(d).toBigInteger().toString();
            }
            return Double.toString(d);
        }
        return String.valueOf(resolved.value());
    }
}
