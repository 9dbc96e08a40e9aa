package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official SARIF 2.1.0 schema (vendored under test resources, see vendor/sarif/SOURCE.md), compiled once.
 * Every SARIF document a test produces goes through {@link #parseValid}, which is how tests read SARIF at all.
 */
public final class SarifSchema {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Schema SCHEMA = load();

    private SarifSchema() {}

    /** Parses a SARIF document, failing the test when it does not conform to the schema. */
    public static JsonNode parseValid(String sarif) {
        JsonNode document = MAPPER.readTree(sarif);
        List<com.networknt.schema.Error> errors = SCHEMA.validate(document);
        assertEquals(List.of(), errors.stream().map(Object::toString).toList(), "SARIF schema violations");
        return document;
    }

    /** Errors of a document, for tests that check the validator catches mistakes. */
    static List<String> errors(String sarif) {
        return SCHEMA.validate(MAPPER.readTree(sarif)).stream()
                .map(Object::toString)
                .toList();
    }

    /**
     * The schema declares draft-04; it is read with the draft-07 dialect, whose keywords it only uses in their
     * compatible forms (no boolean exclusiveMinimum), and whose format checks apply to URIs and dates. Draft-07
     * spells the root's {@code id} as {@code $id}.
     */
    private static Schema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/vendor/sarif/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "vendor/sarif/sarif-schema-2.1.0.json is missing from the test resources");
            ObjectNode node = (ObjectNode) MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            node.remove("$schema");
            node.set("$id", node.remove("id"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
