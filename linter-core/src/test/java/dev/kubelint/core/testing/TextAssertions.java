package dev.kubelint.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

/** Assertions on generated text: a report, a documentation page, what a command printed. */
public final class TextAssertions {

    private TextAssertions() {}

    /** Asserts that the text holds each of the parts; a failure names every part missing and shows the text. */
    public static void assertContainsAll(String text, String... parts) {
        List<String> missing =
                Arrays.stream(parts).filter(p -> !text.contains(p)).toList();
        assertTrue(missing.isEmpty(), () -> "missing " + missing + " in:\n" + text);
    }
}
