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
