package dev.kubelint.core.render;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Traces a position in rendered YAML back to the source file it was rendered from (a chart template, a Kustomize
 * resource). Where the source is YAML that holds the object (a Kustomize resource), the finding's JSON pointer is
 * followed in it, and its line is taken when it has the same content or key as the rendered line. Otherwise, by the
 * text of the lines: the rendered line's content (without indentation and list dashes) when
 * exactly one line of the object's part of the source has it; else its key, when exactly one line of that part has
 * the key with a template expression ({@code image: {{ .Values.image }}}) or the same key; else the object's first
 * line in the source. Renderers re-indent, add labels and reorder keys, so nothing finer is reliable.
 */
public final class LineTracer {

    private final String text;
    private final String[] lines;
    private volatile List<YamlDocument> parsed;
    /** 1-based line numbers where the source's documents start (after each {@code ---}). */
    private final int[] documentStarts;

    private LineTracer(String text) {
        this.text = text;
        this.lines = text.split("\r\n|\r|\n", -1);
        List<Integer> starts = new ArrayList<>();
        starts.add(1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("---")) {
                starts.add(i + 2);
            }
        }
        this.documentStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A tracer into the given source text. */
    public static LineTracer of(String sourceText) {
        return new LineTracer(sourceText);
    }

    /**
     * The place in the source of a span of rendered text.
     *
     * @param renderedText the whole rendered text the span is in
     * @param span         the span in it
     * @param kind         the kind of the object the span is in (empty when unknown)
     * @param name         its name (empty when unknown)
     * @param pointer      the JSON pointer of the node the span is on, from the root of its document
     */
    public Span trace(String renderedText, Span span, String kind, String name, String pointer) {
        String rendered = line(renderedText, span.start().line());
        int[] region = region(kind, name);
        int objectLine = objectLine(region, kind);
        String content = content(rendered);
        int pointed = pointed(kind, name, pointer);
        if (pointed > 0 && !content.isEmpty()) {
            String source = content(lines[pointed - 1]);
            if (source.equals(content)) {
                return exact(rendered, span, pointed);
            }
            if (!key(content).isEmpty() && key(source).equals(key(content))) {
                return keyed(rendered, span, pointed, key(content));
            }
        }
        if (!content.isEmpty()) {
            int exact = unique(region, l -> content(l).equals(content));
            if (exact > 0) {
                return exact(rendered, span, exact);
            }
            String key = key(content);
            if (!key.isEmpty()) {
                int templated = unique(region, l -> key(content(l)).equals(key) && l.contains("{{"));
                int keyed = templated > 0
                        ? templated
                        : unique(region, l -> key(content(l)).equals(key));
                if (keyed > 0) {
                    return keyed(rendered, span, keyed, key);
                }
            }
        }
        return lineSpan(objectLine, contentStart(lines[objectLine - 1]) + 1);
    }

    /** The same content on a source line: the same place in it. */
    private Span exact(String rendered, Span span, int line) {
        int column = shifted(rendered, span.start().column(), line);
        int width = span.end().line() == span.start().line()
                ? Math.max(0, span.end().column() - span.start().column())
                : 0;
        int end = Math.min(column + width, lines[line - 1].length() + 1);
        return new Span(new Position(line, column), new Position(line, Math.max(column, end)));
    }

    /** The same key on a source line: its key, or its value when the span is on the value. */
    private Span keyed(String rendered, Span span, int line, String key) {
        String source = lines[line - 1];
        int keyStart = contentStart(source);
        boolean atKey = span.start().column() - 1 <= contentStart(rendered) + key.length();
        int column = atKey ? keyStart + 1 : Math.min(keyStart + key.length() + 3, source.length() + 1);
        return lineSpan(line, column);
    }

    /**
     * The line of the node the pointer names in the source's document of that kind and name, when the source is
     * YAML that holds it; 0 otherwise.
     */
    private int pointed(String kind, String name, String pointer) {
        if (kind.isEmpty() || pointer.isEmpty()) {
            return 0;
        }
        for (YamlDocument doc : documents()) {
            if (doc.root().isEmpty()
                    || !(doc.root().get() instanceof MappingNode root)
                    || !root.string("kind").orElse("").equals(kind)
                    || !name.isEmpty()
                            && !root.mapping("metadata")
                                    .flatMap(m -> m.string("name"))
                                    .orElse(name)
                                    .equals(name)) {
                continue;
            }
            YamlNode node = root;
            for (String segment : pointer.substring(1).split("/", -1)) {
                String key = segment.replace("~1", "/").replace("~0", "~");
                Optional<YamlNode> next = Optional.empty();
                if (node instanceof MappingNode m) {
                    next = m.get(key);
                } else if (node instanceof SequenceNode s
                        && key.chars().allMatch(Character::isDigit)
                        && key.length() < 9) {
                    next = s.get(Integer.parseInt(key));
                }
                if (next.isEmpty()) {
                    return 0;
                }
                node = next.get();
            }
            int line = node.span().start().line();
            return line >= 1 && line <= lines.length ? line : 0;
        }
        return 0;
    }

