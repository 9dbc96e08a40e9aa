package dev.kubelint.core.engine;

import dev.kubelint.core.finding.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How the user configured one rule: turned on or off, its severity, its parameters (as read from configuration,
 * checked against the rule's {@link dev.kubelint.core.rule.RuleParam}s), and an optional scope on object labels.
 */
public record RuleSettings(
        Optional<Boolean> enabled,
        Optional<Severity> severity,
        Map<String, Object> params,
        Optional<Predicate<Map<String, String>>> scope) {

    public static final RuleSettings DEFAULT =
            new RuleSettings(Optional.empty(), Optional.empty(), Map.of(), Optional.empty());

    public RuleSettings {
        params = Map.copyOf(params);
    }

    public RuleSettings withEnabled(boolean value) {
        return new RuleSettings(Optional.of(value), severity, params, scope);
    }

    public RuleSettings withSeverity(Severity value) {
        return new RuleSettings(enabled, Optional.of(value), params, scope);
    }

    public RuleSettings withParams(Map<String, Object> value) {
        return new RuleSettings(enabled, severity, value, scope);
    }

    public RuleSettings withScope(Predicate<Map<String, String>> value) {
        return new RuleSettings(enabled, severity, params, Optional.of(value));
    }
}
