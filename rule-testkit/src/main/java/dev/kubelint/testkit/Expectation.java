package dev.kubelint.testkit;

/**
 * One {@code # expect: <rule-id> "message part"} marker: a finding of the rule must start on that line; with
 * {@code # expect@COL:} it must also start at that column (1-based, as kubelint reports columns).
 */
public record Expectation(int line, int column, String ruleId, String messagePart) {

    /** The column of a marker that does not pin one. */
    public static final int ANY_COLUMN = 0;

    public Expectation(int line, String ruleId, String messagePart) {
        this(line, ANY_COLUMN, ruleId, messagePart);
    }

    /** Whether a finding at this line and column satisfies the marker's position. */
    public boolean at(int findingLine, int findingColumn) {
        return findingLine == line && (column == ANY_COLUMN || findingColumn == column);
    }

    @Override
    public String toString() {
        return "line " + line + (column == ANY_COLUMN ? "" : ", column " + column) + ": " + ruleId + " \"" + messagePart
                + "\"";
    }
}
