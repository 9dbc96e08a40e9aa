package dev.kubelint.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CustomResourceDefinition validation rules (CEL) evaluated on custom resources, end to end: real rules of the
 * Gateway API with the verdicts of its own CEL tests, and the API server's semantics (defaults, transition rules,
 * messageExpression, reason, fieldPath, cost limits).
 */
class CustomResourceCelTest {

    private static final Pattern EXPECT = Pattern.compile("kubelint.test/expect: (.*)");
    private static final Pattern NAME = Pattern.compile("\n  name: (.*)");

    @TempDir
    Path dir;

    private void copy(String resource, String name) throws IOException {
        write(name, Lint.resource("cel/" + resource));
    }

    private void write(String name, String text) throws IOException {
        TestFiles.write(dir, name, text);
    }

    /** The findings of schema-conformance by object name. */
    private Map<String, List<String>> findingsByObject() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Finding f : Lint.findings(dir, LintSettings.DEFAULTS, "schema-conformance")) {
            out.computeIfAbsent(f.location().object().name(), k -> new ArrayList<>())
                    .add(f.location().line() + ":" + f.location().column() + " " + f.message());
        }
        return out;
    }

    @Test
    void gatewayApiRulesGiveTheVerdictsOfItsTests() throws IOException {
        copy("gateway-api/gateways-crd.yaml", "crds/gateways.yaml");
        copy("gateway-api/gateways-cases.yaml", "gateways.yaml");
        String cases = Files.readString(dir.resolve("gateways.yaml"));
        Map<String, List<String>> findings = findingsByObject();
        int agreed = 0;
        int total = 0;
        List<String> disagreements = new ArrayList<>();
        for (String doc : cases.split("\n---\n")) {
            Matcher name = NAME.matcher(doc);
            assertTrue(name.find());
            Matcher expect = EXPECT.matcher(doc);
            String expected = expect.find() ? expect.group(1) : null;
            List<String> got = findings.getOrDefault(name.group(1), List.of());
            total++;
            boolean ok = expected == null ? got.isEmpty() : got.stream().anyMatch(m -> m.contains(expected));
            if (ok) {
                agreed++;
            } else {
                disagreements.add(name.group(1) + ": expected " + expected + ", got " + got);
            }
        }
        assertEquals(33, total);
        assertEquals(List.of(), disagreements, agreed + " of " + total + " agree");
    }

    @Test
    void findingsCarryTheServersFramingAtTheOffendingNode() throws IOException {
        copy("gateway-api/gateways-crd.yaml", "crds/gateways.yaml");
        write("gw.yaml", """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata:
                  name: gw
                spec:
                  gatewayClassName: foo
                  listeners:
                  - name: tcp
                    protocol: TCP
                    port: 8080
                    hostname: foo
                  - name: tls
                    protocol: TLS
                    port: 8443
                    tls: {mode: Terminate}
                """);
        assertEquals(
                List.of(
                        "8:3 spec.listeners: Invalid value: \"array\": hostname must not be specified for protocols ['TCP', 'UDP']",
                        "15:10 spec.listeners[1].tls: Invalid value: \"object\": no such key: certificateRefs evaluating rule:"
                                + " certificateRefs or options must be specified when mode is Terminate"),
                findingsByObject().get("gw"));
    }

    /** A Widget CRD with CEL validation rules at several levels. */
    private static final String WIDGET_CRD = Lint.resource("crds/widget-cel-crd.yaml");

    @Test
    void serverSemantics() throws IOException {
        write("crd.yaml", WIDGET_CRD);
        write("widgets.yaml", """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w-ok
                spec:
                  replicas: 3
                  size: big
                  memory: 512Mi
                  labels: {a: b}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: bad
                spec:
                  replicas: 30
                  memory: 2Gi
                  labels: {averyveryverylongkey: b}
                """);
        Map<String, List<String>> findings = findingsByObject();
        assertEquals(null, findings.get("w-ok"), "defaults apply, transition rules are skipped on create");
        assertEquals(
                List.of(
                        "11:1 <nil>: Invalid value: \"object\": name must start with w-",
                        "16:3 spec: Invalid value: \"object\": memory must stay under 1Gi",
                        "16:13 spec.replicas: Forbidden: replicas must not exceed maxReplicas",
                        "18:11 spec.labels: Invalid value: \"object\": label key too long: averyveryverylongkey"),
                findings.get("bad"));
    }

    @Test
    void aCostlyRuleIsAFindingNotAHang() throws IOException {
        write(
                "crd.yaml",
                WIDGET_CRD.replace(
                        "- rule: self.metadata.name.startsWith('w-')",
                        "- rule: \"[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c,"
                                + " [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, [1,2,3,4,5,6,7,8,9,10].all(f, true))))))\""));
        write(
                "w.yaml",
                "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w-1\nspec: {replicas: 1, size: s}\n");
        List<String> got = findingsByObject().get("w-1");
        assertEquals(1, got.size(), got::toString);
        assertTrue(
                got.get(0)
                        .contains(
                                "'operation cancelled: actual cost limit exceeded': no further validation rules will be run"
                                        + " due to call cost exceeds limit for rule: name must start with w-"),
                got::toString);
    }
}
