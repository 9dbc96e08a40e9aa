package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.Span;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodeFrameTest {

    /** The code point that starts at a cell of the frame's text, or -1 when no character starts there. */
    private static int codePointAtCell(String shown, int cell) {
        int used = 0;
        int i = 0;
        while (i < shown.length()) {
            int cp = shown.codePointAt(i);
            if (used == cell && ColumnWidths.of(cp) > 0) {
                return cp;
            }
            used += ColumnWidths.of(cp);
            i += Character.charCount(cp);
        }
        return -1;
    }

    @Test
    void marksTheSpanUnderPlainText() {
        CodeFrame frame = CodeFrame.of(4, "  name: web", 9, 12);
        assertEquals("  name: web", frame.text());
        assertEquals("        ^~~", frame.marker());
        assertEquals(4, frame.lineNumber());
    }

    @Test
    void aPointGetsASingleCaret() {
        assertEquals("  ^", CodeFrame.of(1, "abcdef", 3, 3).marker());
        assertEquals("  ^", CodeFrame.of(1, "abcdef", 3, 1).marker());
    }

    @Test
    void tabsAreExpandedToTabStopsInTheLineAndTheMarkerFollows() {
        // value starts at column 6, after a tab at column 5 that reaches cell 8
        CodeFrame frame = CodeFrame.of(6, "  k:\t\"x\ty\"", 6, 11);
        assertEquals("  k:    \"x      y\"", frame.text());
        assertEquals("        ^~~~~~~~~~", frame.marker());
        assertEquals('"', frame.text().charAt(frame.markerStart()));
        assertFalse(frame.text().contains("\t"));
    }

    @Test
    void wideCharactersTakeTwoCells() {
        // 日本: x -> x is the 5th code point, after 2 + 2 + 1 + 1 cells
        CodeFrame frame = CodeFrame.of(1, "\u65e5\u672c: x", 5, 6);
        assertEquals(6, frame.markerStart());
        assertEquals("      ^", frame.marker());
        assertEquals('x', codePointAtCell(frame.text(), frame.markerStart()));
    }

    @Test
    void markerUnderWideTextIsAsWideAsTheText() {
        CodeFrame frame = CodeFrame.of(1, "a: \u65e5\u672c", 4, 6);
        assertEquals("   ^~~~", frame.marker());
    }

    @Test
    void combiningMarksTakeNoCellAndEmojiTakeTwo() {
        // line 6 of the sample: app: "we\u0308b-😀" ; columns count code points, the value is columns 10-17
        String line = "    app: \"we\u0308b-\uD83D\uDE00\"";
        CodeFrame frame = CodeFrame.of(6, line, 10, 18);
        assertEquals(9, frame.markerStart());
        assertEquals(8, frame.markerWidth(), "\" w e+\u0308 b - \uD83D\uDE00 \" is 1+1+1+1+1+2+1 cells");
        assertEquals(" ".repeat(9) + "^" + "~".repeat(7), frame.marker());
        // the character after the emoji (the closing quote) is at column 17
        CodeFrame quote = CodeFrame.of(6, line, 17, 18);
        assertEquals(16, quote.markerStart());
        assertEquals('"', codePointAtCell(quote.text(), quote.markerStart()));
    }

    @Test
    void tabsAfterWideTextUseTheCellsReached() {
        // "café\t日本": the tab at cell 4 goes to 8
        CodeFrame frame = CodeFrame.of(1, "caf\u00e9\t\u65e5\u672c!", 8, 9);
        assertEquals("caf\u00e9    \u65e5\u672c!", frame.text());
        assertEquals(12, frame.markerStart());
        assertEquals('!', codePointAtCell(frame.text(), 12));
    }

    @Test
    void controlCharactersAreReplacedSoTheyCannotDriveTheTerminal() {
        CodeFrame frame = CodeFrame.of(1, "a\u001b[2Jb: x", 9, 10);
        assertFalse(frame.text().contains("\u001b"));
        assertEquals("a\uFFFD[2Jb: x", frame.text());
        assertEquals('x', frame.text().charAt(frame.markerStart()));
    }

    @Test
    void aSpanThatGoesOnMarksToTheEndOfTheLineWithoutTrailingBlanks() {
        assertEquals(
                "     ^~~~~",
                CodeFrame.of(1, "key: value   ", 6, Integer.MAX_VALUE).marker());
    }

    @Test
    void columnsPastTheEndOfTheLineMarkJustAfterIt() {
        assertEquals("   ^", CodeFrame.of(1, "abc", 9, 12).marker());
    }

    @Test
    void longLinesAreCutAroundTheMarker() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            line.append((char) ('a' + i % 26));
        }
        line.setCharAt(1499, '#');
        CodeFrame frame = CodeFrame.of(1, line.toString(), 1500, 1501);
        assertTrue(frame.text().startsWith("\u2026") && frame.text().endsWith("\u2026"), frame.text());
        assertEquals(CodeFrame.MAX_WIDTH, ColumnWidths.of(frame.text()));
        assertEquals('#', frame.text().charAt(frame.markerStart()));
        assertEquals(1, frame.markerWidth());
    }

    @Test
    void longLinesWithWideTextAndTabsKeepTheMarkerOnItsCharacter() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            line.append(i % 7 == 0 ? "\t" : i % 3 == 0 ? "\u65e5" : "x");
        }
        String text = line.toString() + "@" + "y".repeat(500);
        int column = 301;
        CodeFrame frame = CodeFrame.of(1, text, column, column + 1);
        // a character starts at the marker's cell (none is cut in half), and it is the marked one
        assertEquals('@', codePointAtCell(frame.text(), frame.markerStart()));
        assertTrue(ColumnWidths.of(frame.text()) <= CodeFrame.MAX_WIDTH);
    }

    @Test
    void markerNearTheStartOfALongLineKeepsTheStart() {
        String text = "start: " + "z".repeat(500);
        CodeFrame frame = CodeFrame.of(1, text, 1, 6);
        assertTrue(frame.text().startsWith("start:"));
        assertTrue(frame.text().endsWith("\u2026"));
        assertEquals("^~~~~", frame.marker());
    }

    @Test
    void markerAtTheEndOfALongLineKeepsTheEnd() {
        String text = "z".repeat(500) + "END";
        CodeFrame frame = CodeFrame.of(1, text, 501, 504);
        assertTrue(frame.text().endsWith("END"));
        assertEquals('E', frame.text().charAt(frame.markerStart()));
        assertEquals(3, frame.markerWidth());
    }

    @Test
    void framesFromASourceFile() {
        SourceFile source = SourceFile.of("a.yaml", "a: 1\r\nbb: 2\r\n");
        CodeFrame frame = CodeFrame.of(source, new Span(new Position(2, 5), new Position(2, 6)))
                .orElseThrow();
        assertEquals("bb: 2", frame.text());
        assertEquals("    ^", frame.marker());
        CodeFrame multiLine = CodeFrame.of(source, new Span(new Position(1, 1), new Position(2, 3)))
                .orElseThrow();
        assertEquals("^~~~", multiLine.marker());
        assertTrue(CodeFrame.of(source, Span.at(3, 1)).isEmpty(), "a line past the end has no frame");
        assertTrue(CodeFrame.of(SourceFile.of("e.yaml", ""), Span.START).isEmpty());
    }

    @Test
    void framesFromAnExcerptMatchTheWholeFileOnTheLinesKept() {
        SourceFile source = SourceFile.of("a.yaml", "a: 1\r\nbb: 2\r\n\tc: \"x\"\n");
        SourceExcerpt excerpt = SourceExcerpt.of(source, IntStream.of(2, 3));
        for (Span span : List.of(
                new Span(new Position(2, 5), new Position(2, 6)),
                Span.at(3, 2),
                new Span(new Position(2, 1), new Position(3, 3)))) {
            assertEquals(CodeFrame.of(source, span), CodeFrame.of(excerpt, span), span.toString());
        }
        assertTrue(CodeFrame.of(excerpt, Span.START).isEmpty(), "a line not kept");
        assertTrue(CodeFrame.of(excerpt, Span.at(4, 1)).isEmpty(), "a line past the end");
    }
}
