package dev.kubelint.core.yaml;

import java.io.Reader;

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

    private final int end;
    private int pad;

    GrowingReader(char[] chars, int start) {
        this(chars, start, chars.length, 0);
    }

    /** Reads {@code chars} from {@code start} to {@code end}, after {@code pad} spaces. */
    GrowingReader(char[] chars, int start, int end, int pad) {
        this.chars = chars;
        this.position = start;
        this.end = end;
        this.pad = pad;
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
