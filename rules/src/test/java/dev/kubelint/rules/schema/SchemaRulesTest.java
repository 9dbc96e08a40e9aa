package dev.kubelint.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRulesTest {

    /** The Widget CRD: spec.size is an integer. */
    private static final String CRD = Lint.resource("crds/widget-crd.yaml");

    /** A Widget whose size is not an integer. */
    private static final String WIDGET = Lint.resource("crds/widget.yaml");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return TestFiles.write(dir, name, text);
    }

    private List<String> messages(LintSettings settings, String ruleId) {
        return Lint.findings(dir, settings, ruleId).stream()
                .map(f -> dir.relativize(Path.of(f.location().file()).toAbsolutePath())
                                .toString()
                                .replace('\\', '/') + ":" + f.location().line() + ":"
                        + f.location().column() + " " + f.message())
                .toList();
    }

    @Test
    void aDefinitionLaterInTheScanValidatesEarlierObjects() throws IOException {
        write("a-widget.yaml", WIDGET);
        write("z-crds/widget-crd.yaml", CRD);
        List<String> expected = List.of("a-widget.yaml:6:9 spec.size: expected integer, found string \"big\"");
        assertEquals(expected, messages(LintSettings.DEFAULTS, "schema-conformance"));
        assertEquals(List.of(), messages(LintSettings.DEFAULTS, "unknown-kind"));
    }

    @Test
    void withoutScanningForDefinitionsTheKindIsUnknown() throws IOException {
        write("a-widget.yaml", WIDGET);
        write("crd.yaml", CRD);
        LintSettings settings = LintSettings.DEFAULTS.withCrdsFromScan(false);
        assertEquals(List.of(), messages(settings, "schema-conformance"));
        assertEquals(
                List.of("a-widget.yaml:2:7 no schema for example.com/v1 Widget, so this object is not validated;"
                        + " to validate it, give the CustomResourceDefinition with --schema-location"),
                messages(settings, "unknown-kind"));
    }

    @Test
    void schemaLocationsProvideDefinitions(@TempDir Path schemas) throws IOException {
        Files.writeString(schemas.resolve("widget.yaml"), CRD);
        write("widget.yaml", WIDGET);
        LintSettings settings = LintSettings.DEFAULTS.withCrdsFromScan(false).withSchemaLocations(List.of(schemas));
        assertEquals(
                List.of("widget.yaml:6:9 spec.size: expected integer, found string \"big\""),
                messages(settings, "schema-conformance"));
        assertEquals(List.of(), messages(settings, "unknown-kind"));
    }

    @Test
    void jsonSchemaFilesInSchemaLocations(@TempDir Path schemas) throws IOException {
        Files.writeString(schemas.resolve("widget_v1.json"), """
                {"type": "object", "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                 "metadata": {"type": "object"}, "spec": {"type": "object", "properties": {"size": {"type": "integer"}}}}}
                """);
        write("widget.yaml", WIDGET.replace("size: big", "size: 3\n  colour: red"));
        LintSettings settings = LintSettings.DEFAULTS.withSchemaLocations(List.of(schemas));
        assertEquals(
                List.of("widget.yaml:7:3 unknown field \"colour\" in Widget spec"),
                messages(settings, "schema-conformance"));
        assertEquals(List.of(), messages(settings.withStrict(false), "schema-conformance"));
    }

    @Test
    void brokenSchemaLocationsAreReportedOnce(@TempDir Path schemas) throws IOException {
        Files.writeString(schemas.resolve("broken.yaml"), "apiVersion: apiextensions.k8s.io/v1\nkind: [\n");
        write("a.yaml", WIDGET);
        write("b.yaml", WIDGET);
        LintSettings settings = LintSettings.DEFAULTS.withSchemaLocations(List.of(schemas, schemas.resolve("nope")));
        List<Finding> findings = Lint.findings(dir, settings, "schema-conformance");
        assertEquals(2, findings.size(), Lint.describe(findings).toString());
        assertTrue(
                findings.get(0).message().startsWith("schema location: "),
                findings.get(0).message());
        assertTrue(findings.stream()
                .anyMatch(f -> f.message().equals("schema location: the schema location does not exist")));
    }

    @Test
    void anUnusableSchemaIsAFindingNotAFailure(@TempDir Path schemas) throws IOException {
        Files.writeString(schemas.resolve("widget_v1.json"), "{\"properties\": {\"spec\": {\"$ref\": \"gone.json\"}}}");
        write("widget.yaml", WIDGET);
        LintResult result = Lint.run(dir, LintSettings.DEFAULTS.withSchemaLocations(List.of(schemas)));
        assertEquals(
                List.of(),
                result.findings().stream()
                        .filter(f -> f.ruleId().equals("rule-failure"))
                        .toList());
        List<String> messages = result.findings().stream()
                .filter(f -> f.ruleId().equals("schema-conformance"))
                .map(f -> f.location().line() + " " + f.message())
                .toList();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(
                messages.get(0).startsWith("2 the schema of example.com/v1 Widget from schema file "), messages.get(0));
        assertTrue(messages.get(0).endsWith("gone.json, which is not a file of the schema locations"), messages.get(0));
    }

    @Test
    void strictnessAndVersionComeFromTheSettings() throws IOException {
        write("pod.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  resources:
                    limits: {cpu: "1"}
                  containers:
                    - name: c
                      image: nginx
                      imagePullPolicyy: Always
                """);
        assertEquals(
                List.of("pod.yaml:10:7 unknown field \"imagePullPolicyy\" in Pod spec.containers[0]; did you mean"
                        + " \"imagePullPolicy\"?"),
                messages(LintSettings.DEFAULTS, "schema-conformance"));
        assertEquals(
                List.of(
                        "pod.yaml:5:3 unknown field \"resources\" in Pod spec",
                        "pod.yaml:10:7 unknown field \"imagePullPolicyy\" in Pod spec.containers[0]; did you mean"
                                + " \"imagePullPolicy\"?"),
                messages(LintSettings.DEFAULTS.withKubernetesVersion("1.30"), "schema-conformance"));
        assertEquals(List.of(), messages(LintSettings.DEFAULTS.withStrict(false), "schema-conformance"));
    }

    @Test
    void listItemsArePlacedInsideTheList() throws IOException {
        write("list.yaml", """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a}
                    immutable: 1
                  - apiVersion: extensions/v1beta1
                    kind: Deployment
                    metadata: {name: b}
                """);
        LintResult result = Lint.run(dir, LintSettings.DEFAULTS);
        List<Finding> schema = result.findings().stream()
                .filter(f -> f.ruleId().equals("schema-conformance"))
                .toList();
        assertEquals(List.of("7:16 immutable: expected boolean, found integer 1"), Lint.describe(schema));
        assertEquals("/items/0/immutable", schema.get(0).location().jsonPointer());
        List<Finding> removed = result.findings().stream()
                .filter(f -> f.ruleId().equals("api-version-removed"))
                .toList();
        assertEquals("/items/1/apiVersion", removed.get(0).location().jsonPointer());
        assertEquals(8, removed.get(0).location().line());
    }

    @Test
    void unknownKindIsReportedOnceAcrossFilesAtTheFirstObject() throws IOException {
        for (String name : List.of("c.yaml", "a.yaml", "b.yaml")) {
            write(name, "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n");
        }
        List<Finding> findings = Lint.findings(dir, LintSettings.DEFAULTS, "unknown-kind");
        assertEquals(1, findings.size());
        assertTrue(
                findings.get(0).location().file().endsWith("a.yaml"),
                findings.get(0).location().file());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertTrue(
                findings.get(0).message().contains("its 3 objects are not validated"),
                findings.get(0).message());
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws IOException {
        for (int i = 0; i < 12; i++) {
            write(
                    "w" + i + ".yaml",
                    WIDGET + "---\n" + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: 1}\n");
        }
        write("crd.yaml", CRD);
        List<String> single = Lint.describe(Lint.run(dir, LintSettings.DEFAULTS).findings());
        dev.kubelint.core.engine.LintRequest request = dev.kubelint.core.engine.LintRequest.of(
                        List.of(dir.toString()), Path.of("").toAbsolutePath(), Lint.CATALOG)
                .withJobs(1);
        try {
            List<String> one = Lint.describe(
                    new dev.kubelint.core.engine.Linter().lint(request).findings());
            assertEquals(one, single);
        } catch (dev.kubelint.core.engine.Linter.InputException e) {
            throw new AssertionError(e);
        }
        assertEquals(24, single.size(), single.toString());
    }

    @Test
    void anUnbundledKubernetesVersionIsSaidOnce() throws IOException {
        write("a.yaml", WIDGET);
        write("b.yaml", "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n");
        LintResult result = Lint.run(dir, LintSettings.DEFAULTS.withKubernetesVersion("1.22"));
        assertEquals(
                List.of("1:1 kubelint has no schemas for Kubernetes 1.22, so no object was validated; choose one"
                        + " of 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"),
                Lint.describe(result.findings()));
    }

    @Test
    void infinityIsAnErrorEvenWhereAnyNumberWouldDo() throws IOException {
        write("hpa.yaml", """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: h}
                spec:
                  maxReplicas: .nan
                  scaleTargetRef: {kind: Deployment, name: web}
                """);
        assertEquals(
                List.of("hpa.yaml:5:16 spec.maxReplicas: .nan cannot be sent to the API server: JSON has no"
                        + " infinity or NaN, so kubectl fails to convert this manifest"),
                messages(LintSettings.DEFAULTS, "schema-conformance"));
    }
}
