package dev.kubelint.core.testing;

/** Custom rules of a configuration file ({@code custom-rules:}) that more than one test reads. */
public final class SampleCustomRules {

    private SampleCustomRules() {}

    /** no-host-network: a JSON Schema rule on the pod template of every workload. */
    public static final String NO_HOST_NETWORK = """
            custom-rules:
              - id: no-host-network
                message: pods must not use the host network
                pod-template: true
                pointer: /spec
                schema: {properties: {hostNetwork: {const: false}}}
            """;
}
