package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiLifecycleTest {

    private final ApiLifecycle lifecycle = ApiLifecycle.builtin();

    private ApiLifecycle.Resolution resolve(String version, String apiVersion, String kind) {
        return lifecycle.resolve(version, GroupVersionKind.of(apiVersion, kind).orElseThrow());
    }

    private String notServed(String version, String apiVersion, String kind) {
        return assertInstanceOf(ApiLifecycle.NotServed.class, resolve(version, apiVersion, kind))
                .message();
    }

    @Test
    void servedKindsResolveToTheirSchema() {
        ApiLifecycle.Served served =
                assertInstanceOf(ApiLifecycle.Served.class, resolve("1.35", "apps/v1", "Deployment"));
        assertEquals("apps/v1 Deployment", served.schema().gvk().toString());
        assertEquals("Kubernetes 1.35", served.schema().origin());
    }

    @ParameterizedTest
    @CsvSource({
        "1.35, extensions/v1beta1, Deployment, 1.16, apps/v1",
        "1.30, batch/v1beta1, CronJob, 1.25, batch/v1",
        "1.35, networking.k8s.io/v1beta1, Ingress, 1.22, networking.k8s.io/v1",
        "1.35, autoscaling/v2beta2, HorizontalPodAutoscaler, 1.26, autoscaling/v2",
        "1.35, policy/v1beta1, PodDisruptionBudget, 1.25, policy/v1",
        "1.35, networking.k8s.io/v1alpha1, ServiceCIDR, 1.31, networking.k8s.io/v1",
        "1.35, flowcontrol.apiserver.k8s.io/v1beta3, FlowSchema, 1.32, flowcontrol.apiserver.k8s.io/v1"
    })
    void removedApiVersionsNameTheirReplacement(
            String version, String apiVersion, String kind, String removedIn, String replacement) {
        assertEquals(
                apiVersion + " " + kind + " is not served by Kubernetes " + version + ": it was removed in Kubernetes "
                        + removedIn + "; use " + replacement,
                notServed(version, apiVersion, kind));
    }

    @Test
    void podSecurityPolicyHasNoReplacement() {
        assertEquals(
                "policy/v1beta1 PodSecurityPolicy is not served by Kubernetes 1.35: it was removed in Kubernetes"
                        + " 1.25; no replacement: use Pod Security Admission (the pod-security.kubernetes.io namespace labels)"
                        + " or a third-party admission webhook",
                notServed("1.35", "policy/v1beta1", "PodSecurityPolicy"));
    }

    @Test
    void flowControlBetaDependsOnTheRelease() {
        assertInstanceOf(
                ApiLifecycle.Served.class, resolve("1.30", "flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"));
        assertInstanceOf(
                ApiLifecycle.NotServed.class, resolve("1.35", "flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"));
    }

    @Test
    void apiVersionsOfOtherBundledReleasesAreExplained() {
        assertEquals(
                "resource.k8s.io/v1 DeviceClass is not served by Kubernetes 1.30 (it was added in Kubernetes"
                        + " 1.34)",
                notServed("1.30", "resource.k8s.io/v1", "DeviceClass"));
        assertEquals(
                "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is not served by Kubernetes 1.25 (it was added in"
                        + " Kubernetes 1.26); use flowcontrol.apiserver.k8s.io/v1beta2",
                notServed("1.25", "flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema"));
    }

    @ParameterizedTest
    @CsvSource({
        "1.24, 1.25, batch/v1beta1, CronJob, batch/v1",
        "1.24, 1.25, policy/v1beta1, PodDisruptionBudget, policy/v1",
        "1.24, 1.25, discovery.k8s.io/v1beta1, EndpointSlice, discovery.k8s.io/v1",
        "1.25, 1.26, autoscaling/v2beta2, HorizontalPodAutoscaler, autoscaling/v2",
        "1.25, 1.26, flowcontrol.apiserver.k8s.io/v1beta1, FlowSchema, flowcontrol.apiserver.k8s.io/v1beta3",
        "1.28, 1.29, flowcontrol.apiserver.k8s.io/v1beta2, PriorityLevelConfiguration, flowcontrol.apiserver.k8s.io/v1",
        "1.31, 1.32, flowcontrol.apiserver.k8s.io/v1beta3, FlowSchema, flowcontrol.apiserver.k8s.io/v1"
    })
    void aRemovalNamesItsReleaseAndTheReplacementServedThere(
            String last, String removedIn, String apiVersion, String kind, String replacement) {
        assertInstanceOf(ApiLifecycle.Served.class, resolve(last, apiVersion, kind));
        assertEquals(
                apiVersion + " " + kind + " is not served by Kubernetes " + removedIn + ": it was removed in"
                        + " Kubernetes " + removedIn + "; use " + replacement,
                notServed(removedIn, apiVersion, kind));
        assertEquals(
                apiVersion + " " + kind + " is not served by Kubernetes 1.35: it was removed in Kubernetes "
                        + removedIn,
                notServed("1.35", apiVersion, kind)
                        .substring(0, notServed("1.35", apiVersion, kind).indexOf(';')));
    }

    /** The table's removals within the bundled releases agree with the documents. */
    @Test
    void theRemovalTableAgreesWithTheDocuments() {
        int checked = 0;
        for (Map.Entry<String, String> removal :
                ApiLifecycle.removedApiVersions().entrySet()) {
            String[] apiVersionAndKind = removal.getKey().split(" ");
            int minor = Integer.parseInt(removal.getValue().substring(2));
            if (minor <= 23) {
                assertInstanceOf(
                        ApiLifecycle.NotServed.class,
                        resolve("1.23", apiVersionAndKind[0], apiVersionAndKind[1]),
                        removal.getKey());
                continue;
            }
            assertInstanceOf(
                    ApiLifecycle.Served.class,
                    resolve("1." + (minor - 1), apiVersionAndKind[0], apiVersionAndKind[1]),
                    removal.getKey() + " is served before " + removal.getValue());
            assertInstanceOf(
                    ApiLifecycle.NotServed.class,
                    resolve(removal.getValue(), apiVersionAndKind[0], apiVersionAndKind[1]),
                    removal.getKey() + " is not served from " + removal.getValue());
            checked++;
        }
        assertTrue(checked >= 15, "removals checked against the documents: " + checked);
    }

    @Test
    void unknownVersionsOfBuiltInGroupsAreNotServed() {
        assertEquals(
                "apps/v2 is not an API version of Kubernetes 1.35; Deployment is served as apps/v1",
                notServed("1.35", "apps/v2", "Deployment"));
        assertEquals(
                "extensions/v1beta1 is not an API version of Kubernetes 1.35",
                notServed("1.35", "extensions/v1beta1", "Widget"));
    }

    @Test
    void unknownKindsOfServedApiVersionsAreNamed() {
        assertEquals(
                "apps/v1 has no kind \"Deploymnet\" in Kubernetes 1.35; did you mean \"Deployment\"?",
                assertInstanceOf(ApiLifecycle.KindNotInApiVersion.class, resolve("1.35", "apps/v1", "Deploymnet"))
                        .message());
        assertEquals(
                "v1 has no kind \"CronJob\" in Kubernetes 1.35; CronJob is served as batch/v1",
                assertInstanceOf(ApiLifecycle.KindNotInApiVersion.class, resolve("1.35", "v1", "CronJob"))
                        .message());
    }

    @Test
    void otherGroupsAreUnknown() {
        assertInstanceOf(ApiLifecycle.Unknown.class, resolve("1.35", "example.com/v1", "Widget"));
        assertInstanceOf(ApiLifecycle.Unknown.class, resolve("1.35", "audit.k8s.io/v1", "Policy"));
    }

    @Test
    void betaVersionsWithAStableSuccessorAreDeprecated() {
        Optional<String> warning = lifecycle.deprecation(
                "1.35",
                GroupVersionKind.of("networking.k8s.io/v1beta1", "IPAddress").orElseThrow());
        assertEquals(
                Optional.of("networking.k8s.io/v1beta1 IPAddress is a beta API that Kubernetes 1.35 also serves as"
                        + " networking.k8s.io/v1; use networking.k8s.io/v1, since beta versions are deprecated once a newer"
                        + " version exists and are later removed"),
                warning);
        assertEquals(
                Optional.empty(),
                lifecycle.deprecation(
                        "1.35",
                        GroupVersionKind.of("networking.k8s.io/v1", "IPAddress").orElseThrow()));
        assertEquals(
                Optional.empty(),
                lifecycle.deprecation(
                        "1.35",
                        GroupVersionKind.of("autoscaling/v1", "HorizontalPodAutoscaler")
                                .orElseThrow()),
                "an older GA version is not deprecated");
        assertEquals(
                Optional.empty(),
                lifecycle.deprecation(
                        "1.35",
                        GroupVersionKind.of("coordination.k8s.io/v1beta1", "LeaseCandidate")
                                .orElseThrow()),
                "no stable LeaseCandidate exists yet");
    }

    @Test
    void anAlphaVersionIsAnAlphaApiThatIsOffByDefault() {
        assertEquals(
                Optional.of("admissionregistration.k8s.io/v1alpha1 MutatingAdmissionPolicy is an alpha API, off"
                        + " unless a cluster enables it, that Kubernetes 1.35 also serves as admissionregistration.k8s.io/v1beta1;"
                        + " use admissionregistration.k8s.io/v1beta1, since alpha versions are deprecated once a newer version"
                        + " exists and are later removed"),
                lifecycle.deprecation(
                        "1.35",
                        GroupVersionKind.of("admissionregistration.k8s.io/v1alpha1", "MutatingAdmissionPolicy")
                                .orElseThrow()));
    }

    @Test
    void removalTableCoversTheMigrationGuide() {
        assertTrue(ApiLifecycle.removedApiVersions()
                .keySet()
                .containsAll(java.util.List.of(
                        "extensions/v1beta1 Deployment",
                        "policy/v1beta1 PodSecurityPolicy",
                        "batch/v1beta1 CronJob",
                        "networking.k8s.io/v1beta1 Ingress",
                        "autoscaling/v2beta2 HorizontalPodAutoscaler",
                        "policy/v1beta1 PodDisruptionBudget",
                        "flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema",
                        "storage.k8s.io/v1beta1 CSIStorageCapacity")));
    }
}
