package dev.kubelint.core.yaml;

/** A range of source text, from {@code start} (inclusive) to {@code end} (exclusive). */
public record Span(Position start, Position end) {

    public static final Span START = new Span(Position.START, Position.START);

    public Span {
        if (end.compareTo(start) < 0) {
            end = start;
        }
    }

    public static Span at(int line, int column) {
        Position p = new Position(line, column);
        return new Span(p, p);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
