package dev.kubelint.core.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name and label syntax of Kubernetes (k8s.io/apimachinery/pkg/util/validation). Each check returns the
 * problems it found as short sentences, empty when the value is valid.
 */
public final class Names {

    public static final int DNS1123_LABEL_MAX = 63;
    public static final int DNS1123_SUBDOMAIN_MAX = 253;
    public static final int DNS1035_LABEL_MAX = 63;
    public static final int QUALIFIED_NAME_MAX = 63;
    public static final int LABEL_VALUE_MAX = 63;
    public static final int PORT_NAME_MAX = 15;

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
    private static final Pattern HTTP_HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");
    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Names() {}

    /**
     * The problems of a value that must be at most {@code max} characters long and match the pattern (the message
     * says how), in a list the caller may add to.
     */
    private static List<String> limited(String value, int max, Pattern pattern, String message) {
        List<String> problems = new ArrayList<>();
        if (value.length() > max) {
            problems.add("must be no more than " + max + " characters");
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(message);
        }
        return problems;
    }

    /** RFC 1123 label: at most 63 lowercase alphanumerics or '-', starting and ending alphanumeric. */
    public static List<String> dns1123Label(String value) {
        if (isDns1123Label(value, 0, value.length()) && value.length() <= DNS1123_LABEL_MAX) {
            return List.of();
        }
        return limited(
                value,
                DNS1123_LABEL_MAX,
                DNS1123_LABEL,
                "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must"
                        + " start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')");
    }

    /** RFC 1123 subdomain: at most 253 characters, dot-separated RFC 1123 labels. */
    public static List<String> dns1123Subdomain(String value) {
        if (isDns1123Subdomain(value, 0, value.length())) {
            return List.of();
        }
        return limited(
                value,
                DNS1123_SUBDOMAIN_MAX,
                DNS1123_SUBDOMAIN,
                "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.',"
                        + " and must start and end with an alphanumeric character (e.g. 'example.com')");
    }

    /** RFC 1035 label: like an RFC 1123 label, but starting with a letter. */
    public static List<String> dns1035Label(String value) {
        return limited(
                value,
                DNS1035_LABEL_MAX,
                DNS1035_LABEL,
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
                        + " alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123')");
    }

    /**
     * Qualified name (label and annotation keys, nodeSelector keys): an optional DNS subdomain prefix and '/',
     * then a name of at most 63 characters that starts and ends with an alphanumeric and has only alphanumerics,
     * '-', '_' and '.' between.
     */
    public static List<String> qualifiedName(String value) {
        if (isQualifiedName(value)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                problems.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(p -> problems.add("prefix part " + p));
            }
        } else {
            problems.add("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and"
                    + " end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc'), with an optional"
                    + " DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return problems;
        }
        if (name.isEmpty()) {
            problems.add("name part must be non-empty");
        } else {
            if (name.length() > QUALIFIED_NAME_MAX) {
                problems.add("name part must be no more than " + QUALIFIED_NAME_MAX + " characters");
            }
            if (!QUALIFIED_NAME_PART.matcher(name).matches()) {
                problems.add(
                        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
                                + " with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')");
            }
        }
        return problems;
    }

    /** Label value: empty, or at most 63 characters that start and end alphanumeric with '-', '_', '.' between. */
    public static List<String> labelValue(String value) {
        if (value.isEmpty() || isQualifiedNamePart(value, 0, value.length())) {
            return List.of();
        }
        return limited(
                value,
                LABEL_VALUE_MAX,
                LABEL_VALUE,
                "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.',"
                        + " and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')");
    }

    /**
     * IANA service name (port names): at most 15 characters, lowercase letters, digits and '-', at least one letter,
     * no '-' at either end, no "--".
     */
    public static List<String> ianaServiceName(String value) {
        List<String> problems = limited(
                value,
                PORT_NAME_MAX,
                PORT_NAME_CHARS,
                "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        if (value.contains("--")) {
            problems.add("must not contain consecutive hyphens");
        }
        if (!value.isEmpty() && (value.startsWith("-") || value.endsWith("-"))) {
            problems.add("must not begin or end with a hyphen");
        }
        if (!HAS_LETTER.matcher(value).matches()) {
            problems.add("must contain at least one letter (a-z)");
        }
        return problems;
    }

    /** HTTP header field name (RFC 7230 token as Kubernetes checks it: letters, digits and '-'). */
    public static List<String> httpHeaderName(String value) {
        if (!HTTP_HEADER_NAME.matcher(value).matches()) {
            return List.of("a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name')");
        }
        return List.of();
    }

    /** C identifier (used by a few fields): letters, digits, '_', not starting with a digit. */
    public static List<String> cIdentifier(String value) {
        if (!C_IDENTIFIER.matcher(value).matches()) {
            return List.of("a valid C identifier must start with alphabetic character or '_', followed by a string of"
                    + " alphanumeric characters or '_' (e.g. 'my_name', or 'MY_NAME', or 'MyName')");
        }
        return List.of();
    }

    /** Valid port number: 1 to 65535. */
    public static boolean isValidPortNumber(long port) {
        return port >= 1 && port <= 65535;
    }

    // Fast checks of the common, valid case: the same grammars as the patterns above, written as loops over the
    // characters because names and labels are checked for every object (the patterns and the problem lists are
    // only built for values that fail these checks).

    /** Whether value[from, to) is a non-empty RFC 1123 label (any length). */
    private static boolean isDns1123Label(String value, int from, int to) {
        if (from >= to || !isLowerAlnum(value.charAt(from)) || !isLowerAlnum(value.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = value.charAt(i);
            if (!isLowerAlnum(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether value[from, to) is an RFC 1123 subdomain of at most 253 characters. */
    private static boolean isDns1123Subdomain(String value, int from, int to) {
        if (to - from > DNS1123_SUBDOMAIN_MAX) {
            return false;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || value.charAt(i) == '.') {
                if (!isDns1123Label(value, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** Whether the value is a qualified name: an optional subdomain prefix and '/', then a valid name part. */
    private static boolean isQualifiedName(String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return isQualifiedNamePart(value, 0, value.length());
        }
        return slash > 0
                && value.indexOf('/', slash + 1) < 0
                && isDns1123Subdomain(value, 0, slash)
                && isQualifiedNamePart(value, slash + 1, value.length());
    }

    /** Whether value[from, to) is a non-empty name part of at most 63 characters (also a non-empty label value). */
    private static boolean isQualifiedNamePart(String value, int from, int to) {
        if (from >= to
                || to - from > QUALIFIED_NAME_MAX
                || !isAlnum(value.charAt(from))
                || !isAlnum(value.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = value.charAt(i);
            if (!isAlnum(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAlnum(char c) {
        return isLowerAlnum(c) || (c >= 'A' && c <= 'Z');
    }
}
