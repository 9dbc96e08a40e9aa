package dev.kubelint.core.yaml;

import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * kubectl reads a stream whose first non-blank character is '{' as JSON, with a strict JSON reader: comments,
 * trailing commas and single quotes are errors there although YAML would accept them. This check applies the
 * same rule, so kubelint rejects what kubectl rejects.
 */
final class StrictJson {

    /**
     * Jackson's default guards (nesting depth 500, numbers of 1,000 digits) are stricter than kubectl's JSON
     * reader; kubelint's own limits (max-depth, max-scalar-length, max-file-bytes) apply in the YAML pass that
     * follows, with findings that name them. Jackson's JSON parser is not recursive, so deep input is safe here.
     */
    private static final class Factory {
        /** Created on first use: a YAML file must not pay for loading and setting up Jackson's parser. */
        static final JsonFactory INSTANCE = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Integer.MAX_VALUE)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE)
                        .build())
                .build();
    }

    private static final Pattern SOURCE_MARKER =
            Pattern.compile("\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)", Pattern.DOTALL);
    private static final Pattern ANY_SOURCE_MARKER =
            Pattern.compile(" ?\\(start marker at \\[Source: .*?\\]\\)", Pattern.DOTALL);

    private StrictJson() {}

    static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    static Optional<ReadProblem> check(String text) {
        return check(text, new java.util.ArrayList<>());
    }

    /**
     * Checks the stream and collects the char offset of each top-level value into {@code roots}: kubectl's JSON
     * decoder reads several concatenated values one after the other, as separate objects.
     */
    static Optional<ReadProblem> check(String text, java.util.List<Integer> roots) {
        try (JsonParser parser = Factory.INSTANCE.createParser(ObjectReadContext.empty(), text)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (depth == 0) {
                    roots.add((int) parser.currentTokenLocation().getCharOffset());
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
            return Optional.empty();
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
            message = SOURCE_MARKER.matcher(message).replaceAll("(it starts at line $1, column $2)");
            message = ANY_SOURCE_MARKER.matcher(message).replaceAll("").trim();
            int newline = message.indexOf('\n');
            if (newline > 0) {
                message = message.substring(0, newline);
            }
            return Optional.of(new ReadProblem(
                    ReadProblem.Kind.SYNTAX,
                    "JSON syntax error: " + message + " (kubectl reads a file that starts with '{' as strict JSON)",
                    Span.at(line, column),
                    0));
        }
    }
}
