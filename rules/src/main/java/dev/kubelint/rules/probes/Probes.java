package dev.kubelint.rules.probes;

import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The probes of a pod that the API server validates: those of app containers and sidecar containers. */
public final class Probes {

    /** The three probes, by their key. */
    public enum Kind {
        LIVENESS("livenessProbe"),
        READINESS("readinessProbe"),
        STARTUP("startupProbe");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** Whether the kubelet kills the container when a probe of this kind fails: liveness and startup probes. */
        public boolean killsOnFailure() {
            return this != READINESS;
        }
    }

    private Probes() {}

    /** One probe of one container. */
    public record Probe(Container container, Kind kind, MappingNode node) {

        /** "livenessProbe of container \"web\"". */
        public String describe() {
            return kind.key() + " of " + container.describe();
        }

        /** An integer field of the probe, when it is set to an integer. */
        public Optional<Long> number(String field) {
            return node.scalar(field).flatMap(ScalarNode::longValue);
        }
    }

    /**
     * Probes of app and sidecar containers. Regular init containers may not have probes at all (see
     * init-container-probe) and ephemeral containers may not be in a manifest (see ephemeral-container).
     */
    public static List<Probe> of(PodSpec spec) {
        return spec.manifest().derived(Probes.class, m -> find(spec));
    }

    /** Computed once per object: every probe rule asks. */
    private static List<Probe> find(PodSpec spec) {
        List<Probe> probes = new ArrayList<>(2);
        for (Container c : spec.longRunningContainers()) {
            for (Kind kind : Kind.values()) {
                if (c.node().has(kind.key())) {
                    c.node().mapping(kind.key()).ifPresent(m -> probes.add(new Probe(c, kind, m)));
                }
            }
        }
        return List.copyOf(probes);
    }
}
