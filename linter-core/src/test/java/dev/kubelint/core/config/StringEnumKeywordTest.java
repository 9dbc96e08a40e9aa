package dev.kubelint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.custom.SchemaErrors;
import dev.kubelint.core.custom.YamlJson;
import dev.kubelint.core.testing.TestYaml;
import dev.kubelint.core.yaml.YamlNode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** kubelint's {@code enum} keyword agrees with the library's on what it accepts and on the problems it gives. */
class StringEnumKeywordTest {

    private static final String SCHEMA = """
            {"type": "object", "properties": {
              "severity": {"enum": ["error", "warning", "info"]},
              "retries": {"enum": [1, 2, 3]},
              "mixed": {"enum": ["on", 1]}}}""";

    private static List<String> problems(boolean kubelintKeyword, String yaml) {
        Dialect.Builder dialect = Dialect.builder(Dialects.getDraft202012());
        if (kubelintKeyword) {
            dialect.keyword(new StringEnumKeyword());
        }
        JsonNode schemaJson = JsonTrees.parse(SCHEMA);
        Schema schema = SchemaRegistry.withDialect(
                        dialect.build(),
                        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .locale(Locale.ROOT)
                                .build()))
                .getSchema(schemaJson);
        YamlNode root = TestYaml.root(yaml);
        return SchemaErrors.of(schema.validate(YamlJson.toJson(root, false)), root, schemaJson).stream()
                .map(p -> p.span().start().line() + ": " + p.keyword() + ": " + p.detail())
                .toList();
    }

    private static void sameAsLibrary(String yaml, List<String> expected) {
        assertEquals(expected, problems(true, yaml));
        assertEquals(problems(false, yaml), problems(true, yaml), "the library's own keyword says otherwise");
    }

    @Test
    void acceptsTheListedStrings() {
        sameAsLibrary("severity: warning\n", List.of());
    }

    @Test
    void rejectsOtherStringsWithTheAllowedValues() {
        sameAsLibrary("severity: loud\n", List.of("1: enum: must be error, warning or info, not \"loud\""));
    }

    @Test
    void rejectsValuesOfOtherTypes() {
        List<String> found = problems(true, "severity: 3\n");
        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("1: enum: must be error, warning or info, not "), found.get(0));
        assertEquals(problems(false, "severity: 3\n"), found);
        assertEquals(problems(false, "severity: yes\n"), problems(true, "severity: yes\n"));
    }

    @Test
    void leavesOtherEnumerationsToTheLibrary() {
        sameAsLibrary("retries: 2\n", List.of());
        assertEquals(1, problems(true, "retries: 4\n").size());
        assertEquals(problems(false, "retries: 4\nmixed: off\n"), problems(true, "retries: 4\nmixed: off\n"));
        assertEquals(List.of(), problems(true, "mixed: 1\n"));
    }
}
