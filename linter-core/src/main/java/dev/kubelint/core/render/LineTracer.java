package dev.kubelint.core.render;

import java.util.ArrayList;
import java.util.List;

import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.Span;

/**
 * Traces a position in rendered YAML back to the source file it was rendered from (a chart template, a Kustomize
 * resource), by the text of the lines: the rendered line's content (without indentation and list dashes) when
 * exactly one line of the object's part of the source has it; else its key, when exactly one line of that part has
 * the key with a template expression ({@code image: {{ .Values.image }}}) or the same key; else the object's first
 * line in the source. Renderers re-indent, add labels and reorder keys, so nothing finer is reliable.
 */
public final class LineTracer {

    private final String[] lines;
    /** 1-based line numbers where the source's documents start (after each {@code ---}). */
    private final int[] documentStarts;

    private LineTracer(String text) {
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
     */
    public Span trace(String renderedText, Span span, String kind, String name) {
        String rendered = line(renderedText, span.start().line());
        int[] region = region(kind, name);
        int objectLine = objectLine(region, kind);
        String content = content(rendered);
        if (!content.isEmpty()) {
            int exact = unique(region, l -> content(l).equals(content));
            if (exact > 0) {
                int column = shifted(rendered, span.start().column(), exact);
                int width = span.end().line() == span.start().line()
                        ? Math.max(0, span.end().column() - span.start().column()) : 0;
                int end = Math.min(column + width, lines[exact - 1].length() + 1);
                return new Span(new Position(exact, column), new Position(exact, Math.max(column, end)));
            }
            String key = key(content);
            if (!key.isEmpty()) {
                int templated = unique(region, l -> key(content(l)).equals(key) && l.contains("{{"));
                int keyed = templated > 0 ? templated : unique(region, l -> key(content(l)).equals(key));
                if (keyed > 0) {
                    String source = lines[keyed - 1];
                    int keyStart = contentStart(source);
                    boolean atKey = span.start().column() - 1 <= contentStart(rendered) + key.length();
                    int column = atKey ? keyStart + 1 : Math.min(keyStart + key.length() + 3, source.length() + 1);
                    return lineSpan(keyed, column);
                }
            }
        }
        return lineSpan(objectLine, contentStart(lines[objectLine - 1]) + 1);
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
