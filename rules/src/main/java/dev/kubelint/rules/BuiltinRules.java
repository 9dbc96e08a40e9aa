package dev.kubelint.rules;

import java.util.List;

import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleProvider;

/** The built-in rule set: one provider, one line per rule. */
public final class BuiltinRules implements RuleProvider {

    @Override
    public String name() {
        return "kubelint built-in rules";
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                new dev.kubelint.rules.metadata.StatusSectionRule(),
                new dev.kubelint.rules.selectors.LabelSelectorValidRule(),
                new dev.kubelint.rules.selectors.SelectorTemplateMismatchRule(),
                new dev.kubelint.rules.selectors.SelectorRequiredRule(),
                new dev.kubelint.rules.selectors.JobSelectorGeneratedRule(),
                new dev.kubelint.rules.selectors.ServiceSelectorNoMatchRule(),
                new dev.kubelint.rules.scheduling.NodeSelectorValidRule(),
                new dev.kubelint.rules.scheduling.NodeSelectorValueTypeRule(),
                new dev.kubelint.rules.scheduling.NodeAffinityValidRule(),
                new dev.kubelint.rules.scheduling.NodeAffinityIneffectiveRule(),
                new dev.kubelint.rules.scheduling.PodAffinityValidRule(),
                new dev.kubelint.rules.metadata.LabelValidRule(),
                new dev.kubelint.rules.metadata.AnnotationKeyValidRule(),
                new dev.kubelint.rules.metadata.AnnotationSizeRule(),
                new dev.kubelint.rules.metadata.StringMapValueTypeRule(),
                new dev.kubelint.rules.metadata.ObjectNameValidRule(),
                new dev.kubelint.rules.metadata.ContainerNameValidRule(),
                new dev.kubelint.rules.metadata.ContainerNameUniqueRule(),
                new dev.kubelint.rules.metadata.NamespaceOnClusterScopedRule(),
                new dev.kubelint.rules.metadata.NamespaceReservedPrefixRule(),
                new dev.kubelint.rules.metadata.NamespaceUndefinedRule());
    }
}
