package dev.kubelint.schemas;

import dev.kubelint.core.kube.QuantitySuffixes;
import java.util.Optional;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 1.5Gi}, {@code 1e3}), checked the way the API server
 * parses them (apimachinery's {@code ParseQuantity}): a signed decimal number, then a binary suffix
 * ({@code Ki Mi Gi Ti Pi Ei}), a decimal suffix ({@code n u m k M G T P E} or none) or a decimal exponent
 * ({@code e3}, {@code E-2}). Surrounding spaces are ignored, as the API server trims them. Like the API server
 * it accepts a bare sign or dot as zero.
 */
public final class Quantities {

    private static final String SUFFIX_CHARS = "eEinumkKMGTP";

    private Quantities() {}

    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }

    /** Why the text is not a quantity, or empty when it is one. */
    public static Optional<String> problem(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.of("a quantity cannot be empty");
        }
        int end = s.length();
        int pos = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        while (pos < end && isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos < end && s.charAt(pos) == '.') {
            pos++;
            while (pos < end && isDigit(s.charAt(pos))) {
                pos++;
            }
        }
        int suffixStart = pos;
        while (pos < end && SUFFIX_CHARS.indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            pos++;
        }
        while (pos < end && isDigit(s.charAt(pos))) {
            pos++;
        }
        if (pos < end) {
            return Optional.of("\"" + text + "\" is not a quantity: a number with an optional suffix such as m, Mi or"
                    + " Gi is expected");
        }
        String suffix = s.substring(suffixStart);
        if (!validSuffix(suffix)) {
            return Optional.of("\"" + text + "\" has the unknown quantity suffix \"" + suffix
                    + "\" (use n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent such as e3)");
        }
        return Optional.empty();
    }

    private static boolean validSuffix(String suffix) {
        if (QuantitySuffixes.multiplier(suffix).isPresent()) {
            return true;
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            String exponent = suffix.substring(1);
            try {
                Long.parseLong(exponent.startsWith("+") ? exponent.substring(1) : exponent);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
