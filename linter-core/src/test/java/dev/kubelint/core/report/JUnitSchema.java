package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The JUnit XML schema Jenkins reads (vendored under test resources, see vendor/junit/SOURCE.md). */
public final class JUnitSchema {

    private static final Schema SCHEMA = load();

    private JUnitSchema() {}

    /** Validates a report against the XSD and parses it as a plain (namespace-unaware) DOM, as CI servers do. */
    public static Document parseValid(String xml) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            fail("JUnit XML does not conform to jenkins-junit.xsd: " + e.getMessage() + "\n" + xml);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("cannot parse the JUnit XML", e);
        }
    }

    private static Schema load() {
        URL xsd = JUnitSchema.class.getResource("/vendor/junit/jenkins-junit.xsd");
        assertNotNull(xsd, "vendor/junit/jenkins-junit.xsd is missing from the test resources");
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
