package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.ContainerRule;

/** A container without image. */
@RuleInfo(
        id = "image-missing",
        category = "images",
        severity = Severity.ERROR,
        summary = "A container has no image",
        kindGroups = KindGroup.POD_SPECS)
public final class ImageMissingRule implements ContainerRule {

    @Override
    public void checkContainer(Container container, RuleContext ctx) {
        boolean missing =
                container.node().scalar("image").map(s -> s.asText().isEmpty()).orElse(true);
        if (missing) {
            ctx.reportKey(
                    container.node(),
                    container.node().has("image") ? "image" : "name",
                    container.describe() + " has no image: the API server requires one");
        }
    }
}
