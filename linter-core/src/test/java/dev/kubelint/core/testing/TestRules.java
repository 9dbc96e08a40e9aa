package dev.kubelint.core.testing;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.input.CoreRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules for engine tests, written as a check and a descriptor: the engine runs a rule through its descriptor, so a
 * test that needs a behaviour (echo every object, fail on every object) needs no rule class of its own. Rules whose
 * metadata a test reads from {@code @RuleInfo} stay classes.
 */
public final class TestRules {

    private TestRules() {}

    /**
     * A rule of category "test", enabled by default, without texts or parameters; its summary is its id. With kinds,
     * the engine hands it only objects of those kinds.
     */
    public static RuleDescriptor rule(String id, Severity severity, Rule check, String... kinds) {
        return new RuleDescriptor(check, id, "test", severity, id, "", "", true, List.of(kinds), List.of(), "test");
    }

    /** kind-echo: reports every object at its kind, "kind K named N", to show which objects rules are handed. */
    public static RuleDescriptor kindEcho() {
        return rule(
                "kind-echo",
                Severity.INFO,
                (manifest, ctx) -> ctx.reportKey(
                        manifest.root(), "kind", "kind " + manifest.kind() + " named " + manifest.name()));
    }

    /** always-fails ({@link FailingRule}): throws on every object, to show that a failing rule is isolated. */
    public static RuleDescriptor alwaysFails() {
        return RuleDescriptor.of(new FailingRule(), "test");
    }

    /** kind-fallback ({@link KindFallbackRule}): a fallback on kind and metadata, like a schema check. */
    public static RuleDescriptor kindFallback() {
        return RuleDescriptor.of(new KindFallbackRule(), "test");
    }

    /** kind-dedicated: the precise explanation of an object's kind, an error on the node a fallback reports too. */
    public static RuleDescriptor kindDedicated() {
        return rule(
                "kind-dedicated",
                Severity.ERROR,
                (manifest, ctx) ->
                        manifest.root().get("kind").ifPresent(k -> ctx.report(k, "the precise explanation")));
    }

    /** The core rules plus the given ones. */
    public static RuleCatalog coreWith(RuleDescriptor... extra) {
        List<RuleDescriptor> all = new ArrayList<>(CoreRule.descriptors());
        all.addAll(List.of(extra));
        return RuleCatalog.of(all);
    }

    /** The core rules plus the given rule classes, each read from its {@code @RuleInfo}. */
    public static RuleCatalog coreWithRules(Rule... extra) {
        return coreWith(
                List.of(extra).stream().map(r -> RuleDescriptor.of(r, "test")).toArray(RuleDescriptor[]::new));
    }
}
