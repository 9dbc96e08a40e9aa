package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.ContainerRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A volume mount without mountPath, or two mounts of one container at the same path. */
@RuleInfo(
        id = "volume-mount-path",
        category = "volumes",
        severity = Severity.ERROR,
        summary = "A volumeMount has no mountPath, or a container mounts two volumes at the same path",
        kindGroups = KindGroup.POD_SPECS)
public final class VolumeMountPathRule implements ContainerRule {

    @Override
    public void checkContainer(Container container, RuleContext ctx) {
        Map<String, ScalarNode> seen = new HashMap<>();
        container
                .node()
                .sequence("volumeMounts")
                .ifPresent(seq -> seq.mappings().forEach(mount -> {
                    ScalarNode path = mount.scalar("mountPath")
                            .filter(p -> !p.asText().isEmpty())
                            .orElse(null);
                    if (path == null) {
                        ctx.reportKey(
                                mount,
                                "mountPath",
                                "a volumeMount of " + container.describe() + " has no mountPath:"
                                        + " the API server requires one");
                        return;
                    }
                    ScalarNode earlier = seen.putIfAbsent(path.asText(), path);
                    if (earlier != null) {
                        ctx.report(
                                path,
                                "mountPath \"" + path.asText() + "\" is used by another volumeMount of "
                                        + container.describe() + ": mount paths must be unique",
                                List.of(ctx.locate(earlier)));
                    }
                }));
    }
}
