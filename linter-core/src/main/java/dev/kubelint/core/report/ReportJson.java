package dev.kubelint.core.report;

import dev.kubelint.core.custom.JsonTrees;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.function.Predicate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;

/**
 * The one JSON writer of the reports (JSON, SARIF, Code Quality and the data of the HTML report): Jackson's
 * streaming generator, with escapes so that a report shown in a terminal or pasted into a script cannot act on
 * either. Every control character (C0, DEL, C1) and the line separators U+2028 and U+2029 are written as
 * {@code \}{@code u} escapes (the common ones as {@code \n}, {@code \t} and the like); in HTML, {@code <},
 * {@code >} and {@code &} are escaped too, so that the JSON can sit inside a {@code script} element. An unpaired
 * surrogate, which no UTF-8 file can hold, becomes U+FFFD: the output is always well-formed.
 */
final class ReportJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** How the JSON is laid out. */
    enum Layout {
        /** Indented as Jackson's default pretty printer indents: the JSON and SARIF reports. */
        INDENTED,
        /** One line per item of the outer array, each on one line: the Code Quality report. */
        LINE_PER_ITEM,
        /** Compact, with a line per item of the {@code findings} array: the data of the HTML report. */
        COMPACT_FINDINGS
    }

    private static final CharacterEscapes PLAIN = new Escapes(false);
    private static final CharacterEscapes IN_HTML = new Escapes(true);

    private ReportJson() {}

    /**
     * A generator that writes to {@code out} and leaves it open when closed.
     *
     * @param inHtml whether the JSON goes into an HTML page ({@code <}, {@code >} and {@code &} escaped)
     */
    static JsonGenerator generator(Writer out, Layout layout, boolean inHtml) {
        return FACTORY.createGenerator(new Context(layout, inHtml ? IN_HTML : PLAIN), PrintableText.writer(out));
    }

    /** Writes a tree as one JSON document and a line break. */
    static void write(JsonNode tree, Writer out) throws IOException {
        try (JsonGenerator g = generator(out, Layout.INDENTED, false)) {
            JsonTrees.write(g, tree);
        }
        out.write('\n');
    }

    private static final class Context extends ObjectWriteContext.Base {
        private final Layout layout;
        private final CharacterEscapes escapes;

        Context(Layout layout, CharacterEscapes escapes) {
            this.layout = layout;
            this.escapes = escapes;
        }

        @Override
        public CharacterEscapes getCharacterEscapes() {
            return escapes;
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }

        @Override
        public PrettyPrinter getPrettyPrinter() {
            return switch (layout) {
                case INDENTED -> new DefaultPrettyPrinter();
                case LINE_PER_ITEM ->
                    new Lines(": ", ", ", "  ", true, array -> array.getParent().inRoot());
                case COMPACT_FINDINGS ->
                    new Lines(
                            ":",
                            ",",
                            "",
                            false,
                            array -> "findings".equals(array.getParent().currentName()));
            };
        }

        @Override
        public int getStreamWriteFeatures(int defaults) {
            // the reporter's caller owns the writer: standard output must stay open
            return defaults & ~StreamWriteFeature.AUTO_CLOSE_TARGET.getMask();
        }
    }

    /**
     * Everything on one line but the items of the arrays {@code listed} picks, each on a line of its own.
     *
     * @param listed     whether an array's items go on lines of their own (given the array's context)
     * @param closeAlone whether such an array's closing bracket goes on a line of its own
     */
    private record Lines(
            String nameSeparator,
            String entrySeparator,
            String indent,
            boolean closeAlone,
            Predicate<TokenStreamContext> listed)
            implements PrettyPrinter {

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) {
            g.writeRaw('{');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {}

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(nameSeparator);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(entrySeparator);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) {
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) {
            g.writeRaw('[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            if (listed.test(g.streamWriteContext())) {
                g.writeRaw("\n" + indent);
            }
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(listed.test(g.streamWriteContext()) ? ",\n" + indent : entrySeparator);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            g.writeRaw(closeAlone && values > 0 && listed.test(g.streamWriteContext()) ? "\n]" : "]");
        }
    }

    /** Jackson's escapes, and DEL, C1, U+2028, U+2029 (and in HTML {@code <>&}) as {@code \}{@code u} escapes. */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] ascii;

        Escapes(boolean inHtml) {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7F] = ESCAPE_STANDARD;
            if (inHtml) {
                ascii['<'] = ESCAPE_STANDARD;
                ascii['>'] = ESCAPE_STANDARD;
                ascii['&'] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029
                    ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", c))
                    : null;
        }
    }
}
