package dev.kubelint.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceExcerptTest {

    private static final SourceFile FILE = SourceFile.of("a.yaml", "one\r\ntwo\nthree\rfour\n");

    @Test
    void keepsTheGivenLinesOnceWithoutLineBreaks() {
        SourceExcerpt excerpt = SourceExcerpt.of(FILE, IntStream.of(4, 2, 2, 0, 9));
        assertEquals(List.of(2, 4), excerpt.lineNumbers().boxed().toList());
        assertEquals(Optional.of("two"), excerpt.line(2));
        assertEquals(Optional.of("four"), excerpt.line(4));
        assertEquals(Optional.empty(), excerpt.line(3));
        assertEquals(4, excerpt.lineCount());
        assertEquals("a.yaml", excerpt.displayName());
    }

    @Test
    void knowsTheLinesItKeptAndTheLinesTheFileDoesNotHave() {
        SourceExcerpt excerpt = SourceExcerpt.of(FILE, IntStream.of(1));
        assertTrue(excerpt.knows(1));
        assertFalse(excerpt.knows(2), "a line of the file that was not kept");
        assertTrue(excerpt.knows(5), "past the end: known to be absent");
    }

    @Test
    void wholeKeepsEveryLineAndAnEmptyTextHasNone() {
        assertEquals(
                List.of(1, 2, 3, 4),
                SourceExcerpt.whole(FILE).lineNumbers().boxed().toList());
        assertEquals(Optional.of("three"), SourceExcerpt.whole(FILE).line(3));
        SourceExcerpt empty = SourceExcerpt.whole(SourceFile.of("e.yaml", ""));
        assertEquals(0, empty.lineCount());
        assertEquals(Optional.empty(), empty.line(1));
        assertTrue(empty.knows(1));
    }
}
