package dev.kubelint.core.custom;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the CEL expressions of custom rules ({@code expression}, {@code messageExpression} in
 * {@code .kubelint.yaml}). The engine lives in kubelint's cel module and is found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.kubelint.core.custom.ExpressionEngine}), so that the core does not depend on CEL.
 */
public interface ExpressionEngine {

    /**
     * Compiles a rule's expression and message expression for a Kubernetes release ("1.35"), with the variable
     * {@code object}.
     *
     * @param messageExpression empty when the rule has a fixed message
     */
    Compiled compile(String expression, Optional<String> messageExpression, String release);

    /**
     * The outcome: the check, or the problems of each expression in the compiler's words.
     *
     * @param expressionProblems        problems of the expression
     * @param messageExpressionProblems problems of the message expression
     */
    record Compiled(
            Optional<ExpressionCheck> check, List<String> expressionProblems, List<String> messageExpressionProblems) {

        public Compiled {
            expressionProblems = List.copyOf(expressionProblems);
            messageExpressionProblems = List.copyOf(messageExpressionProblems);
        }
    }

    /** A compiled rule; safe to use from any thread. */
    interface ExpressionCheck {

        /**
         * Evaluates the rule on a part of an object.
         *
         * @param message the rule's fixed message
         * @return empty when the expression holds; else the finding's message: the message expression's value (else
         *     {@code message}), or why the expression could not be evaluated
         */
        Optional<String> check(JsonNode object, String message);
    }
}
