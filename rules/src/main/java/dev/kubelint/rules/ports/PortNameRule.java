package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.ports.Ports.Port;
import dev.kubelint.rules.support.ContainerRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A port name that is not an IANA service name, or that a container uses twice. */
@RuleInfo(
        id = "port-name",
        category = "ports",
        severity = Severity.ERROR,
        summary = "A container port name is not a valid IANA service name or is not unique within its container",
        kindGroups = KindGroup.POD_SPECS)
public final class PortNameRule implements ContainerRule {

    @Override
    public void checkContainer(Container container, RuleContext ctx) {
        Map<String, ScalarNode> seen = new HashMap<>();
        for (Port port : Ports.of(container)) {
            if (port.name().isEmpty()) {
                continue;
            }
            ScalarNode name = port.name().get();
            List<String> problems = Names.ianaServiceName(name.asText());
            if (!problems.isEmpty()) {
                ctx.report(
                        name,
                        "port name \"" + name.asText() + "\" is not a valid IANA service name: "
                                + String.join("; ", problems));
                continue;
            }
            ScalarNode earlier = seen.putIfAbsent(name.asText(), name);
            if (earlier != null) {
                ctx.report(
                        name,
                        "port name \"" + name.asText() + "\" is used twice in " + container.describe()
                                + ": port names must be unique within a container",
                        List.of(ctx.locate(earlier)));
            }
        }
    }
}
