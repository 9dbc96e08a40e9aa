package dev.kubelint.rules.ports;

import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The ports containers declare, read the way the API server reads them (defaults included). */
public final class Ports {

    /** The protocols the API server accepts for a container port. */
    public static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

    private Ports() {}

    /** One entry of a container's {@code ports}. */
    public record Port(Container container, MappingNode node) {

        public Optional<ScalarNode> containerPort() {
            return node.scalar("containerPort");
        }

        /** The container port as an integer, when it is one. */
        public Optional<Long> containerPortNumber() {
            return containerPort().flatMap(ScalarNode::longValue);
        }

        public Optional<ScalarNode> hostPort() {
            return node.scalar("hostPort");
        }

        /** The host port, 0 when unset (the API server's "no host port"). */
        public long hostPortNumber() {
            return hostPort().flatMap(ScalarNode::longValue).orElse(0L);
        }

        /** The protocol; an absent or empty one is defaulted to TCP by the API server. */
        public String protocol() {
            String written = node.scalar("protocol").map(ScalarNode::asText).orElse("");
            return written.isEmpty() ? "TCP" : written;
        }

        /** The host IP as written, "" when unset; the API server compares it as text. */
        public String hostIP() {
            return node.scalar("hostIP").map(ScalarNode::asText).orElse("");
        }

        /** The port name, when one is given. */
        public Optional<ScalarNode> name() {
            return node.scalar("name").filter(s -> !s.asText().isEmpty());
        }

        /** The node a finding about the port as a whole points at: its containerPort, or the entry. */
        public YamlNode anchor() {
            return containerPort().map(YamlNode.class::cast).orElse(node);
        }
    }

    /** Whether the pod uses the node's network namespace, and so the node's ports. */
    public static boolean hostNetwork(PodSpec spec) {
        return spec.spec()
                .scalar("hostNetwork")
                .flatMap(ScalarNode::booleanValue)
                .orElse(false);
    }

    /** The port entries of a container, in source order. */
    public static List<Port> of(Container container) {
        if (!container.node().has("ports")) {
            return List.of();
        }
        Optional<SequenceNode> ports = container.node().sequence("ports");
        if (ports.isEmpty()) {
            return List.of();
        }
        List<Port> result = new ArrayList<>(ports.get().size());
        for (MappingNode m : ports.get().mappings()) {
            result.add(new Port(container, m));
        }
        return result;
    }

    /** Told of a port whose key an earlier port already has. */
    interface Clash {
        /** {@code earlier} is the first port with the key: of the port's own container, or of an earlier one. */
        void clash(Port port, Port earlier, boolean sameContainer);
    }

    /**
     * Walks the ports of containers that run together, in source order, and tells {@code clash} of each port whose
     * key (ports without one are passed over) an earlier port already has: the first of its own container if there
     * is one, the first of an earlier container otherwise. A port whose key its own container already has is told
     * against that container's port only, not again against the other containers.
     */
    static void clashes(List<Container> containers, Function<Port, Optional<String>> key, Clash clash) {
        Map<String, Port> first = new HashMap<>();
        for (Container container : containers) {
            Map<String, Port> own = new HashMap<>();
            for (Port port : of(container)) {
                Optional<String> k = key.apply(port);
                if (k.isEmpty()) {
                    continue;
                }
                Port same = own.putIfAbsent(k.get(), port);
                if (same != null) {
                    clash.clash(port, same, true);
                    continue;
                }
                Port earlier = first.putIfAbsent(k.get(), port);
                if (earlier != null) {
                    clash.clash(port, earlier, false);
                }
            }
        }
    }

    /** The port names a container declares (what probes and hooks may refer to). */
    public static Set<String> names(Container container) {
        Set<String> names = new HashSet<>();
        for (Port p : of(container)) {
            p.name().ifPresent(n -> names.add(n.asText()));
        }
        return names;
    }
}
