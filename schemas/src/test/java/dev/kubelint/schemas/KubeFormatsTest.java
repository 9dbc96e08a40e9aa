package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeFormatsTest {

    @Test
    void base64AsGoDecodesIt() {
        assertEquals(Optional.empty(), KubeFormats.base64Problem(""));
        assertEquals(Optional.empty(), KubeFormats.base64Problem("aGVsbG8="));
        assertEquals(Optional.empty(), KubeFormats.base64Problem("aGVs\nbG8h"), "line breaks are skipped");
        assertEquals(
                Optional.of("its length is not a multiple of 4 (base64 needs = padding)"),
                KubeFormats.base64Problem("aGVsbG8"));
        assertEquals(
                Optional.of("it contains '-' at position 3, which is not in the base64 alphabet"),
                KubeFormats.base64Problem("aG-sbG8="),
                "the URL alphabet is not accepted");
        assertEquals(
                Optional.of("it contains padding (=) before the end at position 2, which is not in the base64"
                        + " alphabet"),
                KubeFormats.base64Problem("a=bc"));
    }

    @Test
    void timesAsGoParsesRfc3339() {
        assertEquals(Optional.empty(), KubeFormats.dateTimeProblem("2024-02-29T23:59:59Z"));
        assertEquals(Optional.empty(), KubeFormats.dateTimeProblem("2024-05-01T12:00:00.123456-07:00"));
        assertEquals(Optional.of("not a valid date"), KubeFormats.dateTimeProblem("2023-02-29T00:00:00Z"));
        assertEquals(Optional.of("not a valid time of day"), KubeFormats.dateTimeProblem("2024-05-01T24:00:00Z"));
        assertEquals(Optional.of("not an RFC 3339 time"), KubeFormats.dateTimeProblem("2024-05-01 12:00:00Z"));
        assertEquals(Optional.of("not an RFC 3339 time"), KubeFormats.dateTimeProblem("2024-05-01T12:00:00"));
    }
}
