package dev.kubelint.schemas;

import dev.kubelint.core.custom.YamlJson;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON that kubectl would send to the API server, for schema validation: {@link YamlJson} with
 * {@link YamlJson.Options#SENT_TO_API}, and a problem for each infinity or NaN, which kubectl fails to convert.
 */
public final class YamlToJson {

    /** The JSON tree and the values that could not be converted. */
    public record Conversion(JsonNode json, List<SchemaProblem> problems) {
        public Conversion {
            problems = List.copyOf(problems);
        }
    }

    private YamlToJson() {}

    /** Converts an object; pointers of problems are relative to {@code root}. */
    public static Conversion convert(YamlNode root) {
        YamlJson.Conversion conversion = YamlJson.convert(root, YamlJson.Options.SENT_TO_API);
        if (conversion.unsendable().isEmpty()) {
            return new Conversion(conversion.json(), List.of());
        }
        List<SchemaProblem> problems = new ArrayList<>();
        for (ScalarNode s : conversion.unsendable()) {
            String relative = s.pointer().substring(root.pointer().length());
            String path = JsonPointers.toPath(relative);
            problems.add(SchemaProblem.value(
                    relative,
                    (path.isEmpty() ? "" : path + ": ") + s.text()
                            + " cannot be sent to the API server: JSON has no infinity or NaN, so"
                            + " kubectl fails to convert this manifest"));
        }
        return new Conversion(conversion.json(), problems);
    }
}
