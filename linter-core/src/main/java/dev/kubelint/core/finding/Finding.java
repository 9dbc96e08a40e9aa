package dev.kubelint.core.finding;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One thing kubelint has to say about an input. */
public record Finding(
        String ruleId,
        Severity severity,
        Location location,
        String message,
        List<Location> related,
        Optional<Suppression> suppression) {

    /** The order of every report: file, line, column, rule id, then message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(
                    (Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparingInt(f -> f.location().documentIndex())
            .thenComparing(f -> f.location().jsonPointer());

    public Finding {
        related = List.copyOf(related);
    }

    public Finding(String ruleId, Severity severity, Location location, String message) {
        this(ruleId, severity, location, message, List.of(), Optional.empty());
    }

    public boolean isSuppressed() {
        return suppression.isPresent();
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, location, message, related, suppression);
    }

    public Finding suppressedBy(Suppression by) {
        return new Finding(ruleId, severity, location, message, related, Optional.of(by));
    }
}
