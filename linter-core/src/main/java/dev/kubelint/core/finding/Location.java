package dev.kubelint.core.finding;

import dev.kubelint.core.yaml.Span;

/**
 * Where a finding is: the file as shown to the user, the document of the stream (0-based), the source span,
 * the JSON pointer inside the document and the object it belongs to.
 */
public record Location(String file, int documentIndex, Span span, String jsonPointer, ObjectRef object) {

    public int line() {
        return span.start().line();
    }

    public int column() {
        return span.start().column();
    }

    public int endLine() {
        return span.end().line();
    }

    public int endColumn() {
        return span.end().column();
    }
}
