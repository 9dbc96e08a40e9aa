package dev.kubelint.schemas;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code format}s of CustomResourceDefinition schemas, validated as the API server validates them (kube-openapi's
 * format registry, {@code k8s.io/kube-openapi/pkg/validation/strfmt}, with the formats apiextensions-apiserver
 * supports). The server normalizes a format's name by dropping dashes ({@code date-time} is {@code datetime}) and
 * ignores a format it does not support, or one on a type it does not apply to: a string format applies to
 * {@code type: string} (or no type), {@code int32}/{@code int64} to integers, {@code float}/{@code double} to numbers.
 *
 * <p>{@link #normalize} rewrites a definition's formats before compilation: a supported string format becomes
 * {@code crd-<name>} (so that it never meets the formats of built-in kinds, {@link KubeFormats}, whose {@code byte}
 * and {@code date-time} are read as Go's JSON decoder reads them), integer formats stay, every other format is
 * removed. All checks are linear in the value's length (RE2 semantics for the fixed patterns).
 */
final class CrdFormats {

    /** The prefix of the format names {@link #normalize} writes. */
    static final String PREFIX = "crd-";

    private static final Pattern HOSTNAME = Pattern.compile(
            "^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|"
                    + "([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}([a-zA-Z\\p{L}]){2,63})$");
    private static final Pattern UUID =
            Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
    private static final Pattern UUID3 =
            Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
    private static final Pattern UUID4 =
            Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
    private static final Pattern UUID5 =
            Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
    private static final Pattern BASE64 =
            Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$");
    private static final Pattern HEXCOLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
    private static final String OCTET = "\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*";
    private static final Pattern RGBCOLOR = Pattern.compile("^rgb\\(" + OCTET + "," + OCTET + "," + OCTET + "\\)$");
    private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
    private static final Pattern CREDITCARD =
            Pattern.compile("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])"
                    + "[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11})$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    /** The layouts of go-openapi's date-time: RFC 3339 (with or without a colon in the offset), local, reduced. */
    private static final Pattern DATE_TIME = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})"
            + "(?:T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:Z|[+-](\\d{2}):(\\d{2}))?"
            + "|T(\\d{2}):(\\d{2}):(\\d{2})\\.(?:\\d{3}|\\d{6})(?:Z|[+-](\\d{2})(\\d{2}))"
            + "|T(\\d{2}):(\\d{2})Z?"
            + "| (\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?)$");

    private static final Pattern GO_DURATION =
            Pattern.compile("^[-+]?(?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|µs|μs|ms|s|m|h))+$");
    private static final Pattern SCALA_DURATION = Pattern.compile("^\\s*(?:\\d+\\s*[A-Za-zµ]+\\s*)+$");
    private static final Pattern SCALA_PART = Pattern.compile("(\\d+)\\s*([A-Za-zµ]+)");
    private static final List<List<String>> UNITS = List.of(
            List.of("ns", "nano"),
            List.of("us", "µs", "micro"),
            List.of("ms", "milli"),
            List.of("s", "sec"),
            List.of("m", "min"),
            List.of("h", "hr", "hour"),
            List.of("d", "day"),
            List.of("w", "wk", "week"));
    private static final Pattern BSON_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
    private static final Pattern K8S_SHORT_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final Pattern K8S_LONG_NAME =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    /** The string formats the API server validates, by normalized name. */
    static final Map<String, Predicate<String>> STRING_FORMATS = stringFormats();

    /** Formats the server knows and accepts any string for. */
    private static final Set<String> ANY_STRING = Set.of("password");

    private CrdFormats() {}

    private static Map<String, Predicate<String>> stringFormats() {
        Map<String, Predicate<String>> f = new LinkedHashMap<>();
        f.put("bsonobjectid", s -> BSON_ID.matcher(s).matches());
        f.put("uri", CrdFormats::isRequestUri);
        f.put("email", CrdFormats::isEmail);
        f.put("hostname", CrdFormats::isHostname);
        f.put("ipv4", s -> s.contains(".") && Ips.parseSloppy(s).isPresent());
        f.put("ipv6", s -> s.contains(":") && Ips.parse(s, false).isPresent());
        f.put("cidr", CrdFormats::isCidr);
        f.put("mac", CrdFormats::isMac);
        f.put("uuid", s -> UUID.matcher(s).matches());
        f.put("uuid3", s -> UUID3.matcher(s).matches());
        f.put("uuid4", s -> UUID4.matcher(s).matches());
        f.put("uuid5", s -> UUID5.matcher(s).matches());
        f.put("isbn", s -> isIsbn10(s) || isIsbn13(s));
        f.put("isbn10", CrdFormats::isIsbn10);
        f.put("isbn13", CrdFormats::isIsbn13);
        f.put("creditcard", CrdFormats::isCreditCard);
        f.put("ssn", s -> s.length() >= 9 && SSN.matcher(s).matches());
        f.put("hexcolor", s -> HEXCOLOR.matcher(s).matches());
        f.put("rgbcolor", s -> RGBCOLOR.matcher(s).matches());
        f.put("byte", s -> BASE64.matcher(s).matches());
        f.put("password", s -> true);
        f.put("date", CrdFormats::isDate);
        f.put("duration", CrdFormats::isDuration);
        f.put("datetime", CrdFormats::isDateTime);
        f.put("quantity", s -> Quantities.problem(s).isEmpty());
        f.put("k8sshortname", s -> s.length() <= 63 && K8S_SHORT_NAME.matcher(s).matches());
        f.put("k8slongname", s -> s.length() <= 253 && K8S_LONG_NAME.matcher(s).matches());
        return Map.copyOf(f);
    }

    /** The networknt formats for {@link #STRING_FORMATS}, named with {@link #PREFIX}. */
    static List<com.networknt.schema.format.Format> all() {
        return STRING_FORMATS.entrySet().stream()
                .filter(e -> !ANY_STRING.contains(e.getKey()))
                .map(e -> KubeFormats.string(PREFIX + e.getKey(), e.getValue()))
                .toList();
    }

    /** The format as the server applies it to a schema of this type: its normalized name, or empty when ignored. */
    static Optional<String> applied(String format, JsonNode type) {
        String t = type == null ? "" : type.asString("?");
        switch (t) {
            case "", "string" -> {
                String normalized = format.replace("-", "");
                return STRING_FORMATS.containsKey(normalized) && !ANY_STRING.contains(normalized)
                        ? Optional.of(normalized)
                        : Optional.empty();
            }
            case "integer" -> {
                return format.equals("int32") || format.equals("int64") ? Optional.of(format) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Rewrites one schema object's format for compilation (see the class comment). */
    static void normalize(ObjectNode schema) {
        JsonNode format = schema.get("format");
        if (format == null) {
            return;
        }
        Optional<String> applied =
                format.isString() ? applied(format.stringValue(), schema.get("type")) : Optional.empty();
        if (applied.isEmpty()) {
            schema.remove("format");
        } else if (!applied.get().startsWith("int")) {
            schema.put("format", PREFIX + applied.get());
        }
    }

    /** Go's {@code url.ParseRequestURI}: an absolute URI or an absolute path, no fragment. */
    static boolean isRequestUri(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
            if (c == '%' && !(i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2)))) {
                return false;
            }
        }
        String rest;
        int colon = s.indexOf(':');
        boolean hasScheme = colon > 0
                && Character.isLetter(s.charAt(0))
                && s.substring(0, colon)
                        .chars()
                        .allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')
                && s.substring(0, colon).chars().allMatch(c -> c < 0x80);
        if (hasScheme) {
            rest = s.substring(colon + 1);
        } else {
            if (colon == 0) {
                return false;
            }
            rest = s;
            if (!rest.startsWith("/")) {
                return false;
            }
        }
        int query = rest.indexOf('?');
        String path = query >= 0 ? rest.substring(0, query) : rest;
        if (hasScheme && !path.startsWith("/")) {
            return true; // opaque, such as mailto:someone@example.com
        }
        if (path.startsWith("//")) {
            int end = path.indexOf('/', 2);
            String authority = end < 0 ? path.substring(2) : path.substring(2, end);
            int at = authority.lastIndexOf('@');
            String host = at >= 0 ? authority.substring(at + 1) : authority;
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                boolean ok = Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
                if (!ok) {
                    return false;
                }
            }
            if (host.startsWith("[") != host.contains("]")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Go's {@code net/mail.ParseAddress} for the common forms: {@code a@b.c} and {@code Name <a@b.c>}. */
    static boolean isEmail(String s) {
        String address = s.trim();
        int open = address.lastIndexOf('<');
        if (open >= 0) {
            if (!address.endsWith(">")) {
                return false;
            }
            address = address.substring(open + 1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        boolean quoted = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"");
        return (quoted || dotAtom(local)) && (dotAtom(domain) || domain.startsWith("[") && domain.endsWith("]"));
    }

    private static boolean dotAtom(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c >= 0x80 || "!#$%&'*+-/=?^_`{|}~.".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    static boolean isHostname(String s) {
        if (s.length() > 255 || !HOSTNAME.matcher(s).matches()) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code ParseCIDRSloppy}: an address, a slash and a prefix length that fits the address. */
    static boolean isCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String prefix = s.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        Optional<byte[]> ip = Ips.parseSloppy(s.substring(0, slash));
        return ip.isPresent()
                && Integer.parseInt(prefix) <= 8 * (s.substring(0, slash).contains(":") ? 16 : 4);
    }

    /** Go's {@code net.ParseMAC}: 6, 8 or 20 octets as pairs with {@code :} or {@code -}, or groups of 4 with dots. */
    static boolean isMac(String s) {
        if (s.length() < 14) {
            return false;
        }
        if (s.charAt(2) == ':' || s.charAt(2) == '-') {
            char sep = s.charAt(2);
            if ((s.length() + 1) % 3 != 0) {
                return false;
            }
            int n = (s.length() + 1) / 3;
            if (n != 6 && n != 8 && n != 20) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                int x = i * 3;
                if (!hex(s.charAt(x)) || !hex(s.charAt(x + 1)) || i < n - 1 && s.charAt(x + 2) != sep) {
                    return false;
                }
            }
            return true;
        }
        if (s.charAt(4) == '.') {
            if ((s.length() + 1) % 5 != 0) {
                return false;
            }
            int n = 2 * (s.length() + 1) / 5;
            if (n != 6 && n != 8 && n != 20) {
                return false;
            }
            for (int i = 0; i < n / 2; i++) {
                int x = i * 5;
                for (int j = 0; j < 4; j++) {
                    if (!hex(s.charAt(x + j))) {
                        return false;
                    }
                }
                if (i < n / 2 - 1 && s.charAt(x + 4) != '.') {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static String digitsOnly(String s) {
        return s.replace(" ", "").replace("-", "");
    }

    static boolean isIsbn10(String s) {
        String d = digitsOnly(s);
        if (!d.matches("[0-9]{9}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (i + 1) * (d.charAt(i) - '0');
        }
        sum += 10 * (d.charAt(9) == 'X' ? 10 : d.charAt(9) - '0');
        return sum % 11 == 0;
    }

    static boolean isIsbn13(String s) {
        String d = digitsOnly(s);
        if (!d.matches("[0-9]{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (i % 2 == 0 ? 1 : 3) * (d.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10 == d.charAt(12) - '0';
    }

    /** govalidator's IsCreditCard: the digits (spaces and dashes removed) of a known issuer, Luhn-valid. */
    static boolean isCreditCard(String s) {
        String d = digitsOnly(s);
        if (!CREDITCARD.matcher(d).matches()) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = d.length() - 1; i >= 0; i--) {
            int digit = d.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static boolean isDate(String s) {
        Matcher m = DATE.matcher(s);
        return m.matches() && validDate(m.group(1), m.group(2), m.group(3));
    }

    private static boolean validDate(String y, String mo, String d) {
        try {
            LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** go-openapi's date-time: any of its layouts, with a valid date and time of day. */
    static boolean isDateTime(String s) {
        Matcher m = DATE_TIME.matcher(s);
        if (!m.matches() || !validDate(m.group(1), m.group(2), m.group(3))) {
            return false;
        }
        for (int g = 4; g <= m.groupCount(); g++) {
            String v = m.group(g);
            if (v == null) {
                continue;
            }
            int n = Integer.parseInt(v);
            // groups alternate hour, minute(, second, offset hour, offset minute) in each layout
            boolean hour = g == 4 || g == 7 || g == 9 || g == 12 || g == 14 || g == 16;
            if (hour ? n > 23 : n > 59) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code time.ParseDuration}, then go-openapi's longer units ("3 days", "1 week"). */
    static boolean isDuration(String s) {
        if (s.equals("0")
                || s.equals("+0")
                || s.equals("-0")
                || GO_DURATION.matcher(s).matches()) {
            return true;
        }
        if (!SCALA_DURATION.matcher(s).matches()) {
            return false;
        }
        Matcher part = SCALA_PART.matcher(s);
        boolean ok = false;
        while (part.find()) {
            String unit = part.group(2).toLowerCase(Locale.ROOT);
            for (List<String> variants : UNITS) {
                for (int i = 0; i < variants.size(); i++) {
                    if (i == variants.size() - 1 && unit.startsWith(variants.get(i))
                            || variants.get(i).equalsIgnoreCase(unit)) {
                        ok = true;
                    }
                }
            }
        }
        return ok;
    }
}