    private List<YamlDocument> documents() {
        List<YamlDocument> docs = parsed;
        if (docs == null) {
            try {
                docs = new YamlReader(ReadLimits.DEFAULTS).read("source", text).documents();
            } catch (RuntimeException e) {
                docs = List.of();
            }
            parsed = docs;
        }
        return docs;
    }

    private Span lineSpan(int line, int column) {
        String text = lines[line - 1];
        int end = Math.max(column, text.stripTrailing().length() + 1);
        return new Span(new Position(line, column), new Position(line, end));
    }

    /** The source column of a rendered column, keeping its offset from the start of the line's content. */
    private int shifted(String rendered, int column, int sourceLine) {
        String source = lines[sourceLine - 1];
        int offset = column - 1 - contentStart(rendered);
        int shifted = contentStart(source) + Math.max(0, offset) + 1;
        return Math.min(shifted, source.length() + 1);
    }

    /** The lines [from, to) of the source document that holds the object, or the whole source. */
    private int[] region(String kind, String name) {
        if (kind.isEmpty() || documentStarts.length == 1) {
            return new int[] {1, lines.length + 1};
        }
        int[] best = null;
        for (int d = 0; d < documentStarts.length; d++) {
            int from = documentStarts[d];
            int to = d + 1 < documentStarts.length ? documentStarts[d + 1] - 1 : lines.length + 1;
            boolean hasKind = false;
            boolean hasName = false;
            for (int l = from; l < to; l++) {
                String c = content(lines[l - 1]);
                hasKind |= c.equals("kind: " + kind);
                hasName |= !name.isEmpty() && c.equals("name: " + name);
            }
            if (hasKind && hasName) {
                return new int[] {from, to};
            }
            if (hasKind && best == null) {
                best = new int[] {from, to};
            }
        }
        return best != null ? best : new int[] {1, lines.length + 1};
    }

    /** The object's first line in the region: its apiVersion just before its kind, else its kind, else the first. */
    private int objectLine(int[] region, String kind) {
        int kindLine = 0;
        for (int l = region[0]; l < region[1] && kindLine == 0; l++) {
            if (!kind.isEmpty() && content(lines[l - 1]).equals("kind: " + kind)) {
                kindLine = l;
            }
        }
        if (kindLine > 0) {
            for (int l = kindLine - 1; l >= Math.max(region[0], kindLine - 5); l--) {
                if (content(lines[l - 1]).startsWith("apiVersion:") && contentStart(lines[l - 1]) == 0) {
                    return l;
                }
            }
            return kindLine;
        }
        for (int l = region[0]; l < region[1]; l++) {
            String c = content(lines[l - 1]);
            if (!c.isEmpty() && !c.startsWith("#") && !c.startsWith("---") && !c.startsWith("{{")) {
                return l;
            }
        }
        return Math.max(1, Math.min(region[0], lines.length));
    }

    /** The only line of the region that matches, or 0. */
    private int unique(int[] region, java.util.function.Predicate<String> matches) {
        int found = 0;
        for (int l = region[0]; l < region[1]; l++) {
            if (matches.test(lines[l - 1])) {
                if (found > 0) {
                    return 0;
                }
                found = l;
            }
        }
        return found;
    }

    /** A line's content without indentation, list dashes and trailing blanks. */
    static String content(String line) {
        return line.substring(contentStart(line)).stripTrailing();
    }

    private static int contentStart(String line) {
        int i = 0;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i + 1 < line.length() && line.charAt(i) == '-' && line.charAt(i + 1) == ' ') {
                i += 2;
            } else {
                return i;
            }
        }
    }

    /** The mapping key a line's content starts with, or empty. */
    static String key(String content) {
        int colon = content.indexOf(": ");
        if (colon < 0 && content.endsWith(":")) {
            colon = content.length() - 1;
        }
        if (colon <= 0 || content.startsWith("#") || content.startsWith("{{")) {
            return "";
        }
        return content.substring(0, colon);
    }

    private static String line(String text, int number) {
        int start = 0;
        for (int n = 1; n < number; n++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public String toString() {
        return "LineTracer(" + lines.length + " lines)";
    }
}
