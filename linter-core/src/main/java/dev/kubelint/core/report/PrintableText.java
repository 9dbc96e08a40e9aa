package dev.kubelint.core.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text from manifests and file names made safe to print. Every report, whatever its format, goes through
 * {@link #writer(Writer)}, which replaces each unpaired surrogate (a {@code "\uD800"} escape in a YAML string
 * gives one) with U+FFFD, the one change every encoding can hold, so that no report is ever cut short by a
 * character its encoding cannot write. Human-readable lines (the text report, the Maven log, messages on standard
 * error) also go through {@link #escape(String)}, so that no value or file name can start a line of its own, which
 * GitHub Actions would run as a workflow command and Maven would show as one of its own, or drive a terminal.
 */
public final class PrintableText {

    /** What an unpaired surrogate becomes. */
    public static final char REPLACEMENT = (char) ColumnWidths.REPLACEMENT;

    private PrintableText() {}

    /**
     * The text with every control character (C0, DEL, C1, line and paragraph separators) written as an escape:
     * {@code \n}, {@code \r}, {@code \t}, or {@code \}{@code u001b} for the others; unpaired surrogates become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(text, i, c);
            if (replacement != null && b == null) {
                b = new StringBuilder(text.length() + 16);
                b.append(text, 0, i);
            }
            if (b != null) {
                if (replacement != null) {
                    b.append(replacement);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    private static String replacement(String text, int i, char c) {
        if (c >= 0x20 && c < 0x7F) {
            return null;
        }
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format("\\u%04x", (int) c);
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    ? null
                    : String.valueOf(REPLACEMENT);
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : String.valueOf(REPLACEMENT);
        }
        return null;
    }

    /** A writer that replaces each unpaired surrogate written through it with U+FFFD, and passes the rest on. */
    public static Writer writer(Writer out) {
        return out instanceof SurrogateFilter ? out : new SurrogateFilter(out);
    }

    /** Pairs surrogates across writes: a high surrogate at the end of one write may meet its low one in the next. */
    private static final class SurrogateFilter extends FilterWriter {
        private char pendingHigh;

        SurrogateFilter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            put((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            int clean = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                char c = chars[i];
                if (Character.isSurrogate(c) || pendingHigh != 0) {
                    out.write(chars, clean, i - clean);
                    put(c);
                    clean = i + 1;
                }
            }
            out.write(chars, clean, end - clean);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            char[] chars = new char[length];
            text.getChars(offset, offset + length, chars, 0);
            write(chars, 0, length);
        }

        private void put(char c) throws IOException {
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    out.write(high);
                    out.write(c);
                    return;
                }
                out.write(REPLACEMENT);
            }
            if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                out.write(REPLACEMENT);
            } else {
                out.write(c);
            }
        }

        @Override
        public void close() throws IOException {
            if (pendingHigh != 0) {
                pendingHigh = 0;
                out.write(REPLACEMENT);
            }
            super.close();
        }
    }
}
