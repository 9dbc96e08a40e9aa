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

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
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
