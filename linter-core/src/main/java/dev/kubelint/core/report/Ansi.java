package dev.kubelint.core.report;

import dev.kubelint.core.finding.Severity;

/**
 * ANSI SGR styles for terminal output, or none at all. Every method returns its text unchanged when colours are
 * off, so callers never branch on the setting.
 */
public final class Ansi {

    public static final Ansi OFF = new Ansi(false);
    public static final Ansi ON = new Ansi(true);

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    private Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    public static Ansi of(boolean enabled) {
        return enabled ? ON : OFF;
    }

    public boolean enabled() {
        return enabled;
    }

    public String bold(String text) {
        return style("1", text);
    }

    public String dim(String text) {
        return style("2", text);
    }

    /** Blue, for line numbers and the gutter of code frames. */
    public String gutter(String text) {
        return style("34", text);
    }

    /** The colour of a severity, bold: red errors, yellow warnings, cyan infos. */
    public String severity(Severity severity, String text) {
        return style("1;" + colour(severity), text);
    }

    /** The colour of a severity without bold, for markers under source text. */
    public String marker(Severity severity, String text) {
        return style(colour(severity), text);
    }

    private static String colour(Severity severity) {
        return switch (severity) {
            case ERROR -> "31";
            case WARNING -> "33";
            case INFO -> "36";
        };
    }

    private String style(String sgr, String text) {
        if (!enabled || text.isEmpty()) {
            return text;
        }
        return "\u001b[" + sgr + "m" + text + RESET;
    }
}
