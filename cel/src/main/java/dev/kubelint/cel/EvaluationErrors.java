package dev.kubelint.cel;

import dev.cel.runtime.CelEvaluationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CEL for Java's evaluation errors in the words of CEL for Go, which the API server's messages carry. */
final class EvaluationErrors {

    private static final Pattern PREFIX = Pattern.compile("^evaluation error(?: at [^:]*:\\d+)?: ");
    private static final Pattern MISSING_KEY = Pattern.compile("key '(.*)' is not present in map\\.?");
    private static final Pattern INDEX = Pattern.compile("Index out of bounds: (-?\\d+)");

    private EvaluationErrors() {}

    static String goText(CelEvaluationException e) {
        String message =
                e.getMessage() == null ? "" : PREFIX.matcher(e.getMessage()).replaceFirst("");
        Matcher m = MISSING_KEY.matcher(message);
        if (m.matches()) {
            return "no such key: " + m.group(1);
        }
        m = INDEX.matcher(message);
        if (m.find()) {
            return "index out of bounds: " + m.group(1);
        }
        if (e.getErrorCode() != null) {
            switch (e.getErrorCode()) {
                case DIVIDE_BY_ZERO:
                    return "division by zero";
                case NUMERIC_OVERFLOW:
                    return "integer overflow";
                case OVERLOAD_NOT_FOUND:
                    return "no such overload";
                case ATTRIBUTE_NOT_FOUND:
                    return "no such key: " + message;
                default:
                    break;
            }
        }
        return message;
    }
}
