package dev.kubelint.core.report;

import java.util.Map;

/**
 * GitHub Actions workflow commands ({@code ::error file=a.yaml,line=3::message}), escaped as the runner
 * unescapes them: in the message, {@code %}, CR and LF; in property values also {@code :} and {@code ,},
 * which would otherwise end the command or the property. Other control characters are escaped as in the text report.
 */
public final class WorkflowCommands {

    private WorkflowCommands() {}

    /** One command line, without its line break; properties in the map's order. */
    public static String command(String name, Map<String, String> properties, String message) {
        StringBuilder b = new StringBuilder("::").append(name);
        String separator = " ";
        for (Map.Entry<String, String> p : properties.entrySet()) {
            b.append(separator).append(p.getKey()).append('=').append(escapeProperty(p.getValue()));
            separator = ",";
        }
        return b.append("::").append(escapeData(message)).toString();
    }

    /**
     * GitHub's own escapes for {@code %}, CR and LF; every other control character (ESC, NUL, ...) is written as the
     * text report writes it ({@link PrintableText#escape}), so that nothing reaches the log that a terminal or
     * the runner would act on.
     */
    public static String escapeData(String text) {
        String percent = text.replace("%", "%25");
        StringBuilder b = new StringBuilder(percent.length() + 8);
        int from = 0;
        for (int i = 0; i <= percent.length(); i++) {
            if (i == percent.length() || percent.charAt(i) == '\r' || percent.charAt(i) == '\n') {
                b.append(PrintableText.escape(percent.substring(from, i)));
                if (i < percent.length()) {
                    b.append(percent.charAt(i) == '\r' ? "%0D" : "%0A");
                }
                from = i + 1;
            }
        }
        return b.toString();
    }

    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
