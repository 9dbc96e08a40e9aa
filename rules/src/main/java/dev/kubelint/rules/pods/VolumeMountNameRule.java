package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A volume mount or device that names no volume of the pod. */
@RuleInfo(
        id = "volume-mount-name",
        category = "volumes",
        severity = Severity.ERROR,
        summary = "A volumeMount or volumeDevice names no volume of the pod",
        kindGroups = KindGroup.POD_SPECS)
public final class VolumeMountNameRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        Manifest manifest = spec.manifest();
        Set<String> volumes = names(spec.spec().sequence("volumes"), "/name");
        if (manifest.kind().equals("StatefulSet")) {
            // the controller adds a volume per claim template to each pod it creates
            volumes.addAll(names(
                    manifest.root().mapping("spec").flatMap(s -> s.sequence("volumeClaimTemplates")),
                    "/metadata/name"));
        }
        for (Container c : spec.nonEphemeralContainers()) {
            check(c, "volumeMounts", volumes, ctx);
            check(c, "volumeDevices", volumes, ctx);
        }
    }

    private static void check(Container container, String field, Set<String> volumes, RuleContext ctx) {
        String entry = field.substring(0, field.length() - 1);
        container
                .node()
                .sequence(field)
                .ifPresent(seq -> seq.mappings().forEach(mount -> {
                    ScalarNode name = mount.scalar("name")
                            .filter(n -> !n.asText().isEmpty())
                            .orElse(null);
                    if (name == null) {
                        ctx.reportKey(
                                mount,
                                "name",
                                "a " + entry + " of " + container.describe() + " has no name: the API"
                                        + " server requires the name of one of the pod's volumes");
                    } else if (!volumes.contains(name.asText())) {
                        ctx.report(
                                name,
                                entry + " \"" + name.asText() + "\" of " + container.describe()
                                        + " names no volume of the pod" + known(volumes));
                    }
                }));
    }

    private static Set<String> names(Optional<SequenceNode> entries, String pointer) {
        Set<String> names = new HashSet<>();
        entries.ifPresent(seq -> seq.mappings()
                .forEach(m -> m.at(pointer)
                        .flatMap(YamlNode::asScalar)
                        .filter(n -> !n.isNull())
                        .ifPresent(n -> names.add(n.asText()))));
        return names;
    }

    private static String known(Set<String> volumes) {
        return volumes.isEmpty()
                ? " (the pod has no volumes)"
                : " (volumes: " + String.join(", ", volumes.stream().sorted().toList()) + ")";
    }
}
