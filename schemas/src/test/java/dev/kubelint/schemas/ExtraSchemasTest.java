package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.yaml.MappingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraSchemasTest {

    private static final Path CRDS = Path.of("src/test/resources/locations/crds");
    private static final Path JSON_SCHEMAS = Path.of("src/test/resources/locations/jsonschema");

    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w
              namespace: default
            spec:
              size: 3
              mode: fast
              port: http
              labels: {tier: web}
              config:
                level: 2
                anything: [goes, here]
              template:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: embedded}
                data: {a: b}
              endpoint: {host: example.org}
            status:
              whatever: true
            """;

    private static List<SchemaProblem> validate(ExtraSchemas schemas, String text, boolean strict) {
        MappingNode root = Yaml.parse(text);
        GroupVersionKind gvk = GroupVersionKind.of(
                        root.string("apiVersion").orElseThrow(),
                        root.string("kind").orElseThrow())
                .orElseThrow();
        return schemas.find(gvk).orElseThrow().validate(root, strict);
    }

    @Test
    void aCustomResourceThatFollowsItsDefinitionIsValid() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(CRDS));
        assertEquals(List.of(), schemas.problems());
        assertEquals(List.of(), validate(schemas, WIDGET, true));
    }

    @Test
    void customResourcesAreValidatedStrictly() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(CRDS));
        String bad = WIDGET.replace("size: 3", "size: 0\n  colour: red")
                .replace("mode: fast", "mode: quick")
                .replace("port: http", "port: [1]")
                .replace("level: 2", "level: high")
                .replace("tier: web", "tier: 1")
                .replace("name: w\n", "name: w\n  lables: {}\n");
        assertEquals(
                List.of(
                        "unknown field \"lables\" in Widget metadata; did you mean \"labels\"?",
                        "spec.size: must have a minimum value of 1",
                        "unknown field \"colour\" in Widget spec",
                        "spec.mode: must be one of \"fast\" or \"slow\", found string \"quick\"",
                        "spec.port: expected integer or string, found array",
                        "spec.labels.tier: expected string, found integer 1; YAML reads 1 as an integer, so quote it (\"1\") to"
                                + " keep it as text",
                        "spec.config.level: expected integer, found string \"high\""),
                Yaml.messages(validate(schemas, bad, true)));
        assertEquals(
                List.of("spec.size: must have a minimum value of 1"),
                Yaml.messages(validate(schemas, WIDGET.replace("size: 3", "size: 0\n  colour: red"), false)));
    }

    @Test
    void messagesDoNotDependOnTheMachineLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            MappingNode crd = Yaml.parse(Yaml.manifest("sizes-crd.yaml"));
            KindSchema schema = CustomResourceDefinitions.read(crd, "x.yaml")
                    .orElseThrow()
                    .versions()
                    .get("v1")
                    .orElseThrow();
            assertEquals(
                    List.of("spec.count: must have a maximum value of 5"),
                    Yaml.messages(schema.validate(
                            YamlToJson.convert(Yaml.parse("apiVersion: example.com/v1\nkind: Size\nspec: {count: 7}\n"))
                                    .json(),
                            true)));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void valueValidationBranchesStayOpen() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(CRDS));
        assertEquals(List.of(), validate(schemas, WIDGET.replace("{host: example.org}", "{ip: 10.0.0.1}"), true));
        assertEquals(
                List.of(
                        "spec.endpoint: matches both the form with host and the form with ip, but must match exactly one form"),
                Yaml.messages(
                        validate(schemas, WIDGET.replace("{host: example.org}", "{ip: 10.0.0.1, host: a}"), true)));
    }

    @Test
    void missingRequiredFieldsOfCustomResources() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(CRDS));
        assertEquals(
                List.of(new SchemaProblem(
                        SchemaProblem.Kind.MISSING_FIELD,
                        "/spec",
                        "size",
                        "missing required field \"size\" in Widget spec")),
                validate(schemas, WIDGET.replace("  size: 3\n", ""), true));
    }

    @Test
    void onlyServedVersionsCount() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(CRDS));
        assertTrue(schemas.find(new GroupVersionKind("example.com", "v1", "Widget"))
                .isPresent());
        assertFalse(schemas.find(new GroupVersionKind("example.com", "v1alpha1", "Widget"))
                .isPresent());
        assertTrue(schemas.knows(new GroupVersionKind("example.com", "v1alpha1", "Widget")));
        assertEquals(
                List.of("v1"),
                List.copyOf(schemas.definition("example.com", "Widget")
                        .orElseThrow()
                        .versions()
                        .keySet()));
    }

    @Test
    void preservingTheRootAcceptsAnything() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(CRDS));
        assertEquals(
                List.of(),
                validate(
                        schemas,
                        "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n"
                                + "spec: {any: thing}\nfree: form\n",
                        true));
    }

    @Test
    void jsonSchemaFilesAreFoundByKindAndVersion() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(JSON_SCHEMAS));
        assertEquals(List.of(), schemas.problems());
        String monitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: m}
                spec:
                  selector: {}
                  endpoints:
                    - port: web
                      interval: 30s
                """;
        assertEquals(List.of(), validate(schemas, monitor, true));
        assertEquals(
                List.of(
                        "spec.endpoints[0].interval: Invalid value: \"soon\": spec.endpoints[0].interval in body"
                                + " should match '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$'",
                        "unknown field \"scheme\" in ServiceMonitor spec.endpoints[0]"),
                Yaml.messages(validate(
                        schemas, monitor.replace("interval: 30s", "interval: soon\n      scheme: https"), true)));
        assertEquals(
                List.of("spec.count: expected integer, found string \"two\""),
                Yaml.messages(validate(
                        schemas,
                        "apiVersion: stable.example.org/v2\nkind: Thing\nmetadata: {name: t}\nspec: {count: two}\n",
                        true)));
    }

    @Test
    void candidateNamesFollowKubeconformCatalogues() {
        assertEquals(
                List.of(
                        "monitoring.coreos.com/servicemonitor_v1.json",
                        "servicemonitor-monitoring.coreos.com-v1.json",
                        "servicemonitor-monitoring-v1.json",
                        "servicemonitor_v1.json"),
                ExtraSchemas.candidateNames(new GroupVersionKind("monitoring.coreos.com", "v1", "ServiceMonitor")));
        assertEquals(
                List.of("configmap-v1.json", "configmap_v1.json"),
                ExtraSchemas.candidateNames(new GroupVersionKind("", "v1", "ConfigMap")));
    }

    @Test
    void aLocationMayBeASingleFile() {
        ExtraSchemas schemas = ExtraSchemas.load(List.of(CRDS.resolve("widget.yaml")));
        assertEquals(List.of(), schemas.problems());
        assertEquals(List.of(), validate(schemas, WIDGET, true));
    }

    @Test
    void loadingIsCachedUntilAFileChanges(@TempDir Path dir) throws IOException {
        Path crd = dir.resolve("crd.yaml");
        Files.copy(CRDS.resolve("widget.yaml"), crd);
        ExtraSchemas first = ExtraSchemas.load(List.of(dir));
        assertSame(first, ExtraSchemas.load(List.of(dir)));
        Files.writeString(crd, Files.readString(crd).replace("kind: Gadget", "kind: Gizmo"));
        Files.setLastModifiedTime(crd, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        ExtraSchemas second = ExtraSchemas.load(List.of(dir));
        assertTrue(second.knows(new GroupVersionKind("example.com", "v1", "Gizmo")));
    }

    @Test
    void brokenFilesAndFoldersAreProblems(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "apiVersion: apiextensions.k8s.io/v1\nkind: [\n");
        Files.writeString(dir.resolve("bad.json"), "{ not json");
        ExtraSchemas schemas = ExtraSchemas.load(List.of(dir, dir.resolve("missing")));
        List<String> problems = schemas.problems().stream()
                .map(p -> p.file().getFileName() + ":" + p.line() + ": "
                        + p.message().split("\n")[0])
                .sorted()
                .toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("bad.json:0: cannot read schema file"), problems.toString());
        assertTrue(problems.get(1).startsWith("bad.yaml:3:"), problems.toString());
        assertEquals("missing:0: the schema location does not exist", problems.get(2));
    }

    @Test
    void aLinkOutOfASchemaFolderIsAProblemNotRead(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("schemas"));
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(CRDS.resolve("widget.yaml"), outside.resolve("widget.yaml"));
        Files.createSymbolicLink(folder.resolve("widget.yaml"), Path.of("../elsewhere/widget.yaml"));
        Files.createDirectories(folder.resolve(".cache"));
        Files.copy(CRDS.resolve("widget.yaml"), folder.resolve(".cache/widget.yaml"));
        ExtraSchemas schemas = ExtraSchemas.load(List.of(folder));
        assertEquals(1, schemas.problems().size(), schemas.problems().toString());
        assertTrue(
                schemas.problems().get(0).message().startsWith("symbolic link to ../elsewhere/widget.yaml, outside"),
                schemas.problems().toString());
        // neither the link's target nor the hidden folder is read
        assertFalse(schemas.knows(new GroupVersionKind("example.com", "v1", "Widget")));
    }

    @Test
    void definitionsFromManifestsWork() {
        MappingNode crd = Yaml.parse(Yaml.manifest("things-crd-without-schema.yaml"));
        CustomResourceDefinitions.Definition d =
                CustomResourceDefinitions.read(crd, "crds.yaml").orElseThrow();
        assertEquals("CustomResourceDefinition things.example.com (crds.yaml)", d.describe());
        assertEquals(
                List.of("CustomResourceDefinition things.example.com has no openAPIV3Schema for version v1, so"
                        + " objects of example.com/v1 Thing are not validated"),
                d.problems());
    }

    @Test
    void unusableSchemasSayWhy(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("thing_v1.json"),
                "{\"type\": \"object\", \"properties\": {\"spec\":"
                        + " {\"$ref\": \"missing.json#/definitions/spec\"}}}");
        Files.writeString(
                dir.resolve("regex_v1.json"),
                "{\"type\": \"object\", \"properties\": {\"name\":"
                        + " {\"type\": \"string\", \"pattern\": \"[unclosed\"}}}");
        ExtraSchemas schemas = ExtraSchemas.load(List.of(dir));
        for (String kind : List.of("Thing", "Regex")) {
            KindSchema schema = schemas.find(new GroupVersionKind("example.com", "v1", kind))
                    .orElseThrow();
            UnusableSchemaException e = org.junit.jupiter.api.Assertions.assertThrows(
                    UnusableSchemaException.class,
                    () -> schema.validate(
                            YamlToJson.convert(Yaml.parse("spec: {}\nname: x\n"))
                                    .json(),
                            true));
            assertTrue(
                    e.getMessage().startsWith("the schema of example.com/v1 " + kind + " from schema file "),
                    e.getMessage());
        }
    }
}
