package com.example.kubelint;

import java.util.List;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleProvider;

/** The team's rules, found by kubelint through META-INF/services. */
public final class TeamRules implements RuleProvider {

    @Override
    public String name() {
        return "team-rules";
    }

    @Override
    public List<Rule> rules() {
        return List.of(new TeamLabelRule());
    }
}
