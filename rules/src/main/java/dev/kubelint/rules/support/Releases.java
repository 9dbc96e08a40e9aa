package dev.kubelint.rules.support;

import dev.kubelint.core.rule.RuleContext;

/**
 * The Kubernetes minor releases from which features that rules depend on are on by default, and from which the
 * release's schema knows their fields. Before a feature's field is in the schema, an object that uses it is a
 * {@code schema-conformance} error (an unknown field), so the rules leave it alone; between the field's arrival
 * and the feature's default-on release the API server drops or rejects the field, and the rules say so. The list
 * of rules whose verdict depends on the release is in docs/schemas.md.
 */
public final class Releases {

    /** Init containers may set restartPolicy (sidecar containers): the field, alpha and off by default. */
    public static final int SIDECAR_FIELD = 28;
    /** Sidecar containers on by default (SidecarContainers beta). */
    public static final int SIDECAR_CONTAINERS = 29;
    /** The sleep action of lifecycle hooks: the field, alpha and off by default. */
    public static final int SLEEP_ACTION_FIELD = 29;
    /** The sleep action on by default (PodLifecycleSleepAction beta). */
    public static final int SLEEP_ACTION = 30;
    /** A sleep hook may sleep 0 seconds (PodLifecycleSleepActionAllowZero). */
    public static final int SLEEP_ZERO = 33;
    /** gRPC probes on by default (GRPCContainerProbe beta); the field is in every bundled release. */
    public static final int GRPC_PROBES = 24;
    /** A Job's podFailurePolicy on by default (JobPodFailurePolicy beta; alpha and off by default in 1.25). */
    public static final int POD_FAILURE_POLICY = 26;
    /** Container restartPolicy on app containers and restartPolicyRules (ContainerRestartRules beta). */
    public static final int CONTAINER_RESTART_RULES = 35;
    /** The restartPolicyRules field, alpha and off by default. */
    public static final int RESTART_RULES_FIELD = 34;

    private Releases() {}

    /** The run's target minor release: 35 for Kubernetes 1.35. */
    public static int minor(RuleContext ctx) {
        return ctx.settings().minorVersion();
    }

    /** Whether init containers with restartPolicy: Always are sidecars in the run's release. */
    public static boolean sidecars(RuleContext ctx) {
        return minor(ctx) >= SIDECAR_CONTAINERS;
    }
}
