package dev.kubelint.core.kube;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The suffixes of Kubernetes resource quantities and the values they multiply by, as apimachinery's
 * {@code ParseQuantity} reads them: decimal ({@code n u m k M G T P E}, or none) and binary
 * ({@code Ki Mi Gi Ti Pi Ei}). A decimal exponent ({@code e3}) is not a fixed suffix: each parser reads it itself.
 */
public final class QuantitySuffixes {

    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("", BigDecimal.ONE),
            Map.entry("k", new BigDecimal("1e3")), Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")), Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")), Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private QuantitySuffixes() {}

    /** What the suffix multiplies by; empty when it is not one of the fixed suffixes. */
    public static Optional<BigDecimal> multiplier(String suffix) {
        return Optional.ofNullable(MULTIPLIERS.get(suffix));
    }
}
