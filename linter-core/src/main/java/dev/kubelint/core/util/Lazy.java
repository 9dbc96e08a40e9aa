package dev.kubelint.core.util;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, once, by the first thread that asks; threads asking meanwhile wait for it. A
 * computation that throws leaves the value uncomputed, so the next call tries again (and, for the same input,
 * throws the same way). The schemas, the CEL environments and the schema bundle are built this way: a scan that
 * never needs one never pays for it.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> compute;
    private volatile T value;

    private Lazy(Supplier<? extends T> compute) {
        this.compute = Objects.requireNonNull(compute);
    }

    /** A lazy value; {@code compute} must not return null. */
    public static <T> Lazy<T> of(Supplier<? extends T> compute) {
        return new Lazy<>(compute);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(compute.get(), "a lazy value computed null");
                    value = v;
                }
            }
        }
        return v;
    }
}
