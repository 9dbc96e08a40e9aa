package dev.kubelint.core.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text of one input (a file, or standard input) and the name findings show for it.
 * Lines are indexed lazily, for code frames and line comments.
 */
public final class SourceFile {

    /** The name findings carry for standard input. */
    public static final String STDIN = "<stdin>";

    private final Optional<Path> path;
    private final String displayName;
    private final String text;
    private volatile int[] lineStarts;

    public SourceFile(Optional<Path> path, String displayName, String text) {
        this.path = path;
        this.displayName = displayName;
        this.text = text;
    }

    public static SourceFile of(String displayName, String text) {
        return new SourceFile(Optional.empty(), displayName, text);
    }

    /** The file on disk, absent for standard input. */
    public Optional<Path> path() {
        return path;
    }

    /** The name findings show: relative to the working directory where possible, "/"-separated. */
    public String displayName() {
        return displayName;
    }

    public String text() {
        return text;
    }

    public boolean isJson() {
        String name = displayName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json");
    }

    public int lineCount() {
        return lineStarts().length;
    }

    /** The text of a 1-based line, without its line break; empty past the end. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            int[] buffer = new int[64];
            int count = 0;
            buffer[count++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
                if (lineBreak && i + 1 < text.length()) {
                    if (count == buffer.length) {
                        buffer = Arrays.copyOf(buffer, count * 2);
                    }
                    buffer[count++] = i + 1;
                }
            }
            starts = Arrays.copyOf(buffer, count);
            lineStarts = starts;
        }
        return starts;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
