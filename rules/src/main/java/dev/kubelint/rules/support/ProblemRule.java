package dev.kubelint.rules.support;

import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import java.util.stream.Stream;

/**
 * A rule whose check is a shared validator's list of problems (label maps, label selectors, node affinity): it says
 * which problems of an object are its own, and each is reported where it points, in the order given.
 */
public interface ProblemRule extends Rule {

    @Override
    default void check(Manifest manifest, RuleContext ctx) {
        problems(manifest, ctx).forEach(p -> p.report(ctx));
    }

    /** The object's problems that this rule reports. */
    Stream<Problem> problems(Manifest manifest, RuleContext ctx);
}
