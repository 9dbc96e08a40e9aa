package dev.kubelint.core.kube;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for values from a fixed set: operators, enum-like fields. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate the text most likely meant: equal but for case, or one edit (insertion, deletion, substitution)
     * away ignoring case. Empty when none is that close, or when the text is itself a candidate.
     */
    public static Optional<String> closest(String text, List<String> candidates) {
        if (candidates.contains(text)) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Optional<String> sameButCase = candidates.stream().filter(c -> c.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
        if (sameButCase.isPresent()) {
            return sameButCase;
        }
        return candidates.stream().filter(c -> c.length() > 2 && oneEditApart(lower, c.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** " (did you mean In?)" or nothing, for appending to a message. */
    public static String didYouMean(String text, List<String> candidates) {
        return closest(text, candidates).map(c -> " (did you mean " + c + "?)").orElse("");
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

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }
}
