package dev.kubelint.core.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/** What kubelint reads off a SnakeYAML Engine event besides its content: where it is, and how a scalar is written. */
final class Events {

    private Events() {}

    /** The span of an event of a pass that started {@code lineOffset} lines into the file. */
    static Span span(int lineOffset, Event event) {
        Position start = position(lineOffset, event.getStartMark()).orElse(Position.START);
        Position end = position(lineOffset, event.getEndMark()).orElse(start);
        return new Span(start, end);
    }

    /** A parser mark as a position (1-based) of a pass that started {@code lineOffset} lines into the file. */
    static Optional<Position> position(int lineOffset, Optional<Mark> mark) {
        return mark.map(m -> new Position(lineOffset + m.getLine() + 1, m.getColumn() + 1));
    }

    static ScalarStyle style(ScalarEvent event) {
        return switch (event.getScalarStyle()) {
            case PLAIN -> ScalarStyle.PLAIN;
            case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> ScalarStyle.DOUBLE_QUOTED;
            case LITERAL -> ScalarStyle.LITERAL;
            case FOLDED -> ScalarStyle.FOLDED;
            case JSON_SCALAR_STYLE -> ScalarStyle.JSON_STRING;
        };
    }
}
