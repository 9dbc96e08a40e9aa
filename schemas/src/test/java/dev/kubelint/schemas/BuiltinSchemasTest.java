package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.rule.LintSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class BuiltinSchemasTest {

    private static final BuiltinSchemas SCHEMAS = BuiltinSchemas.get();

    /** The group-versions every bundled release must validate, with kinds each must have. */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(
                    "v1",
                    List.of(
                            "Pod",
                            "Service",
                            "ConfigMap",
                            "Secret",
                            "Namespace",
                            "ServiceAccount",
                            "PersistentVolume",
                            "PersistentVolumeClaim",
                            "ReplicationController",
                            "LimitRange",
                            "ResourceQuota",
                            "Endpoints",
                            "Event",
                            "Node",
                            "PodTemplate",
                            "Binding")),
            Map.entry("apps/v1", List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision")),
            Map.entry("batch/v1", List.of("Job", "CronJob")),
            Map.entry("networking.k8s.io/v1", List.of("Ingress", "IngressClass", "NetworkPolicy")),
            Map.entry("policy/v1", List.of("PodDisruptionBudget", "Eviction")),
            Map.entry(
                    "rbac.authorization.k8s.io/v1",
                    List.of("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding")),
            Map.entry("autoscaling/v1", List.of("HorizontalPodAutoscaler", "Scale")),
            Map.entry("autoscaling/v2", List.of("HorizontalPodAutoscaler")),
            Map.entry("storage.k8s.io/v1", List.of("StorageClass", "CSIDriver", "CSINode", "VolumeAttachment")),
            Map.entry("scheduling.k8s.io/v1", List.of("PriorityClass")),
            Map.entry("coordination.k8s.io/v1", List.of("Lease")),
            Map.entry(
                    "admissionregistration.k8s.io/v1",
                    List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration")),
            Map.entry("apiextensions.k8s.io/v1", List.of("CustomResourceDefinition")));

    static List<String> releases() {
        return LintSettings.KUBERNETES_VERSIONS;
    }

    @ParameterizedTest
    @MethodSource("releases")
    void everyRequiredGroupVersionServesItsKinds(String version) {
        REQUIRED.forEach((apiVersion, kinds) -> {
            assertTrue(SCHEMAS.serves(version, apiVersion), version + " serves " + apiVersion);
            assertTrue(
                    SCHEMAS.kinds(version, apiVersion).containsAll(kinds),
                    version + " " + apiVersion + " has " + kinds + ", not only " + SCHEMAS.kinds(version, apiVersion));
        });
    }

    @ParameterizedTest
    @MethodSource("releases")
    void theServedApiVersionsAreTheDocuments(String version) throws IOException {
        Set<String> documents = new TreeSet<>();
        try (Stream<Path> files = Files.list(OpenApiDocuments.folder().resolve("v" + version))) {
            files.forEach(f ->
                    documents.add(BundleGenerator.apiVersionOf(f.getFileName().toString())));
        }
        assertEquals(documents, SCHEMAS.apiVersions(version));
    }

    @Test
    void everyBuiltInKindOfEveryBundledVersionCompilesAndValidates() {
        int kinds = 0;
        for (String version : LintSettings.KUBERNETES_VERSIONS) {
            for (String apiVersion : SCHEMAS.apiVersions(version)) {
                assertFalse(SCHEMAS.kinds(version, apiVersion).isEmpty(), version + " " + apiVersion + " has kinds");
                for (String kind : SCHEMAS.kinds(version, apiVersion)) {
                    GroupVersionKind gvk = GroupVersionKind.of(apiVersion, kind).orElseThrow();
                    KindSchema schema = SCHEMAS.find(version, gvk).orElseThrow();
                    ObjectNode object = JsonTrees.nodes().objectNode();
                    object.put("apiVersion", apiVersion);
                    object.put("kind", kind);
                    object.putObject("metadata").put("name", "x").put("unknownMetadataField", 1);
                    List<SchemaProblem> problems = schema.validate(object, true);
                    assertTrue(
                            problems.contains(new SchemaProblem(
                                    SchemaProblem.Kind.UNKNOWN_FIELD,
                                    "/metadata/unknownMetadataField",
                                    "unknownMetadataField",
                                    "unknown field \"unknownMetadataField\" in " + kind + " metadata")),
                            gvk + " closes its metadata: " + problems);
                    kinds++;
                }
            }
        }
        assertTrue(kinds > 450, "kinds checked: " + kinds);
    }

    @Test
    void newerReleasesKnowNewerFields() {
        String pod = Yaml.manifest("pod-level-resources.yaml");
        assertEquals(List.of(), Yaml.validate("1.35", pod, true));
        assertEquals(
                List.of("unknown field \"resources\" in Pod spec"), Yaml.messages(Yaml.validate("1.30", pod, true)));
    }

    private static final String POD = Yaml.manifest("full-pod.yaml");

    private static final String DEPLOYMENT = Yaml.manifest("full-deployment.yaml");

    @ParameterizedTest
    @MethodSource("releases")
    void everyReleaseLoadsAndValidatesAPodAndADeployment(String version) {
        assertEquals(List.of(), Yaml.messages(Yaml.validate(version, POD, true)), version);
        assertEquals(List.of(), Yaml.messages(Yaml.validate(version, DEPLOYMENT, true)), version);
        assertEquals(
                List.of("unknown field \"imagePullPolicyy\" in Pod spec.containers[0]; did you mean"
                        + " \"imagePullPolicy\"?"),
                Yaml.messages(Yaml.validate(
                        version,
                        POD.replace("image: nginx:1.27.3", "image: nginx:1.27.3\n      imagePullPolicyy: Always"),
                        true)),
                version);
        assertEquals(
                List.of("spec.replicas: expected integer, found string \"two\""),
                Yaml.messages(Yaml.validate(version, DEPLOYMENT.replace("replicas: 2", "replicas: two"), true)),
                version);
    }

    /** The documents of 1.23 call IntOrString and Quantity strings; the API server takes numbers there too. */
    @Test
    void intOrStringAndQuantityTakeNumbersInEveryRelease() {
        String pod = POD.replace("cpu: 100m", "cpu: 1").replace("port: http}", "port: 8080}");
        assertEquals(List.of(), Yaml.messages(Yaml.validate("1.23", pod, true)));
        assertEquals(
                List.of("spec.containers[0].readinessProbe.httpGet.port: expected integer or string, found"
                        + " boolean true"),
                Yaml.messages(Yaml.validate("1.23", pod.replace("port: 8080}", "port: true}"), true)));
    }

    @Test
    void fieldsComeWithTheirReleases() {
        String sidecar = POD.replace(
                "  containers:",
                "  initContainers:\n    - name: proxy\n      image: envoy:1.0.0\n"
                        + "      restartPolicy: Always\n  containers:");
        assertEquals(
                List.of("unknown field \"restartPolicy\" in Pod spec.initContainers[0]"),
                Yaml.messages(Yaml.validate("1.27", sidecar, true)));
        assertEquals(List.of(), Yaml.messages(Yaml.validate("1.28", sidecar, true)));
        String statefulSet = """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: postgres:16.4}]
                """;
        // serviceName is optional from 1.33
        assertEquals(1, Yaml.validate("1.32", statefulSet, true).size());
        assertEquals(List.of(), Yaml.validate("1.33", statefulSet, true));
    }

    @Test
    void kindsComeAndGoWithTheirReleases() {
        assertFalse(SCHEMAS.kinds("1.23", "storage.k8s.io/v1").contains("CSIStorageCapacity"));
        assertTrue(SCHEMAS.kinds("1.24", "storage.k8s.io/v1").contains("CSIStorageCapacity"));
        assertFalse(SCHEMAS.kinds("1.29", "admissionregistration.k8s.io/v1").contains("ValidatingAdmissionPolicy"));
        assertTrue(SCHEMAS.kinds("1.30", "admissionregistration.k8s.io/v1").contains("ValidatingAdmissionPolicy"));
        assertTrue(SCHEMAS.serves("1.24", "batch/v1beta1"));
        assertFalse(SCHEMAS.serves("1.25", "batch/v1beta1"));
        assertTrue(SCHEMAS.kinds("1.24", "policy/v1beta1").contains("PodSecurityPolicy"));
        assertFalse(SCHEMAS.serves("1.25", "policy/v1beta1"));
        assertTrue(SCHEMAS.serves("1.25", "autoscaling/v2beta2"));
        assertFalse(SCHEMAS.serves("1.26", "autoscaling/v2beta2"));
        assertTrue(SCHEMAS.serves("1.28", "flowcontrol.apiserver.k8s.io/v1beta2"));
        assertFalse(SCHEMAS.serves("1.29", "flowcontrol.apiserver.k8s.io/v1beta2"));
    }

    @Test
    void servedApiVersionsDifferBetweenReleases() {
        assertTrue(SCHEMAS.serves("1.30", "flowcontrol.apiserver.k8s.io/v1beta3"));
        assertFalse(SCHEMAS.serves("1.35", "flowcontrol.apiserver.k8s.io/v1beta3"));
        assertFalse(SCHEMAS.serves("1.30", "resource.k8s.io/v1"));
        assertTrue(SCHEMAS.kinds("1.35", "resource.k8s.io/v1").contains("DeviceClass"));
    }

    @Test
    void preferredApiVersionComesFirst() {
        assertEquals(
                List.of("autoscaling/v2", "autoscaling/v1"),
                SCHEMAS.apiVersionsServing("1.35", "HorizontalPodAutoscaler"));
        assertEquals(
                "resource.k8s.io/v1",
                SCHEMAS.apiVersionsServing("1.35", "DeviceClass").get(0));
    }

    @Test
    void metaTypesAreNotKinds() {
        assertFalse(SCHEMAS.kinds("1.35", "apps/v1").contains("DeleteOptions"));
        assertFalse(SCHEMAS.kinds("1.35", "v1").contains("WatchEvent"));
    }

    @Test
    void anUnbundledVersionIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SCHEMAS.apiVersions("1.22"));
        assertEquals(
                "kubelint has no schemas for Kubernetes 1.22; it bundles 1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29,"
                        + " 1.30, 1.31, 1.32, 1.33, 1.34, 1.35",
                e.getMessage());
    }
}
