package dev.kubelint.schemas;

/**
 * A schema that cannot be compiled or applied: an invalid regular expression, a reference to a file that is not
 * there. The message names the kind and where its schema came from.
 */
public final class UnusableSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnusableSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
