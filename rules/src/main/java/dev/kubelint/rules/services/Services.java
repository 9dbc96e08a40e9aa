package dev.kubelint.rules.services;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.ScalarType;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Service read the way the API server sees it after the v1 defaults: type ClusterIP, session affinity None,
 * protocol TCP and {@code targetPort} equal to {@code port} when they are left out or empty, {@code clusterIPs}
 * taken from {@code clusterIP} when only that is given.
 */
public final class Services {

    public static final String CLUSTER_IP = "ClusterIP";
    public static final String NODE_PORT = "NodePort";
    public static final String LOAD_BALANCER = "LoadBalancer";
    public static final String EXTERNAL_NAME = "ExternalName";

    private Services() {}

    /** Whether the object is a core/v1 Service. */
    public static boolean isService(Manifest manifest) {
        return manifest.group().isEmpty() && manifest.kind().equals("Service");
    }

    /** A defaulted view of a Service's spec; the spec mapping may be empty when the manifest has none. */
    public record Spec(MappingNode node) {

        public static Optional<Spec> of(Manifest manifest) {
            return isService(manifest) ? manifest.root().mapping("spec").map(Spec::new) : Optional.empty();
        }

        public String text(String key) {
            return node.scalar(key).map(ScalarNode::asText).orElse("");
        }

        /** The type, ClusterIP when absent or empty. */
        public String type() {
            String t = text("type");
            return t.isEmpty() ? CLUSTER_IP : t;
        }

        public String sessionAffinity() {
            String a = text("sessionAffinity");
            return a.isEmpty() ? "None" : a;
        }

        /** The cluster IPs after the API server's normalisation: clusterIPs, or [clusterIP] when only that is set. */
        public List<String> clusterIPs() {
            List<String> ips = strings("clusterIPs");
            if (ips.isEmpty() && !text("clusterIP").isEmpty()) {
                return List.of(text("clusterIP"));
            }
            return ips;
        }

        /** Headless: one cluster IP, None. */
        public boolean isHeadless() {
            List<String> ips = clusterIPs();
            return ips.size() == 1 && ips.get(0).equals("None");
        }

        /** NodePort, LoadBalancer, or ClusterIP with external IPs: what externalTrafficPolicy applies to. */
        public boolean isExternallyAccessible() {
            String t = type();
            return t.equals(LOAD_BALANCER)
                    || t.equals(NODE_PORT)
                    || (t.equals(CLUSTER_IP) && !strings("externalIPs").isEmpty());
        }

        public List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            node.sequence(key).ifPresent(seq -> {
                for (YamlNode item : seq.items()) {
                    if (item instanceof ScalarNode s && !s.isNull()) {
                        out.add(s.asText());
                    }
                }
            });
            return out;
        }

        /** The scalar items of a list field, for findings on one of them. */
        public List<ScalarNode> scalars(String key) {
            List<ScalarNode> out = new ArrayList<>();
            node.sequence(key).ifPresent(seq -> {
                for (YamlNode item : seq.items()) {
                    if (item instanceof ScalarNode s && !s.isNull()) {
                        out.add(s);
                    }
                }
            });
            return out;
        }

        public List<Port> ports() {
            Optional<SequenceNode> seq = node.sequence("ports");
            if (seq.isEmpty()) {
                return List.of();
            }
            List<Port> out = new ArrayList<>();
            int i = 0;
            for (YamlNode item : seq.get().items()) {
                if (item instanceof MappingNode m) {
                    out.add(new Port(m, i));
                }
                i++;
            }
            return out;
        }
    }

    /** One entry of spec.ports, with its index. */
    public record Port(MappingNode node, int index) {

        public String path() {
            return "spec.ports[" + index + "]";
        }

        public String name() {
            return node.scalar("name").map(ScalarNode::asText).orElse("");
        }

        public Optional<Long> port() {
            return node.scalar("port").flatMap(ScalarNode::longValue);
        }

        public String protocol() {
            String p = node.scalar("protocol").map(ScalarNode::asText).orElse("");
            return p.isEmpty() ? "TCP" : p;
        }

        public long nodePort() {
            return node.scalar("nodePort").flatMap(ScalarNode::longValue).orElse(0L);
        }

        /** The targetPort as written, unless it is absent, 0 or "" (defaulted to the port). */
        public Optional<ScalarNode> writtenTargetPort() {
            return node.scalar("targetPort")
                    .filter(s -> !s.isNull()
                            && !s.asText().isEmpty()
                            && !(s.type() == ScalarType.INTEGER && s.asText().equals("0")));
        }

        /** The target: a port name (a string) or a number, with the v1 default (the port). */
        public Optional<Object> target() {
            Optional<ScalarNode> written = writtenTargetPort();
            if (written.isEmpty()) {
                return port().map(Object.class::cast);
            }
            ScalarNode t = written.get();
            if (t.isString()) {
                return Optional.of(t.asText());
            }
            return t.longValue().map(Object.class::cast);
        }
    }
}
