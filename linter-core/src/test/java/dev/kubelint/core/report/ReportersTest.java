package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReportersTest {

    @Test
    void everyNamedFormatHasItsReporter() {
        for (String name : Reporters.NAMES) {
            assertEquals(name, Reporters.find(name).orElseThrow().format());
        }
        assertTrue(Reporters.find("xml").isEmpty());
        assertTrue(Reporters.find("TEXT").isEmpty(), "format names are lower case, as documented");
    }

    @Test
    void columnWidths() {
        assertEquals(1, ColumnWidths.of('a'));
        assertEquals(1, ColumnWidths.of(0xE9), "é");
        assertEquals(0, ColumnWidths.of(0x0308), "combining diaeresis");
        assertEquals(0, ColumnWidths.of(0x200B), "zero width space");
        assertEquals(0, ColumnWidths.of(0xFE0F), "variation selector");
        assertEquals(2, ColumnWidths.of(0x65E5), "日");
        assertEquals(2, ColumnWidths.of(0xFF21), "full-width A");
        assertEquals(2, ColumnWidths.of(0xAC00), "Hangul syllable");
        assertEquals(2, ColumnWidths.of(0x1F600), "grinning face");
        assertEquals(1, ColumnWidths.of(0x2190), "arrow, narrow");
        assertEquals(1, ColumnWidths.of(0x00AD), "soft hyphen is shown");
        assertTrue(ColumnWidths.isControl(0x1B));
        assertTrue(ColumnWidths.isControl(0x85));
        assertTrue(!ColumnWidths.isControl('\t'));
    }
}
