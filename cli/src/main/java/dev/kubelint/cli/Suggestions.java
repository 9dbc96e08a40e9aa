package dev.kubelint.cli;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" for misspelled option names and values. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to what was typed: the only one that starts with it, or else the one within a small
     * edit distance (a third of the word's length, at least one edit; a swap of two letters counts as one).
     */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        java.util.List<String> prefixed = candidates.stream().filter(c -> c.startsWith(lower)).toList();
        if (prefixed.size() == 1) {
            return Optional.of(prefixed.get(0));
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(lower.length(), best == null ? 0 : best.length()) / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** The edit distance every "did you mean" of kubelint uses. */
    static int distance(String a, String b) {
        return dev.kubelint.core.kube.Suggestions.editDistance(a, b);
    }
}
