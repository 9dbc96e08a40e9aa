package dev.kubelint.cel;

/**
 * A validation rule an object breaks, or could not be evaluated on it.
 *
 * @param pointer   the JSON pointer of the offending value in the object ("/spec/listeners/0")
 * @param fieldPath the API server's path of it ("spec.listeners[0]"; "&lt;nil&gt;" for the root)
 * @param detail    the rule's message (or evaluated messageExpression, or "failed rule: ..."), or the evaluation
 *                  error
 * @param message   the whole message as the API server words it
 *                  ({@code spec.listeners[0]: Invalid value: "object": <detail>})
 */
public record Violation(String pointer, String fieldPath, String detail, String message) {}
