package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {

    private static final String POD = Yaml.manifest("valid-pod.yaml");

    @Test
    void aValidPodHasNoProblem() {
        assertEquals(List.of(), Yaml.validate(POD));
    }

    @Test
    void aBuiltInStatusIsDecodedStrictlyButNotHeldToRequiredFields() {
        String node = """
                apiVersion: v1
                kind: Node
                metadata: {name: worker-1}
                status:
                  nodeInfo:
                    kubeletVersion: v1.35.0
                  addresses:
                    - address: 10.0.0.1
                """;
        assertEquals(List.of(), Yaml.validate(node));
        assertEquals(
                List.of(
                        "unknown field \"kubeletVersoin\" in Node status.nodeInfo; did you mean \"kubeletVersion\"?",
                        "status.addresses[0].address: expected string, found integer 7; YAML reads 7 as an integer, so quote it (\"7\")"
                                + " to keep it as text"),
                Yaml.messages(Yaml.validate(node.replace("kubeletVersion:", "kubeletVersoin:")
                        .replace("address: 10.0.0.1", "address: 7"))));
    }

    @Test
    void wrongTypeIsReportedOnTheValueWithItsPath() {
        List<SchemaProblem> problems = Yaml.validate(POD.replace("containerPort: 80", "containerPort: 80a"));
        assertEquals(
                List.of(SchemaProblem.value(
                        "/spec/containers/0/ports/0/containerPort",
                        "spec.containers[0].ports[0].containerPort: expected integer, found string \"80a\"")),
                problems);
    }

    @Test
    void unknownFieldIsReportedOnItsKeyWithASuggestion() {
        List<SchemaProblem> problems = Yaml.validate(
                POD.replace("      image: nginx:1.27", "      image: nginx:1.27\n      imagePullPolicyy: Always"));
        assertEquals(
                List.of(new SchemaProblem(
                        SchemaProblem.Kind.UNKNOWN_FIELD,
                        "/spec/containers/0/imagePullPolicyy",
                        "imagePullPolicyy",
                        "unknown field \"imagePullPolicyy\" in Pod spec.containers[0]; did you mean"
                                + " \"imagePullPolicy\"?")),
                problems);
    }

    @Test
    void aMisspeltRequiredFieldIsOneProblem() {
        List<SchemaProblem> problems = Yaml.validate(POD.replace("  containers:", "  contianers:"));
        assertEquals(
                List.of(new SchemaProblem(
                        SchemaProblem.Kind.UNKNOWN_FIELD,
                        "/spec/contianers",
                        "contianers",
                        "unknown field \"contianers\" in Pod spec; did you mean \"containers\"? (a required field)")),
                problems);
        assertEquals(
                List.of(
                        new SchemaProblem(
                                SchemaProblem.Kind.MISSING_FIELD,
                                "/spec",
                                "containers",
                                "missing required field \"containers\" in Pod spec"),
                        new SchemaProblem(
                                SchemaProblem.Kind.UNKNOWN_FIELD,
                                "/spec/boxes",
                                "boxes",
                                "unknown field \"boxes\" in" + " Pod spec")),
                Yaml.validate(POD.replace("  containers:", "  boxes:")));
    }

    @Test
    void unknownFieldsAreAllowedWhenNotStrict() {
        String text = POD.replace("      image: nginx:1.27", "      image: nginx:1.27\n      imagePullPolicyy: Always");
        assertEquals(1, Yaml.validate("1.35", text, true).size());
        assertEquals(List.of(), Yaml.validate("1.35", text, false));
    }

    @Test
    void intOrStringGivesOneProblem() {
        String text = POD.replace("      image: nginx:1.27", """
                      image: nginx:1.27
                      livenessProbe:
                        httpGet:
                          port: true
                """.stripTrailing());
        assertEquals(
                List.of("spec.containers[0].livenessProbe.httpGet.port: expected integer or string, found"
                        + " boolean true"),
                Yaml.messages(Yaml.validate(text)));
        assertEquals(List.of(), Yaml.validate(text.replace("port: true", "port: http")));
        assertEquals(List.of(), Yaml.validate(text.replace("port: true", "port: 8080")));
    }

    @Test
    void quantitiesAreParsedLikeTheApiServer() {
        String text = POD.replace("      image: nginx:1.27", """
                      image: nginx:1.27
                      resources:
                        limits:
                          cpu: 500mm
                          memory: 1Gi
                        requests:
                          cpu: 0.5
                          memory: true
                """.stripTrailing());
        assertEquals(
                List.of(
                        "spec.containers[0].resources.limits.cpu: \"500mm\" has the unknown quantity suffix \"mm\" (use n, u,"
                                + " m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent such as e3)",
                        "spec.containers[0].resources.requests.memory: expected a quantity (a string such as 500m or 1Gi, or"
                                + " a number), found boolean true"),
                Yaml.messages(Yaml.validate(text)));
    }

    @Test
    void nullMeansAbsent() {
        String text = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  creationTimestamp: null
                spec:
                  storageClassName: null
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
                """;
        assertEquals(List.of(), Yaml.validate(text));
    }

    @Test
    void integralFloatsAreSentAsIntegers() {
        String deployment = Yaml.manifest("float-replicas-deployment.yaml");
        assertEquals(List.of(), Yaml.validate(deployment));
        assertEquals(
                List.of("spec.replicas: expected integer, found number 2.5"),
                Yaml.messages(Yaml.validate(deployment.replace("2.0", "2.5"))));
        assertEquals(
                List.of("spec.replicas: .inf cannot be sent to the API server: JSON has no infinity or NaN, so"
                        + " kubectl fails to convert this manifest"),
                Yaml.messages(Yaml.validate(deployment.replace("2.0", ".inf"))));
    }

    @Test
    void integerRangesFollowTheFormat() {
        assertEquals(
                List.of("spec.containers[0].ports[0].containerPort: 4294967376 is out of range for int32"
                        + " (-2147483648 to 2147483647)"),
                Yaml.messages(Yaml.validate(POD.replace("80", "4294967376"))));
    }

    @Test
    void secretDataMustBeBase64() {
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: s
                data:
                  good: aGVsbG8=
                  bad: hello world
                stringData:
                  plain: hello world
                """;
        assertEquals(
                List.of("data.bad: expected base64 data, but its length is not a multiple of 4 (base64 needs ="
                        + " padding)"),
                Yaml.messages(Yaml.validate(secret)));
    }

    @Test
    void yamlScalarsThatAreNotStringsGetAQuotingHint() {
        String text = POD.replace("  labels:\n    app: web\n", "  labels:\n    app: web\n    release: 1.10\n")
                .replace("spec:\n", "spec:\n  nodeSelector:\n    gpu: yes\n    zone: \"yes\"\n");
        assertEquals(
                List.of(
                        "metadata.labels.release: expected string, found number 1.1; YAML reads 1.10 as a number, so"
                                + " quote it (\"1.10\") to keep it as text",
                        "spec.nodeSelector.gpu: expected string, found boolean true; YAML reads yes as a boolean, so quote it"
                                + " (\"yes\") to keep it as text"),
                Yaml.messages(Yaml.validate(text)));
    }

    @Test
    void keysWithDotsAreWrittenInBrackets() {
        String secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: tls}\ndata:\n  tls.crt: not-base64xy\n";
        assertEquals(
                List.of("data[\"tls.crt\"]: expected base64 data, but it contains '-' at position 4, which is not"
                        + " in the base64 alphabet"),
                Yaml.messages(Yaml.validate(secret)));
    }

    @Test
    void timesMustBeRfc3339() {
        String text = POD.replace("  name: web\n", "  name: web\n  creationTimestamp: yesterday\n");
        assertEquals(
                List.of("metadata.creationTimestamp: expected a time in RFC 3339 form such as"
                        + " 2024-05-01T12:00:00Z, found string \"yesterday\""),
                Yaml.messages(Yaml.validate(text)));
        assertEquals(List.of(), Yaml.validate(text.replace("yesterday", "\"2024-05-01T12:00:00.5+02:00\"")));
    }

    @Test
    void missingFieldIsPlacedOnTheParent() {
        String text = POD.replace("    - name: web\n", "    - \n");
        assertEquals(
                List.of(new SchemaProblem(
                        SchemaProblem.Kind.MISSING_FIELD,
                        "/spec/containers/0",
                        "name",
                        "missing required field \"name\" in Pod spec.containers[0]")),
                Yaml.validate(text));
    }

    @Test
    void wrongTypeOfAWholeObjectGivesOneProblem() {
        String text = "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: containers\n";
        assertEquals(List.of("spec: expected object, found string \"containers\""), Yaml.messages(Yaml.validate(text)));
    }
}
