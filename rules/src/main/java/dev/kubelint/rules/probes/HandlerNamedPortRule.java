package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.ports.Ports;
import dev.kubelint.rules.support.ContainerRule;
import java.util.List;
import java.util.Set;

/** A probe or hook that names a port its container does not declare. */
@RuleInfo(
        id = "handler-named-port",
        category = "probes",
        severity = Severity.WARNING,
        summary = "A probe or lifecycle hook refers to a port name that its container does not declare",
        kindGroups = KindGroup.POD_SPECS)
public final class HandlerNamedPortRule implements ContainerRule {

    private static final String[] HOOKS = {"postStart", "preStop"};

    @Override
    public List<Container> containers(PodSpec spec) {
        return spec.longRunningContainers();
    }

    @Override
    public void checkContainer(Container container, RuleContext ctx) {
        Set<String> names = Ports.names(container);
        for (Probes.Kind kind : Probes.Kind.values()) {
            container
                    .node()
                    .mapping(kind.key())
                    .ifPresent(probe ->
                            check(probe, Handlers.PROBE, kind.key() + " of " + container.describe(), names, ctx));
        }
        container.node().mapping("lifecycle").ifPresent(lifecycle -> {
            for (String hook : HOOKS) {
                lifecycle
                        .mapping(hook)
                        .ifPresent(h ->
                                check(h, Handlers.LIFECYCLE, hook + " hook of " + container.describe(), names, ctx));
            }
        });
    }

    private static void check(
            MappingNode owner, Set<Handlers.Type> types, String what, Set<String> names, RuleContext ctx) {
        Handlers.present(owner, types)
                .forEach(h -> Handlers.namedPort(h)
                        .filter(port -> !names.contains(port.asText()))
                        .ifPresent(port -> ctx.report(
                                port,
                                what + " uses port \"" + port.asText() + "\", but the container"
                                        + " declares no port with that name"
                                        + (names.isEmpty()
                                                ? ""
                                                : " (it has "
                                                        + String.join(
                                                                ", ",
                                                                names.stream()
                                                                        .sorted()
                                                                        .toList()) + ")"))));
    }
}
