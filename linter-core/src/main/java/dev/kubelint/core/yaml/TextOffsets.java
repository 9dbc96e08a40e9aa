package dev.kubelint.core.yaml;

/** Char offsets, lines and document markers in the text a {@link YamlReader} reads. */
final class TextOffsets {

    private static final int BUFFER_SIZE = 64 * 1024;

    private TextOffsets() {}

    /**
     * The parser's buffer: a token longer than the buffer makes SnakeYAML copy its window again and again, so a
     * file with long lines gets a large one; a file of short lines a small one, which matters when a run of broken
     * documents means one parse per document.
     */
    static int bufferSize(char[] chars) {
        int longest = 0;
        int lineStart = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\n' || chars[i] == '\r') {
                longest = Math.max(longest, i - lineStart);
                lineStart = i + 1;
            }
        }
        longest = Math.max(longest, chars.length - lineStart);
        return (int) Math.min(BUFFER_SIZE, Math.max(MIN_BUFFER_SIZE, 2L * longest + 2));
    }

    private static final int MIN_BUFFER_SIZE = 1024;

    /** 1-based line and column (in code points, as SnakeYAML counts them) of a char offset. */
    static Position positionOf(char[] chars, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (isLineBreak(chars, i)) {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(chars[i]) && chars[i] != '\uFEFF') {
                column++;
            }
        }
        return new Position(line, column);
    }

    /** The number of document markers before an offset: the index of its document, as near as text can tell. */
    static int documentsBefore(char[] chars, int offset) {
        int n = 0;
        int firstMarker = nextDocumentStart(chars, 0);
        for (int i = firstMarker; i >= 0 && i < offset; i = nextDocumentStart(chars, nextLineStart(chars, i))) {
            n++;
        }
        // the text before a first marker is a document of its own only when it holds something
        return firstMarker > 0 ? n : Math.max(0, n - 1);
    }

    /** The char offset of a code point index counted from {@code start}. */
    static int charOffset(char[] chars, int start, int codePoints) {
        int i = start;
        for (int n = 0; n < codePoints && i < chars.length; n++) {
            i += Character.isHighSurrogate(chars[i]) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])
                    ? 2
                    : 1;
        }
        return Math.min(i, chars.length);
    }

    static boolean isLineBreak(char[] chars, int i) {
        // as SnakeYAML counts lines: \n, and \r when no \n follows
        return chars[i] == '\n' || chars[i] == '\r' && (i + 1 >= chars.length || chars[i + 1] != '\n');
    }

    static int lineStart(char[] chars, int floor, int at) {
        int i = Math.min(at, chars.length);
        while (i > floor && !isLineBreak(chars, i - 1)) {
            i--;
        }
        return i;
    }

    static int nextLineStart(char[] chars, int from) {
        for (int i = from; i < chars.length; i++) {
            if (isLineBreak(chars, i)) {
                return i + 1;
            }
        }
        return chars.length;
    }

    static int lineBreaks(char[] chars, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (isLineBreak(chars, i)) {
                n++;
            }
        }
        return n;
    }

    /** Char offset of the first line at or after {@code from} (a line start) that starts a document, or -1. */
    static int nextDocumentStart(char[] chars, int from) {
        int i = from;
        while (i < chars.length) {
            if (i + 3 <= chars.length
                    && chars[i] == '-'
                    && chars[i + 1] == '-'
                    && chars[i + 2] == '-'
                    && (i + 3 == chars.length || Character.isWhitespace(chars[i + 3]))) {
                return i;
            }
            i = nextLineStart(chars, i);
        }
        return -1;
    }

    /**
     * The text with a final lone {@code \r} read as {@code \n} (same length, so offsets stay true): SnakeYAML counts a
     * {@code \r} as a line break only when it sees the character after it, so at the end of the stream it would
     * place the end one column past the last line instead of at the start of the next.
     */
    static char[] withFinalLineBreak(char[] chars) {
        if (chars.length > 0 && chars[chars.length - 1] == '\r') {
            chars[chars.length - 1] = '\n';
        }
        return chars;
    }
}
