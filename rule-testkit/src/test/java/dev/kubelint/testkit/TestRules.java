package dev.kubelint.testkit;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.rule.RuleProvider;
import java.util.List;

/** Tiny rules that make the fixture runner's behaviour observable. */
public final class TestRules implements RuleProvider {

    @Override
    public String name() {
        return "testkit test rules";
    }

    @Override
    public List<Rule> rules() {
        return List.of(new FlagRule(), new OffRule());
    }

    /** Reports every top-level key that starts with "flag", saying the run's Kubernetes version and its limit. */
    @RuleInfo(
            id = "testkit-flag",
            category = "metadata",
            severity = Severity.WARNING,
            summary = "A top-level key starts with flag")
    public static final class FlagRule implements Rule {

        public static final RuleParam<Long> LIMIT = RuleParam.integer("limit", 3, "A number the message repeats.");

        @Override
        public void check(Manifest manifest, RuleContext ctx) {
            manifest.root().entries().stream()
                    .filter(e -> e.key().startsWith("flag"))
                    .forEach(e -> ctx.reportKey(
                            manifest.root(),
                            e.key(),
                            "key " + e.key() + " is set (kubernetes "
                                    + ctx.settings().kubernetesVersion() + ", limit " + ctx.param(LIMIT) + ")"));
        }
    }

    /** Off by default: reports a top-level key "quiet". */
    @RuleInfo(
            id = "testkit-off",
            category = "metadata",
            severity = Severity.INFO,
            enabledByDefault = false,
            summary = "A top-level key is named quiet")
    public static final class OffRule implements Rule {

        @Override
        public void check(Manifest manifest, RuleContext ctx) {
            if (manifest.root().has("quiet")) {
                ctx.reportKey(manifest.root(), "quiet", "quiet is set");
            }
        }
    }
}
