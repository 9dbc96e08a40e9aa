package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.ContainerRule;
import java.util.Optional;

/** An image reference without tag, or with the tag latest. */
@RuleInfo(
        id = "image-tag",
        category = "images",
        severity = Severity.WARNING,
        summary = "A container image has no tag or the tag latest",
        kindGroups = KindGroup.POD_SPECS)
public final class ImageTagRule implements ContainerRule {

    @Override
    public void checkContainer(Container container, RuleContext ctx) {
        container.node().scalar("image").ifPresent(image -> check(container.describe(), image, ctx));
    }

    private static void check(String container, ScalarNode image, RuleContext ctx) {
        String reference = image.asText().trim();
        if (reference.isEmpty() || reference.contains("@")) {
            return; // missing images are image-missing's; a digest pins the image whatever the tag says
        }
        Optional<String> tag = tag(reference);
        if (tag.isEmpty()) {
            ctx.report(image, "image \"" + reference + "\" of " + container + " has no tag, so it means :latest");
        } else if (tag.get().equals("latest")) {
            ctx.report(image, "image \"" + reference + "\" of " + container + " uses the tag latest");
        }
    }

    /** The tag of an image reference: after the last ':' of its last path component (a registry port is not one). */
    static Optional<String> tag(String reference) {
        String lastComponent = reference.substring(reference.lastIndexOf('/') + 1);
        int colon = lastComponent.lastIndexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(lastComponent.substring(colon + 1));
    }
}
