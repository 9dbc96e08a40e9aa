package dev.kubelint.cel;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of compiling one expression: the expression, or the compiler's problems (one line each, in the API
 * server's words).
 */
public record Compilation(Optional<CelExpression> expression, List<String> problems) {

    public Compilation {
        problems = List.copyOf(problems);
    }

    static Compilation of(CelExpression expression) {
        return new Compilation(Optional.of(expression), List.of());
    }

    static Compilation failed(List<String> problems) {
        return new Compilation(Optional.empty(), problems);
    }

    public boolean ok() {
        return expression.isPresent();
    }

    /** "compilation failed: ERROR: ...", as the API server says it. */
    public String message() {
        return "compilation failed: " + String.join("\n", problems);
    }
}
