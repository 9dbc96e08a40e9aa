package dev.kubelint.core.report;

/**
 * JSON string literals for the reports that write their JSON by hand (Code Quality, the data of the HTML report).
 * Every control character (C0, DEL, C1) and the line separators U+2028 and U+2029 are written as {@code \}{@code u}
 * escapes, so that the file shown in a terminal or pasted into a script cannot act on either; {@code <}, {@code >}
 * and {@code &} are escaped too, so that a literal can sit inside an HTML {@code script} element. An unpaired
 * surrogate, which no UTF-8 file can hold, becomes U+FFFD: the output is always well-formed.
 */
final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {}

    /** The value as a quoted JSON string. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2);
        quote(value, b);
        return b.toString();
    }

    static void quote(String value, StringBuilder b) {
        b.append('"');
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                b.append(c).append(value.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c)) {
                c = (char) ColumnWidths.REPLACEMENT;
            }
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20
                            || (c >= 0x7F && c <= 0x9F)
                            || c == 0x2028
                            || c == 0x2029
                            || c == '<'
                            || c == '>'
                            || c == '&') {
                        b.append("\\u")
                                .append(HEX[c >> 12])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
