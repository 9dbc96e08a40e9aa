package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.ports.Ports.Port;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Two containers of a pod name a port alike, so a Service that targets the name reaches only one of them. */
@RuleInfo(
        id = "port-name-reused",
        category = "ports",
        severity = Severity.WARNING,
        summary = "Two containers of a pod use the same port name",
        kindGroups = KindGroup.POD_SPECS)
public final class PortNameReusedRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        check(spec.longRunningContainers(), ctx);
    }

    private static void check(List<Container> containers, RuleContext ctx) {
        Map<String, ScalarNode> first = new HashMap<>();
        Map<String, Container> owner = new HashMap<>();
        for (Container container : containers) {
            Set<String> own = new HashSet<>();
            for (Port port : Ports.of(container)) {
                ScalarNode name = port.name().orElse(null);
                if (name == null || !Names.ianaServiceName(name.asText()).isEmpty() || !own.add(name.asText())) {
                    continue;
                }
                ScalarNode earlier = first.putIfAbsent(name.asText(), name);
                if (earlier == null) {
                    owner.put(name.asText(), container);
                } else {
                    ctx.report(
                            name,
                            "port name \"" + name.asText() + "\" is also used by "
                                    + owner.get(name.asText()).describe() + ": a Service targetPort \"" + name.asText()
                                    + "\" always resolves to that container's port",
                            List.of(ctx.locate(earlier)));
                }
            }
        }
    }
}
