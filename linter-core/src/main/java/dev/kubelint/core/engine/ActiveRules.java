package dev.kubelint.core.engine;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.input.CoreRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules a run has enabled, in catalogue order, each with its severity, settings and cross-object state. */
final class ActiveRules {

    /** One enabled rule and how it is configured. */
    record ActiveRule(
            RuleDescriptor descriptor,
            Severity severity,
            RuleSettings settings,
            Optional<CrossObjectCheck> crossObject) {

        ActiveRule(RuleDescriptor d, Severity severity, RuleSettings settings) {
            this(d, severity, settings, d.rule().newCrossObjectCheck());
        }
    }

    private final List<ActiveRule> rules = new ArrayList<>();
    private final Map<String, ActiveRule> byId = new LinkedHashMap<>();
    private final Set<String> fallbackIds = new HashSet<>();

    ActiveRules(LintRequest request) {
        for (RuleDescriptor d : request.catalog().all()) {
            RuleSettings s = request.ruleSettings(d.id());
            if (s.enabled().orElse(d.enabledByDefault())) {
                ActiveRule active = new ActiveRule(d, s.severity().orElse(d.severity()), s);
                rules.add(active);
                byId.put(d.id(), active);
                if (d.isFallback()) {
                    fallbackIds.add(d.id());
                }
            }
        }
    }

    List<ActiveRule> all() {
        return rules;
    }

    /** The severity of an enabled rule; empty when the rule is not enabled. */
    Optional<Severity> severity(String id) {
        return Optional.ofNullable(byId.get(id)).map(ActiveRule::severity);
    }

    /** Whether the rule only reports what other rules may explain better ({@link RuleDescriptor#isFallback()}). */
    boolean isFallback(String id) {
        return fallbackIds.contains(id);
    }

    boolean hasFallbacks() {
        return !fallbackIds.isEmpty();
    }

    /** Adds a finding of an engine-reported rule, when that rule is enabled. */
    void addFinding(List<Finding> sink, CoreRule coreRule, Location location, String message, List<Location> related) {
        ActiveRule rule = byId.get(coreRule.id());
        if (rule != null) {
            sink.add(new Finding(coreRule.id(), rule.severity(), location, message, related, Optional.empty()));
        }
    }
}
