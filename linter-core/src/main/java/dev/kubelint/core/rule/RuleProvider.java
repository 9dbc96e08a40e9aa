package dev.kubelint.core.rule;

import java.util.List;

/**
 * A set of rules, found with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.kubelint.core.rule.RuleProvider}).
 * The built-in rules are one provider; a team's rule jar is another.
 */
public interface RuleProvider {

    /** A short name for listings, such as "kubelint built-in rules" or the jar's artifact. */
    String name();

    List<Rule> rules();

    /** The rules with their metadata; by default read from each rule class's {@link RuleInfo}. */
    default List<RuleDescriptor> descriptors() {
        return rules().stream().map(rule -> RuleDescriptor.of(rule, name())).toList();
    }
}
