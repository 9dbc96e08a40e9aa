package dev.kubelint.bench;

import java.util.Optional;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;

/**
 * One manifest document used as a model for generated ones: its text and where, in that text, the generator
 * may change the name and add labels.
 *
 * @param origin    where it came from (template folder and relative path), for the summary
 * @param kind      the object's kind
 * @param text      the document's text, without a {@code ---} line, ending with a line break
 * @param invalid   whether the document is known to be wrong (it comes from a {@code bad} folder)
 * @param nameStart offset of the metadata.name scalar in {@code text}
 * @param nameEnd   offset just after it
 * @param name      the name as written
 * @param labelsAt  offset where a label line can be inserted, or -1 when the metadata is not a block mapping
 * @param labelsIndent indentation of such a label line
 * @param labelsHeader whether a {@code labels:} line must be written first (the object has no labels yet)
 * @param metadataIndent indentation of the keys inside metadata (for a header or an extra metadata key)
 */
record Template(String origin, String kind, String text, boolean invalid, int nameStart, int nameEnd, String name,
                int labelsAt, int labelsIndent, boolean labelsHeader, int metadataIndent) {

    private static final YamlReader READER = new YamlReader();

    /**
     * Makes a template of one document's text when it is a single Kubernetes object with a plain or quoted
     * name; empty otherwise (or when the reader reports anything, for a template that must be valid).
     */
    static Optional<Template> of(String origin, String text, boolean invalid) {
        ReadResult read = READER.read(origin, text);
        if (read.documents().size() != 1 || (!invalid && !read.problems().isEmpty())) {
            return Optional.empty();
        }
        Optional<YamlNode> root = read.documents().get(0).root();
        if (root.isEmpty() || !(root.get() instanceof MappingNode object)) {
            return Optional.empty();
        }
        Optional<String> kind = object.string("kind");
        Optional<MappingNode> metadata = object.mapping("metadata");
        if (kind.isEmpty() || object.string("apiVersion").isEmpty() || metadata.isEmpty()) {
            return Optional.empty();
        }
        Optional<ScalarNode> name = metadata.get().scalar("name").filter(s -> s.value() instanceof String);
        if (name.isEmpty() || isFlow(text, metadata.get())) {
            return Optional.empty();
        }
        Lines lines = new Lines(text);
        int nameStart = lines.offset(name.get().span().start());
        int nameEnd = lines.offset(name.get().span().end());
        int metadataIndent = metadata.get().entries().get(0).keySpan().start().column() - 1;
        Optional<MappingNode> labels = metadata.get().mapping("labels");
        int labelsAt;
        int labelsIndent;
        boolean header;
        if (labels.isPresent() && !labels.get().isEmpty() && !isFlow(text, labels.get())) {
            // before the first label: the new labels come first, the object's own keep their lines
            labelsAt = lines.lineStart(labels.get().entries().get(0).keySpan().start().line());
            labelsIndent = labels.get().entries().get(0).keySpan().start().column() - 1;
            header = false;
        } else if (labels.isEmpty() && !metadata.get().has("labels")) {
            // a labels block of our own, right after the line of the name
            labelsAt = lines.lineStart(name.get().span().end().line() + 1);
            labelsIndent = metadataIndent + 2;
            header = true;
        } else {
            labelsAt = -1;
            labelsIndent = 0;
            header = false;
        }
        return Optional.of(new Template(origin, kind.get(), text, invalid, nameStart, nameEnd,
                (String) name.get().value(), labelsAt, labelsIndent, header, metadataIndent));
    }

    private static boolean isFlow(String text, MappingNode node) {
        int at = new Lines(text).offset(node.span().start());
        return at < text.length() && text.charAt(at) == '{';
    }

    /** Offsets of the lines of a text, to turn 1-based positions into offsets. */
    static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            starts = new int[count];
            int line = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[line++] = i + 1;
                }
            }
        }

        /** Offset of a 1-based line's first character; the text's length past its last line. */
        int lineStart(int line) {
            return line - 1 < starts.length ? starts[line - 1] : text.length();
        }

        /** Offset of a 1-based line and column (columns count code points). */
        int offset(dev.kubelint.core.yaml.Position position) {
            int start = lineStart(position.line());
            try {
                return Math.min(text.length(), text.offsetByCodePoints(start, position.column() - 1));
            } catch (IndexOutOfBoundsException e) {
                return text.length();
            }
        }
    }
}
