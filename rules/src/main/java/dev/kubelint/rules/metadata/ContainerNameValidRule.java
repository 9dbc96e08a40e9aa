package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.ContainerRule;
import java.util.List;

/** Container names that are not DNS-1123 labels. */
@RuleInfo(
        id = "container-name-valid",
        category = "metadata",
        severity = Severity.ERROR,
        summary = "A container name is not a DNS-1123 label",
        kindGroups = KindGroup.POD_SPECS)
public final class ContainerNameValidRule implements ContainerRule {

    /** Every container, ephemeral ones included: the API server checks their names alike. */
    @Override
    public List<Container> containers(PodSpec spec) {
        return spec.containers();
    }

    @Override
    public void checkContainer(Container container, RuleContext ctx) {
        container.node().scalar("name").filter(ScalarNode::isString).ifPresent(name -> {
            List<String> problems = Names.dns1123Label(name.asText());
            if (!problems.isEmpty()) {
                ctx.report(
                        name,
                        "invalid " + container.role().label() + " name \"" + name.asText() + "\": "
                                + String.join("; ", problems));
            }
        });
    }
}
