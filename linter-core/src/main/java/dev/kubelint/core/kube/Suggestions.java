package dev.kubelint.core.kube;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every "did you mean ...?" of kubelint: one edit distance, and a {@link Policy} per kind of word that says how
 * close a candidate must be. Field names, option names and enum values differ in how a typo looks (case, a
 * prefix, a stray letter), so the policy, not the caller, decides.
 */
public final class Suggestions {

    /**
     * How a candidate is chosen.
     *
     * @param ignoreCase compare in lower case, and prefer a candidate that differs from the word only in case
     * @param exactMeansNone no suggestion for a word that is itself a candidate
     * @param uniquePrefix a candidate that is the only one starting with the word is the suggestion
     * @param fragmentLength a word at least this long that a candidate contains makes that candidate eligible
     *     whatever its distance (0: off)
     * @param minCandidateLength candidates shorter than this are only suggested when they differ in case alone
     * @param minEdits at least this many edits are allowed
     * @param maxEditsDivisor beyond that, the word's length divided by this
     * @param maxEditsCap but at most this many edits
     * @param measureShorter divide the shorter of word and candidate instead of the word
     * @param tiesByName among equally close candidates the alphabetically first, instead of the first given
     */
    public record Policy(
            boolean ignoreCase,
            boolean exactMeansNone,
            boolean uniquePrefix,
            int fragmentLength,
            int minCandidateLength,
            int minEdits,
            int maxEditsDivisor,
            int maxEditsCap,
            boolean measureShorter,
            boolean tiesByName) {

        boolean eligible(String word, String candidate, int distance) {
            if (fragmentLength > 0 && word.length() >= fragmentLength && candidate.contains(word)) {
                return true;
            }
            int length = measureShorter ? Math.min(word.length(), candidate.length()) : word.length();
            return candidate.length() >= minCandidateLength
                    && distance <= Math.max(minEdits, Math.min(maxEditsCap, length / maxEditsDivisor));
        }
    }

    /** Values of a small fixed set (operators, enum-like fields): a case slip or a single edit. */
    public static final Policy VALUES = new Policy(true, true, false, 0, 3, 1, Integer.MAX_VALUE, 1, false, false);

    /** Schema field and kind names: a case slip, or a few edits for a long name (a quarter of its length, at most 3). */
    public static final Policy FIELD_NAMES = new Policy(true, false, false, 0, 0, 1, 4, 3, false, true);

    /** Keys the user types in configuration: case counts; a third of the length, at most 3 edits. */
    public static final Policy KEYS = new Policy(false, false, false, 0, 0, 1, 3, 3, false, false);

    /** Command-line option names and values: a unique prefix, or a third of the shorter length in edits. */
    public static final Policy OPTIONS = new Policy(true, false, true, 0, 0, 1, 3, Integer.MAX_VALUE, true, false);

    /** Rule ids asked for by name: two edits or a quarter of the length, or a fragment of four letters or more. */
    public static final Policy RULE_IDS = new Policy(false, false, false, 4, 0, 2, 4, Integer.MAX_VALUE, false, true);

    private Suggestions() {}

    /** The candidate {@code word} most likely meant under {@code policy}; empty when none is close enough. */
    public static Optional<String> closest(String word, Collection<String> candidates, Policy policy) {
        if (word.isEmpty() || (policy.exactMeansNone() && candidates.contains(word))) {
            return Optional.empty();
        }
        String typed = policy.ignoreCase() ? word.toLowerCase(Locale.ROOT) : word;
        if (policy.ignoreCase()) {
            for (String c : candidates) {
                if (c.toLowerCase(Locale.ROOT).equals(typed)) {
                    return Optional.of(c);
                }
            }
        }
        if (policy.uniquePrefix()) {
            List<String> prefixed = new ArrayList<>();
            for (String c : candidates) {
                if (c.startsWith(typed)) {
                    prefixed.add(c);
                }
            }
            if (prefixed.size() == 1) {
                return Optional.of(prefixed.get(0));
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(typed, policy.ignoreCase() ? c.toLowerCase(Locale.ROOT) : c);
            if (policy.eligible(typed, c, d)
                    && (d < bestDistance || (d == bestDistance && policy.tiesByName() && c.compareTo(best) < 0))) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@link #closest(String, Collection, Policy)} under {@link #VALUES}. */
    public static Optional<String> closest(String text, List<String> candidates) {
        return closest(text, candidates, VALUES);
    }

    /** " (did you mean In?)" or nothing, for appending to a message; values of a fixed set. */
    public static String didYouMean(String text, List<String> candidates) {
        return closest(text, candidates, VALUES)
                .map(c -> " (did you mean " + c + "?)")
                .orElse("");
    }

    /**
     * Optimal string alignment distance: insertions, deletions, substitutions, and a swap of two neighbouring
     * characters counted as one edit. The one measure behind every "did you mean" of kubelint.
     */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
