package dev.kubelint.schemas;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt field and kind names. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word}: one that differs only in case, or else the nearest by edit distance
     * (adjacent swaps count once) when that distance is small for the word's length.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            if (c.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(c);
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The edit distance every "did you mean" of kubelint uses. */
    static int distance(String a, String b) {
        return dev.kubelint.core.kube.Suggestions.editDistance(a, b);
    }
}
