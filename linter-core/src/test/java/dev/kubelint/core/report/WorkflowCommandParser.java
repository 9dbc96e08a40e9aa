package dev.kubelint.core.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a line the way the GitHub Actions runner does (ActionCommand.TryParseV2): a command starts with
 * {@code ::}, its name and properties end at the next {@code ::}, properties are split at commas and then at the
 * first {@code =}, and both parts are unescaped with the runner's tables, {@code %25} last.
 */
final class WorkflowCommandParser {

    record Command(String name, Map<String, String> properties, String data) {}

    private WorkflowCommandParser() {}

    static Optional<Command> parse(String line) {
        String message = line.strip();
        if (!message.startsWith("::")) {
            return Optional.empty();
        }
        int end = message.indexOf("::", 2);
        if (end < 0) {
            return Optional.empty();
        }
        String info = message.substring(2, end);
        int space = info.indexOf(' ');
        String name = space < 0 ? info : info.substring(0, space);
        Map<String, String> properties = new LinkedHashMap<>();
        if (space >= 0) {
            for (String pair : info.substring(space + 1).split(",")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && !kv[0].isBlank()) {
                    properties.put(kv[0], unescapeProperty(kv[1]));
                }
            }
        }
        return Optional.of(new Command(name, properties, unescapeData(message.substring(end + 2))));
    }

    static String unescapeData(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    static String unescapeProperty(String s) {
        return s.replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%");
    }
}
