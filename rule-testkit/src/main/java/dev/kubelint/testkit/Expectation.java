package dev.kubelint.testkit;

/** One {@code # expect: <rule-id> "message part"} marker: a finding of the rule must start on that line. */
public record Expectation(int line, String ruleId, String messagePart) {

    @Override
    public String toString() {
        return "line " + line + ": " + ruleId + " \"" + messagePart + "\"";
    }
}
