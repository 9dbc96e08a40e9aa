package dev.kubelint.core.report;

import java.util.Arrays;

/**
 * How many terminal columns a code point takes: 0 for combining marks and format characters, 2 for East Asian
 * wide and full-width characters and emoji, 1 for the rest. Code frames need this so that the caret lands under
 * the right character when a line holds CJK text or emoji; a column in a finding counts code points, a terminal
 * counts cells.
 */
public final class ColumnWidths {

    /** Tab stops every 8 columns, as terminals and compilers expand tabs. */
    public static final int TAB_STOP = 8;

    /** What a control character is shown as, so that a hostile file cannot drive the terminal. */
    public static final int REPLACEMENT = 0xFFFD;

    /** Inclusive ranges of wide code points (East Asian Width W and F, emoji presentation), sorted. */
    private static final int[][] WIDE = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
        {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
        {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
        {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
        {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
        {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
        {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
        {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
        {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
        {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1}, {0x17000, 0x187F7},
        {0x18800, 0x18CD5}, {0x18D00, 0x18D08}, {0x1AFF0, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
        {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248},
        {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C},
        {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
        {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
        {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F},
        {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF},
        {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A},
        {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };

    private static final int[] WIDE_STARTS =
            Arrays.stream(WIDE).mapToInt(r -> r[0]).toArray();

    private ColumnWidths() {}

    /** Terminal cells of a printable code point (tabs and controls are the caller's business). */
    public static int of(int codePoint) {
        if (isZeroWidth(codePoint)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /** Control characters other than tab, which a code frame must not print as they are. */
    public static boolean isControl(int codePoint) {
        return codePoint != '\t' && Character.getType(codePoint) == Character.CONTROL;
    }

    /** Terminal cells of a whole string without tabs or controls. */
    public static int of(String text) {
        return text.codePoints().map(ColumnWidths::of).sum();
    }

    private static boolean isZeroWidth(int cp) {
        int type = Character.getType(cp);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
        // soft hyphen is a format character that terminals do show
        boolean format = type == Character.FORMAT && cp != 0x00AD;
        boolean hangulJamoMedialOrFinal = cp >= 0x1160 && cp <= 0x11FF;
        return mark || format || hangulJamoMedialOrFinal;
    }

    private static boolean isWide(int cp) {
        if (cp < WIDE_STARTS[0]) {
            return false;
        }
        int i = Arrays.binarySearch(WIDE_STARTS, cp);
        int range = i >= 0 ? i : -i - 2;
        return cp <= WIDE[range][1];
    }
}
