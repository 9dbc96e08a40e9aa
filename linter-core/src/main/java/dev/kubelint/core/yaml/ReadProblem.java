package dev.kubelint.core.yaml;

import java.util.List;

/**
 * Something wrong with the text itself, found while reading: a syntax error, a duplicate key, a limit hit, an
 * unsupported tag. The engine turns each into a finding of the rule {@link Kind#ruleId()}.
 */
public record ReadProblem(Kind kind, String message, Span span, int documentIndex, String pointer, List<Span> related) {

    public enum Kind {
        SYNTAX("yaml-syntax"), DUPLICATE_KEY("duplicate-key"), LIMIT("input-limit"), TAG("yaml-tag"), ENCODING("yaml-syntax");

        private final String ruleId;

        Kind(String ruleId) {
            this.ruleId = ruleId;
        }

        public String ruleId() {
            return ruleId;
        }
    }

    public ReadProblem {
        related = List.copyOf(related);
    }

    public ReadProblem(Kind kind, String message, Span span, int documentIndex) {
        this(kind, message, span, documentIndex, "", List.of());
    }
}
