package dev.kubelint.core.config;

import dev.kubelint.core.yaml.Position;
import java.util.Optional;

/**
 * One thing wrong with the configuration: the file it is in (as shown to the user), where, and what.
 * Printed as {@code file:line:column: message}.
 */
public record ConfigProblem(String file, Optional<Position> at, String message) {

    public static ConfigProblem at(String file, Position position, String message) {
        return new ConfigProblem(file, Optional.of(position), message);
    }

    public static ConfigProblem of(String source, String message) {
        return new ConfigProblem(source, Optional.empty(), message);
    }

    @Override
    public String toString() {
        String where = file.isEmpty()
                ? ""
                : file + at.map(p -> ":" + p.line() + ":" + p.column()).orElse("") + ": ";
        return where + message;
    }
}
