package dev.kubelint.core.report;

import java.util.Map;

/**
 * GitHub Actions workflow commands ({@code ::error file=a.yaml,line=3::message}), escaped as the runner
 * unescapes them: in the message, {@code %}, CR and LF; in property values also {@code :} and {@code ,},
 * which would otherwise end the command or the property.
 */
public final class WorkflowCommands {

    private WorkflowCommands() {
    }

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

    public static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    public static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
