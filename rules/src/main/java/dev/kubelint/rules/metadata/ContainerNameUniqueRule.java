package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two containers of one pod with the same name. */
@RuleInfo(
        id = "container-name-unique",
        category = "metadata",
        severity = Severity.ERROR,
        summary = "Two containers of a pod have the same name",
        kindGroups = KindGroup.POD_SPECS)
public final class ContainerNameUniqueRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        Map<String, Container> seen = new HashMap<>();
        for (Container container : spec.containers()) {
            ScalarNode name = container.node().scalar("name").orElse(null);
            if (name == null || name.asText().isEmpty()) {
                continue;
            }
            Container first = seen.putIfAbsent(name.asText(), container);
            if (first != null) {
                ctx.report(
                        name,
                        "duplicate container name \"" + name.asText() + "\", already the name of "
                                + article(first.role().label()) + "; names must be unique among init containers,"
                                + " containers and ephemeral containers",
                        List.of(ctx.locate(first.node().scalar("name").orElseThrow())));
            }
        }
    }

    private static String article(String label) {
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }
}
