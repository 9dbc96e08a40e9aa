package dev.kubelint.cel;

import java.util.Optional;

/**
 * The outcome of one evaluation: the value, or the error in the API server's words ("no such key: foo"); the cost
 * it took; and whether it was stopped for going over its cost limit.
 */
public record Evaluation(Object value, String error, long cost, boolean costLimitExceeded) {

    public boolean ok() {
        return error == null;
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(error);
    }

    /** Whether the value is the boolean true. */
    public boolean isTrue() {
        return Boolean.TRUE.equals(value);
    }
}
