package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.List;

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
        Ports.clashes(
                spec.longRunningContainers(),
                port -> port.name()
                        .map(ScalarNode::asText)
                        .filter(n -> Names.ianaServiceName(n).isEmpty()),
                (port, earlier, sameContainer) -> {
                    if (!sameContainer) {
                        ScalarNode name = port.name().orElseThrow();
                        ctx.report(
                                name,
                                "port name \"" + name.asText() + "\" is also used by "
                                        + earlier.container().describe() + ": a Service targetPort \"" + name.asText()
                                        + "\" always resolves to that container's port",
                                List.of(ctx.locate(earlier.name().orElseThrow())));
                    }
                });
    }
}
