package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.selectors.PodIndex;
import java.util.Optional;

/** A HorizontalPodAutoscaler whose scaleTargetRef names an object the scan does not define. */
@RuleInfo(
        id = "scale-target-undefined",
        category = "workloads",
        severity = Severity.WARNING,
        summary = "A HorizontalPodAutoscaler's scaleTargetRef names a workload the scan does not define",
        rationale = "A HorizontalPodAutoscaler scales the object its scaleTargetRef names in its own namespace. When"
                + " no object of that kind and name exists, the autoscaler reports FailedGetScale and scales nothing,"
                + " usually because of a typo or a renamed workload. The rule speaks only when the scan defines"
                + " objects of the target's kind in that namespace and in the autoscaler's folder: otherwise the target"
                + " may come from elsewhere.",
        remediation = "Name the workload to scale exactly (kind and metadata.name), in the autoscaler's namespace.",
        kinds = {"HorizontalPodAutoscaler"})
public final class ScaleTargetUndefinedRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // everything happens across objects
    }

    @Override
    public Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(new NameReferences() {
            @Override
            void read(Manifest manifest, RuleContext ctx) {
                if (!manifest.group().equals("autoscaling") || !manifest.kind().equals("HorizontalPodAutoscaler")) {
                    defineSelf(manifest, ctx);
                    return;
                }
                manifest.root()
                        .mapping("spec")
                        .flatMap(s -> s.mapping("scaleTargetRef"))
                        .ifPresent(ref -> {
                            Optional<ScalarNode> name =
                                    ref.scalar("name").filter(n -> !n.asText().isEmpty());
                            String kind =
                                    ref.scalar("kind").map(ScalarNode::asText).orElse("");
                            if (name.isPresent() && !kind.isEmpty()) {
                                refer(new Reference(
                                        kind,
                                        PodIndex.namespaceOf(manifest),
                                        name.get().asText(),
                                        ctx.locate(name.get()),
                                        "HorizontalPodAutoscaler \"" + manifest.name() + "\""));
                            }
                        });
            }

            @Override
            String consequence(Reference r) {
                return "the autoscaler scales nothing";
            }
        });
    }
}
