package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.ContainerRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Liveness and readiness probes that are the same. */
@RuleInfo(
        id = "probe-identical",
        category = "probes",
        severity = Severity.WARNING,
        summary = "A container's liveness and readiness probes are identical",
        kindGroups = KindGroup.POD_SPECS)
public final class ProbeIdenticalRule implements ContainerRule {

    @Override
    public List<Container> containers(PodSpec spec) {
        return spec.longRunningContainers();
    }

    @Override
    public void checkContainer(Container container, RuleContext ctx) {
        Optional<MappingNode> liveness = container.node().mapping("livenessProbe");
        Optional<MappingNode> readiness = container.node().mapping("readinessProbe");
        if (liveness.isPresent()
                && readiness.isPresent()
                && !processLevel(liveness.get())
                && canonical(liveness.get()).equals(canonical(readiness.get()))) {
            ctx.report(
                    ctx.locateKey(container.node(), "readinessProbe"),
                    "readinessProbe of " + container.describe()
                            + " is identical to its livenessProbe: when it fails the container is restarted just as it"
                            + " leaves its Services",
                    List.of(ctx.locateKey(container.node(), "livenessProbe")));
        }
    }

    /** A TCP or gRPC health check: the same question for both probes, as the Kubernetes documentation asks it. */
    private static boolean processLevel(MappingNode probe) {
        return probe.has("tcpSocket") || probe.has("grpc");
    }

    /** The value as kubectl sends it, with mapping keys sorted: equal values give equal text. */
    static String canonical(YamlNode node) {
        if (node instanceof MappingNode m) {
            Map<String, String> sorted = new TreeMap<>();
            m.entries().forEach(e -> sorted.put(e.key(), canonical(e.value())));
            return sorted.entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (node instanceof SequenceNode s) {
            return s.items().stream().map(ProbeIdenticalRule::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        return ((ScalarNode) node).toJson();
    }
}
