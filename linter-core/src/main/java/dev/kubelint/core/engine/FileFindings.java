package dev.kubelint.core.engine;

import dev.kubelint.core.finding.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The findings of one file, within a budget: at most {@link #MAX_PER_RULE} of each rule are kept, and
 * {@link #withSummaries()} ends a rule's list with one finding that says how many more there were, at the first
 * one left out. A message longer than {@link #MAX_MESSAGE_LENGTH} characters (one quoting a value of megabytes)
 * is cut. A hostile file of a million duplicate keys or aliases of one huge value then costs a report of
 * kilobytes, not of gigabytes.
 */
final class FileFindings extends ArrayList<Finding> {

    /** Findings of one rule kept per file (the reader keeps one less of each kind, and adds its own summary). */
    static final int MAX_PER_RULE = 1000;

    static final int MAX_MESSAGE_LENGTH = 4096;

    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Finding> firstLeftOut = new LinkedHashMap<>();

    @Override
    public boolean add(Finding f) {
        int n = counts.merge(f.ruleId(), 1, Integer::sum);
        if (n > MAX_PER_RULE) {
            firstLeftOut.putIfAbsent(f.ruleId(), f);
            return false;
        }
        return super.add(
                f.message().length() <= MAX_MESSAGE_LENGTH
                        ? f
                        : new Finding(
                                f.ruleId(),
                                f.severity(),
                                f.location(),
                                cut(f.message()),
                                f.related(),
                                f.suppression()));
    }

    private static String cut(String message) {
        int end = MAX_MESSAGE_LENGTH - 100;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "... (message cut: " + (message.length() - end) + " more characters)";
    }

    /** The kept findings and, for each rule that had more, one finding that says how many. */
    List<Finding> withSummaries() {
        if (firstLeftOut.isEmpty()) {
            return this;
        }
        List<Finding> all = new ArrayList<>(this);
        firstLeftOut.forEach((rule, first) -> all.add(new Finding(
                rule,
                first.severity(),
                first.location(),
                "and "
                        + (counts.get(rule) - MAX_PER_RULE) + " more findings of " + rule
                        + " in this file, not listed: at most "
                        + MAX_PER_RULE + " of each rule are kept per file (the first one not listed is here)",
                List.of(),
                Optional.empty())));
        return all;
    }
}
