package dev.kubelint.rules.services;

import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.services.Services.Port;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks of service-valid on spec.ports: names, numbers, protocols, target ports and node ports. */
final class ServicePortChecks {

    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

    private final List<Problem> problems;

    ServicePortChecks(List<Problem> problems) {
        this.problems = problems;
    }

    void run(List<Port> ports, String type) {
        Set<String> names = new HashSet<>();
        Map<String, Port> byNumber = new HashMap<>();
        Map<String, Port> byNodePort = new HashMap<>();
        for (Port port : ports) {
            String path = port.path();
            String name = port.name();
            if (ports.size() > 1 && name.isEmpty()) {
                problems.add(Problem.atKey(
                        port.node(),
                        "name",
                        path + ".name: Required value: when a Service has"
                                + " more than one port, every port must have a name"));
            } else if (!name.isEmpty()) {
                ScalarNode nameNode = port.node().scalar("name").orElseThrow();
                List<String> bad = Names.dns1123Label(name);
                if (!bad.isEmpty()) {
                    problems.add(Problem.at(
                            nameNode, path + ".name: Invalid value: \"" + name + "\": " + String.join("; ", bad)));
                }
                if (!names.add(name)) {
                    problems.add(Problem.at(nameNode, path + ".name: Duplicate value: \"" + name + "\""));
                }
            }
            Optional<ScalarNode> portNode = port.node().scalar("port");
            if (portNode.isEmpty() || portNode.get().isNull()) {
                problems.add(Problem.atKey(
                        port.node(),
                        "port",
                        path + ".port: Invalid value: 0: must be between 1" + " and 65535, inclusive"));
            } else {
                portNode.get()
                        .longValue()
                        .filter(p -> !Names.isValidPortNumber(p))
                        .ifPresent(p -> problems.add(Problem.at(
                                portNode.get(),
                                path + ".port: Invalid value: " + p + ": must be between 1 and"
                                        + " 65535, inclusive")));
            }
            String protocol = port.protocol();
            if (!PROTOCOLS.contains(protocol)) {
                String upper = protocol.toUpperCase(Locale.ROOT);
                problems.add(Problem.at(
                        port.node().scalar("protocol").orElseThrow(),
                        path + ".protocol:"
                                + " Unsupported value: \"" + protocol
                                + "\": supported values: \"SCTP\", \"TCP\", \"UDP\""
                                + (PROTOCOLS.contains(upper)
                                        ? " (protocols are case-sensitive: write " + upper + ")"
                                        : "")));
            }
            port.writtenTargetPort().ifPresent(t -> targetPort(t, path));
            port.node().scalar("appProtocol").filter(s -> !s.isNull()).ifPresent(a -> {
                List<String> bad = Names.qualifiedName(a.asText());
                if (!bad.isEmpty()) {
                    problems.add(Problem.at(
                            a,
                            path + ".appProtocol: Invalid value: \"" + a.asText() + "\": " + String.join("; ", bad)));
                }
            });
            if (type.equals(Services.CLUSTER_IP) && port.nodePort() != 0) {
                problems.add(Problem.at(
                        port.node().get("nodePort").orElseThrow(),
                        path + ".nodePort: Forbidden:" + " may not be used when `type` is 'ClusterIP'"));
            }
            if (port.nodePort() != 0) {
                Port earlier = byNodePort.putIfAbsent(protocol + "/" + port.nodePort(), port);
                if (earlier != null) {
                    problems.add(Problem.at(
                            port.node().get("nodePort").orElseThrow(),
                            path + ".nodePort:" + " Duplicate value: " + port.nodePort() + " (also " + earlier.path()
                                    + ".nodePort)"));
                }
            }
            if (port.port().isPresent()) {
                Port earlier = byNumber.putIfAbsent(protocol + "/" + port.port().get(), port);
                if (earlier != null) {
                    problems.add(Problem.at(
                            portNode.orElseThrow(),
                            path + ": Duplicate value: port " + port.port().get() + "/" + protocol + " is also "
                                    + earlier.path()));
                }
            }
        }
    }

    private void targetPort(ScalarNode target, String path) {
        if (target.isString()) {
            List<String> bad = Names.ianaServiceName(target.asText());
            if (!bad.isEmpty()) {
                problems.add(Problem.at(
                        target,
                        path + ".targetPort: Invalid value: \"" + target.asText() + "\": " + String.join("; ", bad)));
            }
        } else {
            target.longValue()
                    .filter(p -> !Names.isValidPortNumber(p))
                    .ifPresent(p -> problems.add(Problem.at(
                            target,
                            path + ".targetPort: Invalid value: " + p + ": must be between 1 and 65535, inclusive")));
        }
    }
}
