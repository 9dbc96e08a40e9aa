package dev.kubelint.cli;

import dev.kubelint.core.report.JUnitSchema;
import dev.kubelint.core.report.SarifSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads reports as their consumers do: SARIF checked against the official schema, JUnit XML against the
 * Jenkins XSD (linter-core's report tests validate against the same vendored schemas), workflow commands
 * split as the GitHub Actions runner splits them, JSON with a plain parser.
 */
final class Consumers {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Consumers() {}

    static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    /** Every SARIF document the CLI tests produce is read through here: checked against the official schema. */
    static JsonNode sarif(String text) {
        return SarifSchema.parseValid(text);
    }

    /** A JUnit XML report, checked against the Jenkins XSD and parsed as CI servers do. */
    static Document junit(String xml) {
        return JUnitSchema.parseValid(xml);
    }

    /** A workflow command as the runner reads it. */
    record Command(String name, Map<String, String> properties, String data) {}

    /** The runner's parsing (ActionCommand.TryParseV2); empty for a line that is not a command. */
    static Optional<Command> command(String line) {
        String message = line.strip();
        int end = message.startsWith("::") ? message.indexOf("::", 2) : -1;
        if (end < 0) {
            return Optional.empty();
        }
        String info = message.substring(2, end);
        int space = info.indexOf(' ');
        Map<String, String> properties = new LinkedHashMap<>();
        if (space >= 0) {
            for (String pair : info.substring(space + 1).split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && !kv[0].isBlank()) {
                    properties.put(
                            kv[0],
                            kv[1].replace("%0D", "\r")
                                    .replace("%0A", "\n")
                                    .replace("%3A", ":")
                                    .replace("%2C", ",")
                                    .replace("%25", "%"));
                }
            }
        }
        String data = message.substring(end + 2)
                .replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%25", "%");
        return Optional.of(new Command(space < 0 ? info : info.substring(0, space), properties, data));
    }
}
