package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.selectors.PodIndex;
import dev.kubelint.rules.support.CrossObjectShell;
import java.util.Optional;

/** A HorizontalPodAutoscaler whose scaleTargetRef names an object the scan does not define. */
@RuleInfo(
        id = "scale-target-undefined",
        category = "workloads",
        severity = Severity.WARNING,
        summary = "A HorizontalPodAutoscaler's scaleTargetRef names a workload the scan does not define",
        kinds = {"HorizontalPodAutoscaler"})
public final class ScaleTargetUndefinedRule extends CrossObjectShell {

    @Override
    protected CrossObjectCheck newCheck() {
        return new NameReferences() {
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
        };
    }
}
