package dev.kubelint.core.testing;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import java.util.List;

/** A rule for tests: images tagged latest (or without a tag), with one parameter of each type. */
@RuleInfo(id = "latest-tag", category = "test", severity = Severity.WARNING, summary = "An image is tagged latest")
public final class LatestTagRule implements Rule {

    public static final RuleParam<Long> MAX = RuleParam.integer("max", 0, "findings allowed per object");
    public static final RuleParam<Boolean> UNTAGGED = RuleParam.bool("untagged", true, "report images without a tag");
    public static final RuleParam<String> TAG = RuleParam.string("tag", "latest", "the tag to report");
    public static final RuleParam<List<String>> ALLOWED =
            RuleParam.stringList("allowed", List.of(), "images allowed anyway");

    /** A pod the rule reports twice: nginx:latest on line 8 and the untagged redis on line 10. */
    public static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - name: a
                  image: nginx:latest
                - name: b
                  image: redis
            """;

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        PodSpecs.of(manifest)
                .ifPresent(pod -> pod.containers()
                        .forEach(c -> c.node().scalar("image").ifPresent(image -> {
                            String text = image.asText();
                            if (ctx.param(ALLOWED).contains(text)) {
                                return;
                            }
                            if (text.endsWith(":" + ctx.param(TAG)) || (ctx.param(UNTAGGED) && !text.contains(":"))) {
                                ctx.report(image, "image " + text + " is not pinned");
                            }
                        })));
    }
}
