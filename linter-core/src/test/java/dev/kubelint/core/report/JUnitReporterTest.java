package dev.kubelint.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReporterTest {

    @TempDir
    Path dir;

    private Document junit(LintResult result) throws IOException {
        return JUnitSchema.parseValid(SampleResults.render(new JUnitReporter(), result, ReportOptions.plain(dir)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                list.add(e);
            }
        }
        return list;
    }

    private static Element suite(Document doc, String name) {
        return children(doc.getDocumentElement(), "testsuite").stream()
                .filter(s -> s.getAttribute("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no suite " + name));
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(e -> e.getAttribute("name")).toList();
    }

    @Test
    void oneSuitePerFileInScanOrder() throws IOException {
        Document doc = junit(SampleResults.full());
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(SampleResults.FULL_FILES, names(children(root, "testsuite")));
        assertEquals("9", root.getAttribute("tests"));
        assertEquals("6", root.getAttribute("failures"));
        assertEquals("1.234", root.getAttribute("time"));
    }

    @Test
    void oneTestCasePerObjectWithOneFailurePerFinding() throws IOException {
        Element web = suite(junit(SampleResults.full()), "k8s/web.yaml");
        assertEquals("1", web.getAttribute("tests"));
        assertEquals("1", web.getAttribute("failures"));
        Element pod = children(web, "testcase").get(0);
        assertEquals("Pod web", pod.getAttribute("name"));
        assertEquals("k8s/web", pod.getAttribute("classname"));
        List<Element> failures = children(pod, "failure");
        assertEquals(
                List.of("name-style", "label-value", "schema-type"),
                failures.stream().map(f -> f.getAttribute("type")).toList());
        Element error = failures.get(2);
        assertEquals(
                "k8s/web.yaml:12:22: error: spec.containers[0].ports[0].containerPort: expected integer, "
                        + "found string \"80a\" [schema-type]",
                error.getAttribute("message"));
        assertEquals("""
                k8s/web.yaml:12:22: error: spec.containers[0].ports[0].containerPort: expected integer, found string "80a" [schema-type]
                   12 |     - containerPort: "80a"
                      |                      ^~~~~
                at /spec/containers/0/ports/0/containerPort
                """, error.getTextContent());
        assertEquals(
                "k8s/web.yaml:4:9: info: name \"web\" could say more\\nsecond line of the message [name-style]",
                failures.get(0).getAttribute("message"),
                "the message attribute holds the line of the text report");
    }

    @Test
    void systemOutListsEveryFindingAndTheSuppressedOnesWithTheirReason() throws IOException {
        Element pod = children(suite(junit(SampleResults.full()), "k8s/web.yaml"), "testcase")
                .get(0);
        String out = children(pod, "system-out").get(0).getTextContent();
        assertTrue(out.contains("k8s/web.yaml:6:10: warning: label value"), out);
        assertTrue(
                out.contains("suppressed (pinned by the platform team): k8s/web.yaml:10:12: warning: image \"nginx\""),
                out);
    }

    @Test
    void aSingleFindingNeedsNoSystemOut() throws IOException {
        Element two = children(suite(junit(SampleResults.full()), "k8s/list.yaml"), "testcase")
                .get(1);
        assertEquals(List.of(), children(two, "system-out"));
    }

    @Test
    void passingObjectsArePassingTestCases() throws IOException {
        Element list = suite(junit(SampleResults.full()), "k8s/list.yaml");
        List<Element> cases = children(list, "testcase");
        assertEquals(List.of("ConfigMap one", "ConfigMap two"), names(cases));
        assertFalse(cases.get(0).hasChildNodes(), "a passing test case is empty");
        assertEquals(1, children(cases.get(1), "failure").size(), "the finding in /items/1 belongs to item two");
        assertEquals("2", list.getAttribute("tests"));
        assertEquals("1", list.getAttribute("failures"));
    }

    @Test
    void findingsOutsideObjectsGoToATestCaseForTheFile() throws IOException {
        Document doc = junit(SampleResults.full());
        List<Element> broken = children(suite(doc, "k8s/broken.yaml"), "testcase");
        assertEquals(List.of("ConfigMap ok", "k8s/broken.yaml"), names(broken));
        assertFalse(broken.get(0).hasChildNodes());
        assertEquals("yaml-syntax", children(broken.get(1), "failure").get(0).getAttribute("type"));

        List<Element> empty = children(suite(doc, "k8s/empty.yaml"), "testcase");
        assertEquals(List.of("k8s/empty.yaml"), names(empty), "a file without objects is still one passing test");
        assertFalse(empty.get(0).hasChildNodes());

        Element run = children(suite(doc, "kubelint"), "testcase").get(0);
        assertEquals("rule-failure", children(run, "failure").get(0).getAttribute("type"));
    }

    @Test
    void charactersXmlCannotCarryAreReplacedAndMarkupIsEscaped() throws IOException {
        Document doc = junit(SampleResults.full());
        Element failure = children(
                        children(suite(doc, "k8s/tabs.yaml"), "testcase").get(0), "failure")
                .get(0);
        assertEquals(
                "k8s/tabs.yaml:6:6: error: data.k: tab\\there, bell\\u0007 and escape\\u001b[31m in a message "
                        + "[schema-type]",
                failure.getAttribute("message"),
                "control characters are escaped as in the text report");
        Element list = children(
                        children(suite(doc, "k8s/list.yaml"), "testcase").get(1), "failure")
                .get(0);
        assertTrue(list.getAttribute("message").endsWith("found integer 1 <&> [schema-type]"));
    }

    @Test
    void objectsWithTheSameNameInOneFileGetDistinctTestCases() throws IOException {
        ObjectRef same = new ObjectRef("v1", "ConfigMap", "", "same");
        LintResult result = new LintResult(
                LintSettings.DEFAULTS,
                SampleResults.catalog(),
                List.of(SampleResults.finding("schema-type", Severity.ERROR, "a.yaml", 5, 1, 5, 2, "/data", same, "m")),
                List.of(),
                List.of(new LintResult.FileSummary(
                        "a.yaml",
                        List.of(
                                new LintResult.ObjectSummary(
                                        0, same, SampleResults.location("a.yaml", 1, 1, 1, 1, "", same)),
                                new LintResult.ObjectSummary(
                                        1, same, SampleResults.location("a.yaml", 4, 1, 4, 1, "", same))))),
                Map.of(),
                Duration.ZERO);
        Element suite = suite(junit(result), "a.yaml");
        List<Element> cases = children(suite, "testcase");
        assertEquals(List.of("ConfigMap same (document 1)", "ConfigMap same (document 2)"), names(cases));
        // the finding's document index is 0 (SampleResults.location): it belongs to the first
        assertEquals(1, children(cases.get(0), "failure").size());
        assertEquals(0, children(cases.get(1), "failure").size());
    }

    @Test
    void aCleanRunIsAllPassingTests() throws IOException {
        Document doc = junit(SampleResults.clean());
        assertEquals("2", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(0, failures.getLength());
    }

    @Test
    void classnamesDoNotSplitAtTheExtension() {
        assertEquals("k8s/web", JUnitReporter.classname("k8s/web.yaml"));
        assertEquals("charts/app-1_2/web", JUnitReporter.classname("charts/app-1.2/web.yml"));
        assertEquals("<stdin>", JUnitReporter.classname("<stdin>"));
        assertEquals("dir/_hidden", JUnitReporter.classname("dir/.hidden"));
    }

    @Test
    void theSchemaCatchesMistakes() {
        String bad = "<testsuites><testsuite tests=\"1\"><testcase/></testsuite></testsuites>";
        AssertionError e =
                org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> JUnitSchema.parseValid(bad));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }
}
