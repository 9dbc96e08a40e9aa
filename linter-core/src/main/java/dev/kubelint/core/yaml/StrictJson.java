package dev.kubelint.core.yaml;

import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * kubectl reads a stream whose first non-blank character is '{' as JSON, with a strict JSON reader: comments,
 * trailing commas and single quotes are errors there although YAML would accept them. This check applies the
 * same rule, so kubelint rejects what kubectl rejects.
 */
final class StrictJson {

    /** Created on first use: a YAML file must not pay for loading and setting up Jackson's parser. */
    private static final class Factory {
        static final JsonFactory INSTANCE = new JsonFactory();
    }

    private StrictJson() {
    }

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
        try (JsonParser parser = Factory.INSTANCE.createParser(ObjectReadContext.empty(), text)) {
            while (parser.nextToken() != null) {
                // read every token of every value in the stream
            }
            return Optional.empty();
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
            int newline = message.indexOf('\n');
            if (newline > 0) {
                message = message.substring(0, newline);
            }
            return Optional.of(new ReadProblem(ReadProblem.Kind.SYNTAX, "JSON syntax error: " + message
                    + " (kubectl reads a file that starts with '{' as strict JSON)", Span.at(line, column), 0));
        }
    }
}
