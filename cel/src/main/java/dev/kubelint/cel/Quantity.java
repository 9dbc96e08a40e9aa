package dev.kubelint.cel;

import dev.kubelint.core.kube.QuantitySuffixes;
import java.math.BigDecimal;

/**
 * A Kubernetes resource quantity as a CEL value ({@code quantity('1.5Gi')}): its exact decimal value and the text
 * it was parsed from. Two quantities are equal when their values are, as {@code Quantity.Cmp} compares them.
 */
public final class Quantity implements Comparable<Quantity> {

    /** The API server's message for a text that is not a quantity. */
    private static final String NOT_A_QUANTITY =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    private final BigDecimal value;
    private final String text;

    private Quantity(BigDecimal value, String text) {
        this.value = value;
        this.text = text;
    }

    /**
     * Parses a quantity as apimachinery's {@code ParseQuantity} does.
     *
     * @throws IllegalArgumentException with the API server's message ("quantities must match the regular
     *                                  expression ...") when the text is not a quantity
     */
    public static Quantity parse(String text) {
        String s = text;
        if (s.isEmpty()) {
            throw new IllegalArgumentException(NOT_A_QUANTITY);
        }
        int end = s.length();
        int pos = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        int numberStart = pos;
        while (pos < end && (Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128 || s.charAt(pos) == '.')) {
            pos++;
        }
        String number = s.substring(numberStart, pos);
        String suffix = s.substring(pos);
        if (number.isEmpty()
                || number.chars().filter(c -> c == '.').count() > 1
                || !suffix.matches("[eEinumkKMGTP]*[-+]?[0-9]*")) {
            throw new IllegalArgumentException(NOT_A_QUANTITY);
        }
        BigDecimal multiplier = QuantitySuffixes.multiplier(suffix).orElseGet(() -> exponent(suffix));
        BigDecimal magnitude = number.equals(".")
                ? BigDecimal.ZERO
                : new BigDecimal(number.startsWith(".") ? "0" + number : number.endsWith(".") ? number + "0" : number);
        BigDecimal v = magnitude.multiply(multiplier);
        if (s.charAt(0) == '-') {
            v = v.negate();
        }
        return new Quantity(v, text);
    }

    /** The multiplier of a decimal exponent suffix ({@code e3}, {@code E-2}). */
    private static BigDecimal exponent(String suffix) {
        if (suffix.length() > 1
                && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')
                && suffix.substring(1).matches("[-+]?[0-9]+")) {
            try {
                return BigDecimal.ONE.scaleByPowerOfTen(
                        Integer.parseInt(suffix.substring(1).replace("+", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unable to parse quantity's suffix");
            }
        }
        throw new IllegalArgumentException("unable to parse quantity's suffix");
    }

    public static Quantity ofInteger(long value) {
        return new Quantity(BigDecimal.valueOf(value), Long.toString(value));
    }

    public BigDecimal value() {
        return value;
    }

    public int sign() {
        return value.signum();
    }

    public Quantity add(Quantity other) {
        BigDecimal sum = value.add(other.value);
        return new Quantity(sum, sum.stripTrailingZeros().toPlainString());
    }

    public Quantity subtract(Quantity other) {
        BigDecimal difference = value.subtract(other.value);
        return new Quantity(difference, difference.stripTrailingZeros().toPlainString());
    }

    /** Whether {@link #asInteger()} succeeds: an integral value that fits 64 bits. */
    public boolean isInteger() {
        try {
            value.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    public long asInteger() {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("cannot convert value to integer");
        }
    }

    public double asApproximateFloat() {
        return value.doubleValue();
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return v.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
