package dev.kubelint.rules.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdmissionPolicyRuleTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load(AdmissionPolicyRuleTest.class.getClassLoader());

    private static final String POLICY = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicy
            metadata:
              name: replicas
            spec:
              matchConstraints:
                matchPolicy: %s
                resourceRules:
                  - apiGroups: ["%s"]
                    apiVersions: ["%s"]
                    operations: ["CREATE"]
                    resources: ["%s"]
              validations:
                - expression: "object.spec.replicas <= 2"
                  message: too many replicas
            """;

    private static final String BINDING = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingAdmissionPolicyBinding
            metadata:
              name: %s
            spec:
              policyName: replicas
              validationActions: %s
            """;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
            """;

    @TempDir
    Path dir;

    /** The findings with policy.yaml matching as given: matchPolicy, API group, version and resource. */
    private List<String> findingsWithPolicy(String matchPolicy, String group, String version, String resource)
            throws IOException {
        write("policy.yaml", POLICY.formatted(matchPolicy, group, version, resource));
        return findings();
    }

    /** The policy's one finding on the file's object when no binding is in the scan: evaluated as bound with Deny. */
    private static List<String> deniedUnbound(String file) {
        return List.of(file + ":1 ERROR ValidatingAdmissionPolicy 'replicas' (not bound in the scan: evaluated as"
                + " bound with validationActions [Deny]) denied request: too many replicas");
    }

    private List<String> findings() {
        return findings(List.of());
    }

    private List<String> findings(List<Path> policyLocations) {
        LintRequest request = LintRequest.of(
                        List.of(dir.resolve("scan").toString()), Path.of("").toAbsolutePath(), CATALOG)
                .withJobs(2);
        request = request.withSettings(request.settings().withPolicyLocations(policyLocations));
        try {
            return new Linter()
                    .lint(request).findings().stream()
                            .filter(f -> f.ruleId().equals("admission-policy"))
                            .map(AdmissionPolicyRuleTest::describe)
                            .toList();
        } catch (Linter.InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static String describe(Finding f) {
        return Path.of(f.location().file()).getFileName() + ":" + f.location().line() + " " + f.severity() + " "
                + f.message();
    }

    private void write(String name, String text) throws IOException {
        TestFiles.write(dir.resolve("scan"), name, text);
    }

    @Test
    void validationActionsGiveTheSeverity() throws IOException {
        // the objects come first in the scan: policies and bindings may follow what they match
        write("a-app.yaml", DEPLOYMENT);
        write("b-policy.yaml", POLICY.formatted("Equivalent", "apps", "v1", "deployments"));
        write(
                "c-bindings.yaml",
                BINDING.formatted("deny", "[Deny]") + "---\n" + BINDING.formatted("warn", "[Warn, Audit]") + "---\n"
                        + BINDING.formatted("audit", "[Audit]"));
        assertEquals(
                List.of(
                        "a-app.yaml:1 ERROR ValidatingAdmissionPolicy 'replicas' with binding 'deny' denied request: too many replicas",
                        "a-app.yaml:1 INFO ValidatingAdmissionPolicy 'replicas' with binding 'audit' audits: too many replicas",
                        "a-app.yaml:1 WARNING Validation failed for ValidatingAdmissionPolicy 'replicas' with binding 'warn':"
                                + " too many replicas"),
                findings().stream().sorted().toList());
    }

    @Test
    void matchPolicyEquivalentMatchesOtherVersionsOfTheResource() throws IOException {
        write("app.yaml", DEPLOYMENT);
        assertEquals(
                1,
                findingsWithPolicy("Equivalent", "apps", "v1beta1", "deployments")
                        .size());
        assertEquals(List.of(), findingsWithPolicy("Exact", "apps", "v1beta1", "deployments"));
        assertEquals(List.of(), findingsWithPolicy("Exact", "apps", "v1", "statefulsets"));
        assertEquals(deniedUnbound("app.yaml"), findingsWithPolicy("Exact", "*", "*", "*"));
    }

    @Test
    void customResourcesMatchByThePluralOfTheirDefinition() throws IOException {
        write("crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: cachez.example.com
                spec:
                  group: example.com
                  names: {kind: Cache, plural: cachez}
                  scope: Namespaced
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          x-kubernetes-preserve-unknown-fields: true
                """);
        write("cache.yaml", """
                apiVersion: example.com/v1
                kind: Cache
                metadata:
                  name: c
                spec:
                  replicas: 7
                """);
        assertEquals(List.of(), findingsWithPolicy("Exact", "example.com", "v1", "caches"));
        assertEquals(deniedUnbound("cache.yaml"), findingsWithPolicy("Exact", "example.com", "v1", "cachez"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Deployment, deployments",
        "Ingress, ingresses",
        "NetworkPolicy, networkpolicies",
        "Endpoints, endpoints",
        "ValidatingAdmissionPolicy, validatingadmissionpolicies"
    })
    void pluralsFollowTheApiServer(String kind, String plural) {
        assertEquals(plural, Matching.guessPlural(kind));
    }

    @Test
    void aFieldTheServerWouldDefaultGivesOnlyAWarning() throws IOException {
        write("app.yaml", DEPLOYMENT.replace("  replicas: 3\n", ""));
        write("policy.yaml", POLICY.formatted("Exact", "apps", "v1", "deployments"));
        assertEquals(
                List.of("app.yaml:1 WARNING ValidatingAdmissionPolicy 'replicas' (not bound in the scan: evaluated"
                        + " as bound with validationActions [Deny]) denied request: expression 'object.spec.replicas <= 2'"
                        + " resulted in error: no such key: replicas; the API server sets defaults before admission, so the"
                        + " field may be set there"),
                findings());
    }

    @Test
    void aScanWithoutPoliciesIsSilent() throws IOException {
        write("app.yaml", DEPLOYMENT);
        assertEquals(List.of(), findings());
    }

    @Test
    void policiesGivenApartApplyAndTheirMistakesAreLocatedInTheirFiles() throws IOException {
        write("app.yaml", DEPLOYMENT);
        Path policies = dir.resolve("policies");
        Files.createDirectories(policies.resolve("more"));
        Files.writeString(
                policies.resolve("replicas.yaml"),
                POLICY.formatted("Exact", "apps", "v1", "deployments") + "---\n" + BINDING.formatted("deny", "[Deny]"));
        Files.writeString(policies.resolve("more/broken.json"), """
                {"apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicy",
                 "metadata": {"name": "broken"},
                 "spec": {"matchConstraints": {"resourceRules": [{"apiGroups": ["apps"], "apiVersions": ["v1"],
                   "operations": ["CREATE"], "resources": ["deployments"]}]},
                  "validations": [{"expression": "object.spec.replicas <"}]}}
                """);
        Files.writeString(policies.resolve("more/notes.txt"), "not: [a policy");
        List<String> found = findings(List.of(policies)).stream().sorted().toList();
        assertEquals(2, found.size(), found.toString());
        assertEquals(
                "app.yaml:1 ERROR ValidatingAdmissionPolicy 'replicas' with binding 'deny' denied request: too many"
                        + " replicas",
                found.get(0));
        assertTrue(
                found.get(1)
                        .startsWith("broken.json:5 ERROR spec.validations[0].expression: compilation failed: ERROR:"
                                + " <input>:1:23: mismatched input '<EOF>'"),
                found.get(1));
    }

    @Test
    void aPolicyFolderIsWalkedAsTheScanWalksItsFolders() throws IOException {
        write("app.yaml", DEPLOYMENT);
        Path policies = dir.resolve("policies");
        Files.createDirectories(policies.resolve(".git"));
        Path outside = dir.resolve("elsewhere/secret.yaml");
        Files.createDirectories(outside.getParent());
        // each file would deny the Deployment if it were read
        String denying = POLICY.formatted("Exact", "apps", "v1", "deployments");
        Files.writeString(outside, denying);
        Files.writeString(policies.resolve(".git/hidden.yaml"), denying);
        Files.createSymbolicLink(policies.resolve("link.yaml"), Path.of("../elsewhere/secret.yaml"));
        List<String> found = findings(List.of(policies));
        assertEquals(1, found.size(), found.toString());
        assertTrue(
                found.get(0)
                        .startsWith("link.yaml:1 ERROR symbolic link to ../elsewhere/secret.yaml, outside the folder"),
                found.get(0));
    }

    @Test
    void aPolicyFileInUtf16IsReadAndOneThatIsNotTextIsLocated() throws IOException {
        write("app.yaml", DEPLOYMENT);
        Path policies = dir.resolve("policies");
        Files.createDirectories(policies);
        byte[] utf16 = ("\uFEFF" + POLICY.formatted("Exact", "apps", "v1", "deployments"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        Files.write(policies.resolve("utf16.yaml"), utf16);
        Files.write(policies.resolve("binary.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, '\n'});
        List<String> found = findings(List.of(policies)).stream().sorted().toList();
        assertEquals(2, found.size(), found.toString());
        assertEquals(deniedUnbound("app.yaml").get(0), found.get(0));
        assertTrue(found.get(1).startsWith("binary.yaml:1 ERROR the file is not valid text"), found.get(1));
    }

    @Test
    void policyFilesAreNamedAsTheRunNamesItsInputs() throws Exception {
        // the Maven plugin's working directory is the project's folder, not the process's
        write("app.yaml", DEPLOYMENT);
        Path policy = dir.resolve("policies/broken.yaml");
        Files.createDirectories(policy.getParent());
        Files.writeString(policy, "apiVersion: admissionregistration.k8s.io/v1\nkind: [unclosed\n");
        LintRequest request = LintRequest.of(List.of("scan"), dir, CATALOG).withJobs(1);
        request = request.withSettings(request.settings().withPolicyLocations(List.of(policy)));
        List<String> files = new Linter()
                .lint(request).findings().stream()
                        .filter(f -> f.ruleId().equals("admission-policy"))
                        .map(f -> f.location().file())
                        .toList();
        assertEquals(List.of("policies/broken.yaml"), files);
    }

    @Test
    void aPolicyOfTheScanWinsOverOneOfTheSameNameGivenApart() throws IOException {
        write("app.yaml", DEPLOYMENT);
        write("policy.yaml", POLICY.formatted("Exact", "apps", "v1", "deployments"));
        Path apart = dir.resolve("apart.yaml");
        Files.writeString(
                apart, POLICY.formatted("Exact", "apps", "v1", "deployments").replace("<= 2", "<= 1 +"));
        assertEquals(deniedUnbound("app.yaml"), findings(List.of(apart)));
    }

    @Test
    void anUnknownParamKindIsAnErrorWhenABindingOfTheScanUsesItElseAWarning() throws IOException {
        write(
                "policy.yaml",
                POLICY.formatted("Exact", "apps", "v1", "deployments")
                        .replace(
                                "spec:\n",
                                "spec:\n  paramKind: {apiVersion: rules.example.com/v1, kind: ReplicaLimt}\n"));
        List<String> found = findings();
        assertEquals(1, found.size(), found.toString());
        assertTrue(
                found.get(0).startsWith("policy.yaml:6 WARNING paramKind rules.example.com/v1 ReplicaLimt"),
                found.get(0));
        write("binding.yaml", BINDING.formatted("deny", "[Deny]"));
        found = findings();
        assertEquals(1, found.size(), found.toString());
        assertTrue(
                found.get(0).startsWith("policy.yaml:6 ERROR paramKind rules.example.com/v1 ReplicaLimt"),
                found.get(0));
    }
}
