package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads reports as their consumers do: SARIF checked against the official schema, JUnit XML against the
 * Jenkins XSD (both vendored in linter-core's test resources, see vendor/ SOURCE.md files), workflow commands
 * split as the GitHub Actions runner splits them, JSON with a plain parser.
 */
final class Consumers {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static Schema sarifSchema;
    private static javax.xml.validation.Schema junitSchema;

    private Consumers() {}

    static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    /** Every SARIF document the CLI tests produce is read through here. */
    static synchronized JsonNode sarif(String text) {
        if (sarifSchema == null) {
            sarifSchema = loadSarifSchema();
        }
        JsonNode document = MAPPER.readTree(text);
        assertEquals(
                List.of(),
                sarifSchema.validate(document).stream().map(Object::toString).toList(),
                "SARIF schema violations");
        return document;
    }

    static synchronized Document junit(String xml) {
        try {
            if (junitSchema == null) {
                URL xsd = Consumers.class.getResource("/vendor/junit/jenkins-junit.xsd");
                assertNotNull(xsd, "vendor/junit/jenkins-junit.xsd is missing from the test resources");
                junitSchema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                        .newSchema(xsd);
            }
            junitSchema.newValidator().validate(new StreamSource(new StringReader(xml)));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException | javax.xml.parsers.ParserConfigurationException e) {
            return fail("JUnit XML does not conform to jenkins-junit.xsd: " + e.getMessage() + "\n" + xml);
        }
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

    /** The official schema, read with the draft-07 dialect (see linter-core's SarifSchema for why). */
    private static Schema loadSarifSchema() {
        try (InputStream in = Consumers.class.getResourceAsStream("/vendor/sarif/sarif-schema-2.1.0.json")) {
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
