package dev.kubelint.core.report;

import javax.xml.validation.Schema;
import org.w3c.dom.Document;

/** The JUnit XML schema Jenkins reads (vendored under test resources, see vendor/junit/SOURCE.md). */
public final class JUnitSchema {

    private static final Schema SCHEMA = ReportShapes.xsd("/vendor/junit/jenkins-junit.xsd");

    private JUnitSchema() {}

    /** Validates a report against the XSD and parses it as a plain (namespace-unaware) DOM, as CI servers do. */
    public static Document parseValid(String xml) {
        return ReportShapes.validXml(SCHEMA, xml, "JUnit XML does not conform to jenkins-junit.xsd");
    }
}
