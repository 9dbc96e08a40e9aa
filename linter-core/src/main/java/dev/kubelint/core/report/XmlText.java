package dev.kubelint.core.report;

/**
 * Escaping for XML 1.0 text and attribute values. Characters XML 1.0 cannot carry at all (most control
 * characters, unpaired surrogates) become U+FFFD, so that a hostile input can never make a report unreadable.
 */
final class XmlText {

    private XmlText() {}

    static String text(String value) {
        return escape(value, false);
    }

    /** For a double-quoted attribute; line breaks and tabs become character references so that parsers keep them. */
    static String attribute(String value) {
        return escape(value, true);
    }

    private static String escape(String value, boolean attribute) {
        StringBuilder b = new StringBuilder(value.length() + 16);
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            int length = Character.charCount(cp);
            if (Character.isSurrogate(value.charAt(i)) && length == 1) {
                cp = ColumnWidths.REPLACEMENT;
            }
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> b.appendCodePoint(allowed(cp) ? cp : ColumnWidths.REPLACEMENT);
            }
            i += length;
        }
        return b.toString();
    }

    /** XML 1.0's Char production. */
    private static boolean allowed(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
