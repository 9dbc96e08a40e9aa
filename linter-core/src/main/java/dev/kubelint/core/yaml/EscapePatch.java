package dev.kubelint.core.yaml;

import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * kubectl's YAML library accepts {@code \'} inside double quotes (as a plain {@code '}); SnakeYAML does not. The
 * reader patches every such escape of the scalar where one is found to an equivalent of the same length, so
 * positions stay true, and reads again.
 */
final class EscapePatch {

    private EscapePatch() {}

    /** The character that replaces the quote in a patched {@code \'} escape: YAML's {@code \_} (U+00A0). */
    static final char SINGLE_QUOTE_MARK = '_';

    /** Patches every {@code \'} of the double-quoted scalar in which the one at {@code at} was found. */
    static void patchSingleQuoteEscapes(char[] chars, int at) {
        chars[at] = SINGLE_QUOTE_MARK;
        for (int i = at + 1; i < chars.length && chars[i] != '"'; i++) {
            if (chars[i] == '\\' && i + 1 < chars.length) {
                if (chars[i + 1] == '\'') {
                    chars[i + 1] = SINGLE_QUOTE_MARK;
                }
                i++;
            }
        }
    }

    static boolean isSingleQuoteEscape(MarkedYamlEngineException e, char[] chars, int index) {
        String problem = e.getProblem();
        if (problem == null || !problem.contains("unknown escape character")) {
            return false;
        }
        return index >= 1 && index < chars.length && chars[index] == '\'' && chars[index - 1] == '\\';
    }
}
