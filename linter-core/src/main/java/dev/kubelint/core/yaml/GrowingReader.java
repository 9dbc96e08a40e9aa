package dev.kubelint.core.yaml;

import java.io.Reader;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Hands the parser small chunks first, then ever larger ones. SnakeYAML decodes and checks every character it
 * is given at once; a pass that stops after a few lines (one per broken document) must not pay for 64 KiB,
 * while a long line still arrives in large chunks (small ones would make it quadratic).
 */
final class GrowingReader extends Reader {
    private static final int FIRST_CHUNK = 512;
    private final char[] chars;
    private int position;
    private int chunk = FIRST_CHUNK;

    private final int start;
    private final int end;
    private final int startPad;
    private int pad;

    GrowingReader(char[] chars, int start) {
        this(chars, start, chars.length, 0);
    }

    /** Reads {@code chars} from {@code start} to {@code end}, after {@code pad} spaces. */
    GrowingReader(char[] chars, int start, int end, int pad) {
        this.chars = chars;
        this.position = start;
        this.start = start;
        this.end = end;
        this.startPad = pad;
        this.pad = pad;
    }

    /**
     * The parser mark of a char offset of the view: line and column counted from the view's start (the first line
     * after its padding), index in code points, as SnakeYAML counts them.
     */
    Mark markOf(int offset) {
        int lineStart = TextOffsets.lineStart(chars, start, offset);
        int line = TextOffsets.lineBreaks(chars, start, lineStart);
        int column = Character.codePointCount(chars, lineStart, offset - lineStart) + (line == 0 ? startPad : 0);
        int index = Character.codePointCount(chars, start, offset - start) + startPad;
        return new Mark("", index, line, column, new int[0], 0);
    }

    /** The offset of the last backslash of the view, or its end. */
    int lastBackslash() {
        for (int i = end - 1; i >= start; i--) {
            if (chars[i] == '\\') {
                return i;
            }
        }
        return end;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (pad > 0) {
            int n = Math.min(length, pad);
            java.util.Arrays.fill(buffer, offset, offset + n, ' ');
            pad -= n;
            return n;
        }
        if (position >= end) {
            return -1;
        }
        int n = Math.min(Math.min(length, chunk), end - position);
        System.arraycopy(chars, position, buffer, offset, n);
        position += n;
        chunk = chunk >= Integer.MAX_VALUE / 2 ? chunk : chunk * 2;
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
