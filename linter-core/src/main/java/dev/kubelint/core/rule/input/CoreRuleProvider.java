package dev.kubelint.core.rule.input;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleProvider;
import java.util.List;

/** The rules the engine and the reader report themselves: the constants of {@link CoreRule}. */
public final class CoreRuleProvider implements RuleProvider {

    @Override
    public String name() {
        return CoreRule.ORIGIN;
    }

    @Override
    public List<Rule> rules() {
        return descriptors().stream().map(RuleDescriptor::rule).toList();
    }

    @Override
    public List<RuleDescriptor> descriptors() {
        return CoreRule.descriptors();
    }
}
