package dev.kubelint.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random short texts over a small alphabet, for tests that hold a parser or a check against an independent reading. */
public final class RandomText {

    private RandomText() {}

    /** {@code count} texts of 0 to {@code maxLength - 1} characters of {@code alphabet}; the same seed, the same texts. */
    public static List<String> of(long seed, String alphabet, int maxLength, int count) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(maxLength);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
