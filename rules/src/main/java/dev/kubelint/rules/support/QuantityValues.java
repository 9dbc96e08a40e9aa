package dev.kubelint.rules.support;

import dev.kubelint.core.kube.QuantitySuffixes;
import java.math.BigDecimal;
import java.util.Optional;

/** The numeric value of a Kubernetes quantity ({@code 500m}, {@code 1.5Gi}, {@code 1e3}). */
public final class QuantityValues {

    private QuantityValues() {}

    /** The value, or empty when the text is not a quantity. */
    public static Optional<BigDecimal> parse(String text) {
        String s = text.strip();
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        String number = s.substring(0, i);
        String suffix = s.substring(i);
        if (number.isEmpty()
                || number.equals("+")
                || number.equals("-")
                || number.chars().filter(c -> c == '.').count() > 1
                || number.endsWith(".") && number.length() == 1) {
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = new BigDecimal(
                    number.endsWith(".")
                            ? number + "0"
                            : number.startsWith(".")
                                    ? "0" + number
                                    : number.startsWith("-.")
                                            ? "-0" + number.substring(1)
                                            : number.startsWith("+.") ? "0" + number.substring(1) : number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<BigDecimal> multiplier = QuantitySuffixes.multiplier(suffix);
        if (multiplier.isPresent()) {
            return Optional.of(value.multiply(multiplier.get()));
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            try {
                int exponent = Integer.parseInt(suffix.substring(1));
                return Math.abs(exponent) > 100 ? Optional.empty() : Optional.of(value.scaleByPowerOfTen(exponent));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
