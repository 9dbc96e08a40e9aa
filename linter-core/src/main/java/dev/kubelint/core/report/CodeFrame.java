package dev.kubelint.core.report;

import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.Span;
import java.util.Optional;

/**
 * The offending source line of a finding with a marker under it, as compilers show it:
 *
 * <pre>
 *     12 |         containerPort: "80a"
 *        |                        ^~~~~
 * </pre>
 *
 * Columns of a finding count code points; a terminal counts cells. The line is shown with tabs expanded to
 * spaces and control characters replaced, so that the marker lands under the right character whatever the line
 * holds (tabs, CJK text, emoji, combining accents). Very long lines (minified JSON) are cut to a window around
 * the marker.
 *
 * @param lineNumber  1-based line of the finding's start
 * @param text        the line as shown (expanded, sanitised, possibly cut with an ellipsis at either end)
 * @param markerStart cell where the marker starts, 0-based, within {@code text}
 * @param markerWidth cells the marker covers, at least 1
 */
public record CodeFrame(int lineNumber, String text, int markerStart, int markerWidth) {

    /** Cells of source shown at most; longer lines are cut around the marker. */
    public static final int MAX_WIDTH = 120;

    private static final String ELLIPSIS = "\u2026";

    /** The frame for a span of a source, or empty when the span's line is not in the text. */
    public static Optional<CodeFrame> of(SourceFile source, Span span) {
        int line = span.start().line();
        if (line > source.lineCount() || source.text().isEmpty()) {
            return Optional.empty();
        }
        int endColumn = span.end().line() == line ? span.end().column() : Integer.MAX_VALUE;
        return Optional.of(of(line, source.line(line), span.start().column(), endColumn));
    }

    /** The frame for a span of an excerpt, or empty when the span's line is not in the input or was not kept. */
    public static Optional<CodeFrame> of(SourceExcerpt source, Span span) {
        int line = span.start().line();
        int endColumn = span.end().line() == line ? span.end().column() : Integer.MAX_VALUE;
        return source.line(line).map(text -> of(line, text, span.start().column(), endColumn));
    }

    /**
     * The frame for one line of text.
     *
     * @param startColumn 1-based code point column where the marker starts
     * @param endColumn   1-based code point column just after the marked text on this line, or
     *                    {@link Integer#MAX_VALUE} for "to the end of the line" (a span that goes on)
     */
    public static CodeFrame of(int lineNumber, String line, int startColumn, int endColumn) {
        int[] cps = line.codePoints().toArray();
        int n = cps.length;
        int start = Math.min(Math.max(startColumn - 1, 0), n);
        int end = endColumn == Integer.MAX_VALUE ? lastNonBlank(cps) : Math.min(Math.max(endColumn - 1, 0), n);
        end = Math.max(end, start);

        StringBuilder shown = new StringBuilder();
        int[] cellAt = new int[n + 1];
        int cells = 0;
        for (int i = 0; i < n; i++) {
            cellAt[i] = cells;
            int cp = cps[i];
            if (cp == '\t') {
                int next = (cells / ColumnWidths.TAB_STOP + 1) * ColumnWidths.TAB_STOP;
                shown.append(" ".repeat(next - cells));
                cells = next;
            } else if (ColumnWidths.isControl(cp)) {
                shown.appendCodePoint(ColumnWidths.REPLACEMENT);
                cells += 1;
            } else {
                shown.appendCodePoint(cp);
                cells += ColumnWidths.of(cp);
            }
        }
        cellAt[n] = cells;
        int markerStart = cellAt[start];
        int markerWidth = Math.max(1, cellAt[end] - markerStart);
        if (cells <= MAX_WIDTH) {
            return new CodeFrame(lineNumber, shown.toString(), markerStart, markerWidth);
        }
        return window(lineNumber, cps, cellAt, markerStart, markerWidth);
    }

    /** The marker line: spaces up to the marker, then {@code ^~~~}. */
    public String marker() {
        return " ".repeat(markerStart) + "^" + "~".repeat(markerWidth - 1);
    }

    private static int lastNonBlank(int[] cps) {
        int end = cps.length;
        while (end > 0 && (cps[end - 1] == ' ' || cps[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    /** Cuts a long line to MAX_WIDTH cells around the marker, with an ellipsis where text was left out. */
    private static CodeFrame window(int lineNumber, int[] cps, int[] cellAt, int markerStart, int markerWidth) {
        int total = cellAt[cps.length];
        int from = Math.max(0, markerStart - MAX_WIDTH / 3);
        int to = Math.min(total, from + MAX_WIDTH);
        from = Math.max(0, Math.min(from, to - MAX_WIDTH));
        StringBuilder shown = new StringBuilder();
        boolean cutLeft = from > 0;
        if (cutLeft) {
            shown.append(ELLIPSIS);
        }
        int firstCell = -1;
        for (int i = 0; i < cps.length; i++) {
            int cellStart = cellAt[i];
            int cellEnd = cellAt[i + 1];
            // a character that straddles a window edge is left out, with the ellipsis standing in for it
            if (cellStart < from + (cutLeft ? 1 : 0) || cellEnd > to - (to < total ? 1 : 0)) {
                continue;
            }
            if (firstCell < 0) {
                firstCell = cellStart;
            }
            int cp = cps[i];
            if (cp == '\t') {
                shown.append(" ".repeat(cellEnd - cellStart));
            } else if (ColumnWidths.isControl(cp)) {
                shown.appendCodePoint(ColumnWidths.REPLACEMENT);
            } else {
                shown.appendCodePoint(cp);
            }
        }
        int lastCell = to - (to < total ? 1 : 0);
        if (to < total) {
            shown.append(ELLIPSIS);
        }
        int offset = (cutLeft ? 1 : 0) - Math.max(firstCell, 0);
        int start = Math.max(markerStart + offset, cutLeft ? 1 : 0);
        int width = Math.max(1, Math.min(markerStart + markerWidth, lastCell) + offset - start);
        return new CodeFrame(lineNumber, shown.toString(), start, width);
    }
}
