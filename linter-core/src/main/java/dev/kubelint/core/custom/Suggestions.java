package dev.kubelint.core.custom;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelt keys and rule ids. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate closest to {@code word}, when it is close enough to be a typo of it. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The edit distance every "did you mean" of kubelint uses. */
    static int distance(String a, String b) {
        return dev.kubelint.core.kube.Suggestions.editDistance(a, b);
    }
}
