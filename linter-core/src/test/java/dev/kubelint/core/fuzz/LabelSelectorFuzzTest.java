package dev.kubelint.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.LabelSelectorException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The label selector parser and matcher on any text. Input: the selector on the first line, then labels as
 * {@code key=value} lines. A selector either parses or fails with a message; matching never throws and does not
 * depend on the map's implementation; an empty selector matches everything.
 */
class LabelSelectorFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void parseAndMatch(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String text = lines[0];
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq >= 0) {
                labels.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
        }
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(text);
        } catch (LabelSelectorException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a syntax error without a message for: " + text, e);
            }
            return;
        }
        boolean matched = selector.matches(labels);
        if (matched != selector.matches(Map.copyOf(labels))) {
            throw new AssertionError("matching depends on the map for: " + text);
        }
        if (text.isBlank() && !matched) {
            throw new AssertionError("an empty selector must match every object");
        }
    }
}
