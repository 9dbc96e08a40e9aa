package dev.kubelint.rules;

import java.util.List;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleProvider;
import dev.kubelint.rules.schema.ApiVersionDeprecatedRule;
import dev.kubelint.rules.schema.ApiVersionRemovedRule;
import dev.kubelint.rules.schema.MissingTypeMetaRule;
import dev.kubelint.rules.schema.SchemaConformanceRule;
import dev.kubelint.rules.schema.UnknownKindRule;

/** The rules kubelint ships with, one instance each. */
public final class BuiltinRules implements RuleProvider {

    @Override
    public String name() {
        return "kubelint built-in rules";
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                new ApiVersionDeprecatedRule(),
                new ApiVersionRemovedRule(),
                new MissingTypeMetaRule(),
                new SchemaConformanceRule(),
                new UnknownKindRule());
    }
}
