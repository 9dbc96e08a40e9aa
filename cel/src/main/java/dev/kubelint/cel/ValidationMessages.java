package dev.kubelint.cel;

import java.util.Map;
import java.util.Optional;

/**
 * How the API server words a CEL validation that fails, as ValidatingAdmissionPolicies report it; custom rules with
 * an expression word their findings the same way.
 */
public final class ValidationMessages {

    private ValidationMessages() {}

    /** An expression that could not be evaluated (a missing field, a runtime limit). */
    public static String evaluationError(String source, String error) {
        return "expression '" + source.trim() + "' resulted in error: " + error;
    }

    /** An expression whose value is not a bool. */
    public static String notBool(String source) {
        return evaluationError(source, "validation failed due to an expression that did not return a bool");
    }

    /**
     * The message of a validation that is false: the messageExpression's value when it is a non-blank string on one
     * line, else the fixed message, else the expression itself.
     */
    public static String failed(
            String source, Optional<CelExpression> messageExpression, String message, Map<String, Object> activation) {
        if (messageExpression.isPresent()) {
            Evaluation e = messageExpression.get().evaluate(activation, KubernetesCel.PER_CALL_LIMIT);
            if (e.ok() && e.value() instanceof String s && !s.isBlank() && !s.contains("\n")) {
                return s.trim();
            }
        }
        return message.isEmpty() ? "failed expression: " + source.trim() : message;
    }
}
