package dev.kubelint.core.yaml;

import java.util.List;

/**
 * Something wrong with the text itself, found while reading: a syntax error, a duplicate key, a limit hit, an
 * unsupported tag. The engine turns each into a finding of the core rule for its kind.
 */
public record ReadProblem(Kind kind, String message, Span span, int documentIndex, String pointer, List<Span> related) {

    /** What went wrong; each kind is reported by one core rule. */
    public enum Kind {
        SYNTAX,
        DUPLICATE_KEY,
        LIMIT,
        TAG,
        ENCODING
    }

    public ReadProblem {
        related = List.copyOf(related);
    }

    public ReadProblem(Kind kind, String message, Span span, int documentIndex) {
        this(kind, message, span, documentIndex, "", List.of());
    }
}
