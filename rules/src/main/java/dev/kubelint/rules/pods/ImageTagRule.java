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
        rationale = "An image without tag means :latest, and :latest names whatever was pushed last: two nodes can"
                + " run different code for the same pod template, a rollback does not roll the code back, and the"
                + " kubelet pulls the image on every start (imagePullPolicy defaults to Always for :latest). A digest"
                + " (@sha256:...) or a versioned tag makes the deployment reproducible.",
        remediation = "Pin the image to a version tag such as nginx:1.27.3, or to a digest.",
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
