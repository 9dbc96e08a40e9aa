package dev.kubelint.core.source;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Some lines of one input, kept after the scan instead of its whole text: the lines findings start on, for the
 * code frames of the reports. A scan of a large folder keeps a few lines per file rather than every file.
 */
public final class SourceExcerpt {

    private final String displayName;
    private final int lineCount;
    private final int[] numbers;
    private final String[] lines;

    private SourceExcerpt(String displayName, int lineCount, int[] numbers, String[] lines) {
        this.displayName = displayName;
        this.lineCount = lineCount;
        this.numbers = numbers;
        this.lines = lines;
    }

    /** The given 1-based lines of a source (lines outside it are left out; repeats are kept once). */
    public static SourceExcerpt of(SourceFile source, IntStream lineNumbers) {
        int count = lineCount(source);
        int[] numbers = lineNumbers
                .filter(n -> n >= 1 && n <= count)
                .sorted()
                .distinct()
                .toArray();
        String[] lines = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            lines[i] = source.line(numbers[i]);
        }
        return new SourceExcerpt(source.displayName(), count, numbers, lines);
    }

    /** Every line of a source. */
    public static SourceExcerpt whole(SourceFile source) {
        return of(source, IntStream.rangeClosed(1, lineCount(source)));
    }

    /** An empty text has no line to show, not one empty line. */
    private static int lineCount(SourceFile source) {
        return source.text().isEmpty() ? 0 : source.lineCount();
    }

    /** The name findings show for the input. */
    public String displayName() {
        return displayName;
    }

    /** Lines of the whole input, kept or not. */
    public int lineCount() {
        return lineCount;
    }

    /** Whether the excerpt can tell what a line holds: it kept it, or the input has no such line. */
    public boolean knows(int line) {
        return line < 1 || line > lineCount || Arrays.binarySearch(numbers, line) >= 0;
    }

    /** The text of a kept 1-based line without its line break; empty when the line was not kept or is not there. */
    public Optional<String> line(int line) {
        int at = Arrays.binarySearch(numbers, line);
        return at >= 0 ? Optional.of(lines[at]) : Optional.empty();
    }

    /** The numbers of the kept lines, ascending. */
    public IntStream lineNumbers() {
        return Arrays.stream(numbers);
    }

    @Override
    public String toString() {
        return displayName + " (" + numbers.length + " of " + lineCount + " lines)";
    }
}
