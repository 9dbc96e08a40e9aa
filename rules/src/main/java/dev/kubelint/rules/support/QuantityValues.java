package dev.kubelint.rules.support;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** The numeric value of a Kubernetes quantity ({@code 500m}, {@code 1.5Gi}, {@code 1e3}). */
public final class QuantityValues {

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("", BigDecimal.ONE),
            Map.entry("k", new BigDecimal("1e3")), Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")), Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")), Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

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
        BigDecimal multiplier = SUFFIXES.get(suffix);
        if (multiplier != null) {
            return Optional.of(value.multiply(multiplier));
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
