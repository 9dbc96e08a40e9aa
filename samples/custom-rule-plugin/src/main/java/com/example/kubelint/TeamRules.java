package com.example.kubelint;

import java.util.List;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleProvider;

/**
 * The team's rules, registered in {@code META-INF/services/dev.kubelint.core.rule.RuleProvider} so that kubelint
 * finds them with {@link java.util.ServiceLoader}.
 */
public final class TeamRules implements RuleProvider {

    @Override
    public String name() {
        return "Example team rules";
    }

    @Override
    public List<Rule> rules() {
        return List.of(new TeamLabelRule(), new AllowedRegistriesRule());
    }
}
