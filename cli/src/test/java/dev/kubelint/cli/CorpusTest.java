package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real manifests written by other people (see the SOURCE.md files of the corpus) through the real engine with
 * every rule on the class path. Files that the Kubernetes website's own test validates must give no error; every
 * other error must be one this class expects, with the reason why the API server would reject that file too.
 */
class CorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus").toAbsolutePath();
    private static final String WEBSITE = "k8s-website-examples/";

    /** An error the corpus must give: file, line, rule, part of the message, and why it is right. */
    private record Expected(String file, int line, String ruleId, String text, String reason) {
        boolean matches(Finding f) {
            return f.location().file().equals(file)
                    && f.location().line() == line
                    && f.ruleId().equals(ruleId)
                    && f.message().contains(text);
        }
    }

    private static final String PSP = "PodSecurityPolicy (policy/v1beta1) was removed in Kubernetes 1.25";
    private static final String STORAGE_BETA = "storage.k8s.io/v1beta1 StorageClass was removed in Kubernetes 1.22";
    private static final String TEMPLATE = "a {{ }} template placeholder: not YAML that kubectl can convert to JSON;"
            + " the schema then sees the placeholder as an object";

    /** Errors in files that are not marked "validated" upstream. */
    private static final List<Expected> EXPECTED_ERRORS = List.of(
            new Expected(
                    "k8s-examples/_archived/cloud-controller-manager/persistent-volume-label-initializer-config.yaml",
                    2,
                    "api-version-removed",
                    "InitializerConfiguration is not served",
                    "initializers were removed in 1.14"),
            new Expected(
                    "k8s-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml",
                    57,
                    "api-version-removed",
                    "policy/v1beta1 PodDisruptionBudget",
                    "policy/v1beta1 PodDisruptionBudget was removed in 1.25"),
            new Expected(
                    "k8s-examples/_archived/newrelic-infrastructure/newrelic-config-template.yaml",
                    7,
                    "yaml-syntax",
                    "a mapping key must be a scalar",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/newrelic-infrastructure/newrelic-config-template.yaml",
                    7,
                    "schema-conformance",
                    "data.config: expected string, found object",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml",
                    1,
                    "api-version-removed",
                    "extensions/v1beta1 DaemonSet",
                    "extensions/v1beta1 DaemonSet was removed in 1.16"),
            new Expected(
                    "k8s-examples/_archived/newrelic/newrelic-config-template.yaml",
                    7,
                    "yaml-syntax",
                    "a mapping key must be a scalar",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/newrelic/newrelic-config-template.yaml",
                    7,
                    "schema-conformance",
                    "data.config: expected string, found object",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/openshift-origin/etcd-controller.yaml",
                    12,
                    "duplicate-key",
                    "duplicate key \"selector\"",
                    "selector is given twice; kubectl silently keeps the second"),
            new Expected(
                    "k8s-examples/_archived/openshift-origin/etcd-discovery-controller.yaml",
                    12,
                    "duplicate-key",
                    "duplicate key \"selector\"",
                    "selector is given twice; kubectl silently keeps the second"),
            new Expected(
                    "k8s-examples/_archived/openshift-origin/openshift-controller.yaml",
                    12,
                    "duplicate-key",
                    "duplicate key \"selector\"",
                    "selector is given twice; kubectl silently keeps the second"),
            new Expected(
                    "k8s-examples/_archived/persistent-volume-provisioning/quobyte/quobyte-admin-secret.yaml",
                    9,
                    "duplicate-key",
                    "duplicate key \"type\"",
                    "type is given twice; kubectl silently keeps the second"),
            new Expected(
                    "k8s-examples/_archived/podsecuritypolicy/rbac/policies.yaml",
                    1,
                    "api-version-removed",
                    "PodSecurityPolicy",
                    PSP),
            new Expected(
                    "k8s-examples/_archived/podsecuritypolicy/rbac/policies.yaml",
                    26,
                    "api-version-removed",
                    "PodSecurityPolicy",
                    PSP),
            new Expected(
                    "k8s-examples/_archived/scheduler-policy/scheduler-policy-config-with-extender.json",
                    2,
                    "schema-conformance",
                    "v1 has no kind \"Policy\"",
                    "a kube-scheduler policy file, not an API object"),
            new Expected(
                    "k8s-examples/_archived/scheduler-policy/scheduler-policy-config.json",
                    2,
                    "schema-conformance",
                    "v1 has no kind \"Policy\"",
                    "a kube-scheduler policy file, not an API object"),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/etcd-controller-template.yaml",
                    6,
                    "yaml-syntax",
                    "a mapping key must be a scalar",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/etcd-controller-template.yaml",
                    6,
                    "schema-conformance",
                    "spec.replicas: expected integer, found object",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/etcd-controller-template.yaml",
                    11,
                    "yaml-syntax",
                    "a mapping key must be a scalar",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/etcd-controller-template.yaml",
                    11,
                    "schema-conformance",
                    "spec.template.metadata.labels.cell: expected string, found object",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/etcd-service-template.yaml",
                    7,
                    "yaml-syntax",
                    "a mapping key must be a scalar",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/etcd-service-template.yaml",
                    7,
                    "schema-conformance",
                    "metadata.labels.cell: expected string, found object",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/etcd-service-template.yaml",
                    14,
                    "yaml-syntax",
                    "a mapping key must be a scalar",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/etcd-service-template.yaml",
                    14,
                    "schema-conformance",
                    "spec.selector.cell: expected string, found object",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/vtgate-controller-template.yaml",
                    6,
                    "yaml-syntax",
                    "a mapping key must be a scalar",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/storage/vitess/vtgate-controller-template.yaml",
                    6,
                    "schema-conformance",
                    "spec.replicas: expected integer, found object",
                    TEMPLATE),
            new Expected(
                    "k8s-examples/_archived/volumes/azure_disk/claim/blob-based-disk/account-specified-hdd/storageclass-account-hdd.yaml",
                    2,
                    "api-version-removed",
                    "storage.k8s.io/v1beta1 StorageClass",
                    STORAGE_BETA),
            new Expected(
                    "k8s-examples/_archived/volumes/azure_disk/claim/blob-based-disk/dedicated-hdd/storageclass-dedicated-hdd.yaml",
                    2,
                    "api-version-removed",
                    "storage.k8s.io/v1beta1 StorageClass",
                    STORAGE_BETA),
            new Expected(
                    "k8s-examples/_archived/volumes/azure_disk/claim/blob-based-disk/shared-hdd/storageclass-shared-hdd.yaml",
                    2,
                    "api-version-removed",
                    "storage.k8s.io/v1beta1 StorageClass",
                    STORAGE_BETA),
            new Expected(
                    "k8s-examples/_archived/volumes/azure_disk/claim/blob-based-disk/shared-ssd/storageclass-shared-ssd.yaml",
                    2,
                    "api-version-removed",
                    "storage.k8s.io/v1beta1 StorageClass",
                    STORAGE_BETA),
            new Expected(
                    "k8s-examples/_archived/volumes/azure_disk/claim/managed-disk/managed-hdd/storageclass-managed-hdd.yaml",
                    2,
                    "api-version-removed",
                    "storage.k8s.io/v1beta1 StorageClass",
                    STORAGE_BETA),
            new Expected(
                    "k8s-examples/_archived/volumes/azure_disk/claim/managed-disk/managed-ssd/storageclass-managed-ssd.yaml",
                    2,
                    "api-version-removed",
                    "storage.k8s.io/v1beta1 StorageClass",
                    STORAGE_BETA),
            new Expected(
                    "k8s-examples/_archived/volumes/fibre_channel/fc.yaml",
                    17,
                    "schema-conformance",
                    "spec.volumes[0].fc.lun: expected integer, found string \"<ADD LUN ID Here>\"",
                    "a placeholder the reader must fill in; lun is an integer"),
            new Expected(
                    "k8s-examples/_archived/volumes/flexvolume/deploy/ds.yaml",
                    1,
                    "api-version-removed",
                    "extensions/v1beta1 DaemonSet",
                    "extensions/v1beta1 DaemonSet was removed in 1.16"),
            new Expected(
                    "k8s-examples/_archived/volumes/rbd/rbd.yaml",
                    25,
                    "schema-conformance",
                    "unknown field \"imageformat\" in Pod spec.volumes[0].rbd",
                    "imageformat is a StorageClass parameter of the RBD provisioner, not a field of an RBD volume"),
            new Expected(
                    "k8s-examples/_archived/volumes/rbd/rbd.yaml",
                    26,
                    "schema-conformance",
                    "unknown field \"imagefeatures\" in Pod spec.volumes[0].rbd",
                    "imagefeatures is a StorageClass parameter of the RBD provisioner, not a field of an RBD volume"),
            new Expected(
                    "k8s-examples/_archived/volumes/scaleio/pod.yaml",
                    17,
                    "schema-conformance",
                    "unknown field \"protectionDoamin\" in Pod spec.volumes[0].scaleIO; did you mean \"protectionDomain\"?",
                    "a misspelt field"),
            new Expected(
                    "k8s-examples/_archived/volumes/scaleio/sc-pvc.yaml",
                    12,
                    "duplicate-key",
                    "duplicate key \"storageClassName\"",
                    "storageClassName is given twice; kubectl keeps the second"),
            new Expected(
                    "k8s-examples/_archived/volumes/storageos/storageos-pod.yaml",
                    35,
                    "schema-conformance",
                    "unknown field \"pool\" in Pod spec.volumes[0].storageos",
                    "StorageOSVolumeSource has no pool field (it is a StorageClass parameter)"),
            new Expected(
                    "k8s-examples/_archived/volumes/storageos/storageos-pv.yaml",
                    22,
                    "schema-conformance",
                    "unknown field \"secretName\" in PersistentVolume spec.storageos",
                    "StorageOSPersistentVolumeSource takes secretRef, not secretName"),
            new Expected(WEBSITE + "policy/baseline-psp.yaml", 1, "api-version-removed", "PodSecurityPolicy", PSP),
            new Expected(WEBSITE + "policy/example-psp.yaml", 1, "api-version-removed", "PodSecurityPolicy", PSP),
            new Expected(WEBSITE + "policy/privileged-psp.yaml", 1, "api-version-removed", "PodSecurityPolicy", PSP),
            new Expected(WEBSITE + "policy/restricted-psp.yaml", 1, "api-version-removed", "PodSecurityPolicy", PSP),
            new Expected(
                    WEBSITE + "secret/tls-auth-secret.yaml",
                    10,
                    "schema-conformance",
                    "data[\"tls.crt\"]: expected base64 data",
                    "REPLACE_WITH_BASE64_CERT is a placeholder, not base64"),
            new Expected(
                    WEBSITE + "secret/tls-auth-secret.yaml",
                    11,
                    "schema-conformance",
                    "data[\"tls.key\"]: expected base64 data",
                    "REPLACE_WITH_BASE64_KEY is a placeholder, not base64"),
            new Expected(
                    WEBSITE + "validatingadmissionpolicy/failure-policy-ignore.yaml",
                    5,
                    "yaml-syntax",
                    "expected '<document start>'",
                    "a fragment from the docs (spec:, then ..., then more keys)"),
            new Expected(
                    WEBSITE + "validatingadmissionpolicy/failure-policy-ignore.yaml",
                    1,
                    "object-name-valid",
                    "metadata.name (or metadata.generateName) is required",
                    "the docs fragment has no metadata at all"),
            new Expected(
                    "k8s-examples/_archived/sysdig-cloud/sysdig-rc.yaml",
                    9,
                    "selector-required",
                    "needs a selector",
                    "a ReplicationController without a selector and without template labels:"
                            + " the API server cannot default the selector and rejects it"),
            new Expected(
                    "k8s-examples/_archived/volumes/aws_ebs/aws-ebs-web.yaml",
                    12,
                    "port-protocol",
                    "unsupported protocol \"tcp\"",
                    "protocols are case-sensitive; the API server rejects tcp"),
            new Expected(
                    "k8s-examples/_archived/volumes/cinder/cinder-web.yaml",
                    12,
                    "port-protocol",
                    "unsupported protocol \"tcp\"",
                    "protocols are case-sensitive; the API server rejects tcp"),
            new Expected(
                    WEBSITE + "pods/restart-policy/restart-all-containers.yaml",
                    19,
                    "container-restart-policy",
                    "restartPolicyRules may not be set for sidecar container",
                    "needs the alpha feature gate"
                            + " RestartAllContainersOnContainerExits, off by default in 1.35 (file not walked upstream)"),
            new Expected(
                    WEBSITE + "pods/security/seccomp/fields.yaml",
                    9,
                    "ephemeral-container",
                    "ephemeralContainers cannot be set when a Pod is created",
                    "a field reference, not a manifest to"
                            + " apply: ephemeral containers are added with kubectl debug (file not walked upstream)"));

    /**
     * Files that the website's test validates but kubectl rejects: the test decodes leniently, dropping unknown
     * fields, while kubectl's default strict field validation refuses them. Each must be clean without strictness.
     */
    private static final List<Expected> STRICT_ONLY = List.of(new Expected(
            WEBSITE + "service/networking/dual-stack-ipv6-svc.yaml",
            6,
            "schema-conformance",
            "unknown field \"ipFamily\" in Service spec",
            "spec.ipFamily was removed in Kubernetes 1.20 (replaced by ipFamilies); the upstream test drops it"));

    private static LintResult result;
    private static Set<String> validated;

    @BeforeAll
    static void lint() throws IOException, Linter.InputException {
        validated = validatedFiles();
        result = lint(CORPUS, LintSettings.DEFAULTS);
    }

    private static LintResult lint(Path input, LintSettings settings) throws Linter.InputException {
        LintRequest request = LintRequest.of(
                        List.of(
                                CORPUS.relativize(input.toAbsolutePath())
                                                .toString()
                                                .isEmpty()
                                        ? "."
                                        : CORPUS.relativize(input.toAbsolutePath())
                                                .toString()),
                        CORPUS,
                        RuleCatalog.load(CorpusTest.class.getClassLoader()))
                .withSettings(settings);
        return new Linter().lint(request);
    }

    /** The files the website's examples_test.go validates, read from the last column of the SOURCE.md table. */
    private static Set<String> validatedFiles() throws IOException {
        Set<String> files = new TreeSet<>();
        for (String line : Files.readAllLines(CORPUS.resolve(WEBSITE + "SOURCE.md"))) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] columns = line.split("\\|");
            String last =
                    columns[columns.length - 1].isBlank() ? columns[columns.length - 2] : columns[columns.length - 1];
            if (last.strip().startsWith("validated:")) {
                files.add(WEBSITE + columns[1].strip().replace("`", ""));
            }
        }
        return files;
    }

    private static List<Finding> errors() {
        return result.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .toList();
    }

    @Test
    void theWholeCorpusIsRead() {
        assertEquals(307, validated.size(), "files marked validated in SOURCE.md");
        assertEquals(641, result.files().size() + result.skipped().size(), "files scanned");
        // Cassandra's server configuration, a placeholder that is all comments, an empty JSON file, and
        // configuration of the API server, its audit log and kind: not manifests, so left out and said once
        assertEquals(
                List.of(
                        "k8s-examples/_archived/newrelic/newrelic-config.yaml",
                        "k8s-examples/_archived/openshift-origin/secret.json",
                        "k8s-examples/databases/cassandra/image/files/cassandra.yaml",
                        "k8s-examples/databases/cassandra/java/src/test/resources/cassandra.yaml",
                        WEBSITE + "admin/konnectivity/egress-selector-configuration.yaml",
                        WEBSITE + "audit/audit-policy.yaml",
                        WEBSITE + "pods/security/seccomp/kind.yaml"),
                result.skipped().stream().map(LintResult.SkippedFile::file).toList());
        long objects = result.files().stream()
                .mapToLong(LintResult.FileSummary::objectCount)
                .sum();
        assertTrue(objects > 690, "objects linted: " + objects);
        for (String file : validated) {
            assertTrue(Files.exists(CORPUS.resolve(file)), file);
        }
    }

    @Test
    void filesValidatedUpstreamGiveNoError() {
        List<String> unexpected = new ArrayList<>();
        for (Finding f : errors()) {
            if (validated.contains(f.location().file()) && STRICT_ONLY.stream().noneMatch(e -> e.matches(f))) {
                unexpected.add(describe(f));
            }
        }
        assertEquals(List.of(), unexpected);
    }

    @Test
    void otherFilesGiveExactlyTheExpectedErrors() {
        List<String> problems = new ArrayList<>();
        List<Expected> unmet = new ArrayList<>(EXPECTED_ERRORS);
        for (Finding f : errors()) {
            if (validated.contains(f.location().file())) {
                continue;
            }
            Expected match =
                    unmet.stream().filter(e -> e.matches(f)).findFirst().orElse(null);
            if (match == null) {
                problems.add("unexpected: " + describe(f));
            } else {
                unmet.remove(match);
            }
        }
        unmet.forEach(e -> problems.add("missing: " + e.file() + ":" + e.line() + " " + e.ruleId() + " \"" + e.text()
                + "\" (" + e.reason() + ")"));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void strictOnlyDisagreementsAreExactlyTheUnknownFields() throws Linter.InputException {
        for (Expected e : STRICT_ONLY) {
            assertTrue(validated.contains(e.file()), e.file() + " is marked validated");
            assertTrue(errors().stream().anyMatch(e::matches), "strict mode reports " + e);
            LintResult lenient = lint(CORPUS.resolve(e.file()), LintSettings.DEFAULTS.withStrict(false));
            assertEquals(
                    List.of(),
                    lenient.findings().stream()
                            .filter(f -> f.severity() == Severity.ERROR)
                            .map(CorpusTest::describe)
                            .toList(),
                    e.file() + " without strict field validation");
        }
    }

    private static String describe(Finding f) {
        return f.location().file() + ":" + f.location().line() + ":"
                + f.location().column() + " " + f.ruleId() + " " + f.message();
    }
}
