package dev.kubelint.core.kube;

/**
 * A label selector string that Kubernetes would not accept. The message names the 1-based column (in code points)
 * and what was expected there, for example {@code expected ',' or ')' at column 12, found 'y'}.
 */
public final class LabelSelectorException extends Exception {

    private final int column;

    public LabelSelectorException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** 1-based column of the offending text; one past the end for a selector that ends too early. */
    public int column() {
        return column;
    }
}
