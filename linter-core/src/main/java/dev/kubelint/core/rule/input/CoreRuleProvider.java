package dev.kubelint.core.rule.input;

import java.util.List;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleProvider;

/** The rules the engine and the reader report themselves. */
public final class CoreRuleProvider implements RuleProvider {

    @Override
    public String name() {
        return "kubelint core";
    }

    @Override
    public List<Rule> rules() {
        return List.of(new YamlSyntaxRule(), new DuplicateKeyRule(), new InputLimitRule(), new YamlTagRule(),
                new NotAnObjectRule(), new UnreadableFileRule(), new SkippedFileRule(), new RenderFailedRule(), new RuleFailureRule(),
                new SuppressionWithoutReasonRule(), new UnusedSuppressionRule());
    }
}
