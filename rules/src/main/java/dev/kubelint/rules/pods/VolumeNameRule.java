package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A pod volume without a valid, unique name. */
@RuleInfo(
        id = "volume-name",
        category = "volumes",
        severity = Severity.ERROR,
        summary = "A pod volume has no name, an invalid name, or the name of another volume",
        kindGroups = KindGroup.POD_SPECS)
public final class VolumeNameRule implements PodSpecRule {

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        spec.spec().sequence("volumes").ifPresent(volumes -> check(volumes.mappings(), ctx));
    }

    private static void check(List<MappingNode> volumes, RuleContext ctx) {
        Map<String, ScalarNode> seen = new HashMap<>();
        for (MappingNode volume : volumes) {
            Optional<ScalarNode> name =
                    volume.scalar("name").filter(n -> !n.asText().isEmpty());
            if (name.isEmpty()) {
                ctx.reportKey(volume, "name", "a volume has no name: the API server requires one");
                continue;
            }
            String text = name.get().asText();
            List<String> problems = Names.dns1123Label(text);
            if (!problems.isEmpty()) {
                ctx.report(name.get(), "volume name \"" + text + "\" is invalid: " + String.join("; ", problems));
            }
            ScalarNode earlier = seen.putIfAbsent(text, name.get());
            if (earlier != null) {
                ctx.report(
                        name.get(),
                        "volume name \"" + text + "\" is used by another volume of the pod: volume"
                                + " names must be unique",
                        List.of(ctx.locate(earlier)));
            }
        }
    }
}
