package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CheckstyleReporterTest {

    @TempDir
    Path dir;

    private String xml(LintResult result) throws IOException {
        return SampleResults.render(new CheckstyleReporter(), result, ReportOptions.plain(dir));
    }

    private Document checkstyle(LintResult result) throws IOException {
        return ReportShapes.checkstyle(xml(result));
    }

    @Test
    void everyFileIsListedAndEveryActiveFindingIsAnError() throws IOException {
        Document doc = checkstyle(SampleResults.full());
        assertEquals(
                SampleResults.FULL_FILES,
                ReportShapes.attributes(doc, "file", "name"),
                "scan order, then the run's own findings");
        List<Element> errors = ReportShapes.elements(doc, "error");
        assertEquals(SampleResults.full().findings().size(), errors.size(), "no suppressed finding");
        List<String> read = errors.stream()
                .map(e -> ((Element) e.getParentNode()).getAttribute("name") + ":" + e.getAttribute("line") + ":"
                        + e.getAttribute("column") + " " + e.getAttribute("severity") + " " + e.getAttribute("source"))
                .toList();
        assertEquals(
                List.of(
                        "k8s/broken.yaml:6:1 error yaml-syntax",
                        "k8s/list.yaml:10:13 error schema-type",
                        "k8s/tabs.yaml:6:6 error schema-type",
                        "k8s/web.yaml:4:9 info name-style",
                        "k8s/web.yaml:6:10 warning label-value",
                        "k8s/web.yaml:12:22 error schema-type",
                        "<stdin>:4:7 error schema-type",
                        "kubelint:1:1 error rule-failure"),
                read);
    }

    @Test
    void messagesArriveAsWrittenAndControlCharactersCannot() throws IOException {
        Document doc = checkstyle(SampleResults.full());
        List<String> messages = ReportShapes.attributes(doc, "error", "message");
        assertTrue(messages.contains("items[1].data.k: expected string, found integer 1 <&>"), messages::toString);
        assertTrue(messages.contains("name \"web\" could say more\nsecond line of the message"), "line breaks kept");
        assertTrue(
                messages.contains("label value \"we\u0308b-\uD83D\uDE00\" has characters other than "
                        + "[a-zA-Z0-9-_.]: 100% wrong, a:b"),
                "combining marks and emoji kept");
        assertTrue(
                messages.contains("data.k: tab\there, bell\uFFFD and escape\uFFFD[31m in a message"),
                messages::toString);
    }

    @Test
    void aLoneSurrogateNeverMakesTheFileMalformed() throws IOException {
        String xml = xml(SampleResults.fullWithError("k8s/web.yaml", "half \uD83D of an emoji and a stray \uDE00"));
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(xml), "a file can hold it");
        ReportShapes.checkstyle(xml);
        assertTrue(xml.contains("half \uFFFD of an emoji and a stray \uFFFD"), xml);
    }

    @Test
    void aCleanRunListsItsFilesWithoutErrors() throws IOException {
        Document doc = checkstyle(SampleResults.clean());
        assertEquals(2, doc.getElementsByTagName("file").getLength());
        assertEquals(0, doc.getElementsByTagName("error").getLength());
    }
}
