package dev.kubelint.core.finding;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is. ERROR: the API server rejects it or it cannot work; WARNING and INFO: advice. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Lower-case name used in output and configuration: "error", "warning", "info". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
