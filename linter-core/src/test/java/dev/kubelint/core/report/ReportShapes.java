package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documented shapes of the Checkstyle XML and GitLab Code Quality reports (test resources under formats/,
 * each saying where its shape is described); tests read those reports only through here.
 */
public final class ReportShapes {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Schema CHECKSTYLE = xsd("/formats/checkstyle.xsd");
    private static final com.networknt.schema.Schema CODE_QUALITY =
            jsonSchema("/formats/gitlab-code-quality.schema.json");

    private ReportShapes() {}

    /** The whole-number fields of a JSON object, in the order named: a position as one comparable list. */
    public static List<Integer> ints(JsonNode node, String... fields) {
        return Arrays.stream(fields).map(field -> node.get(field).asInt()).toList();
    }

    /** Validates a Checkstyle report and parses it as a plain DOM, as its readers do. */
    public static Document checkstyle(String xml) {
        return validXml(CHECKSTYLE, xml, "not Checkstyle XML");
    }

    /** The elements of a tag anywhere in a document, in document order. */
    public static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    /** An attribute of every element of a tag, in document order. */
    public static List<String> attributes(Document doc, String tag, String attribute) {
        return elements(doc, tag).stream().map(e -> e.getAttribute(attribute)).toList();
    }

    /**
     * Validates an XML report against its schema, failing the test with {@code problem} and the reason, and
     * parses it as a plain (namespace-unaware) DOM, as CI servers and code-review tools do.
     */
    static Document validXml(Schema schema, String xml, String problem) {
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            fail(problem + ": " + e.getMessage() + "\n" + xml);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("cannot parse the XML report", e);
        }
    }

    /** Parses a Code Quality report, failing when it is not the shape GitLab reads. */
    public static JsonNode codeQuality(String json) {
        JsonNode document = MAPPER.readTree(json);
        assertEquals(
                List.of(),
                CODE_QUALITY.validate(document).stream().map(Object::toString).toList(),
                "Code Quality shape violations in\n" + json);
        return document;
    }

    /** An XML schema from the test resources. */
    static Schema xsd(String resource) {
        URL xsd = ReportShapes.class.getResource(resource);
        assertNotNull(xsd, resource + " is missing from the test resources");
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.networknt.schema.Schema jsonSchema(String resource) {
        try (InputStream in = ReportShapes.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing from the test resources");
            JsonNode node = MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
