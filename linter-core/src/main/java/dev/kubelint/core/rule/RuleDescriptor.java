package dev.kubelint.core.rule;

import dev.kubelint.core.finding.Severity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule and its metadata, read from its {@link RuleInfo}, its texts ({@link RuleTexts}) and its {@link RuleParam}
 * fields.
 */
public record RuleDescriptor(
        Rule rule,
        String id,
        String category,
        Severity severity,
        String summary,
        RuleTexts texts,
        boolean enabledByDefault,
        List<String> kinds,
        List<RuleParam<?>> params,
        String origin) {

    public RuleDescriptor {
        kinds = List.copyOf(kinds);
        params = List.copyOf(params);
    }

    /**
     * Whether the rule's {@link Rule#check} is given objects of this kind: the kinds of its metadata (its kind groups
     * expanded), or every kind when it names none. A cross-object check observes every object all the same.
     */
    public boolean checks(String kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    /** A descriptor with its texts given as they are. */
    public RuleDescriptor(
            Rule rule,
            String id,
            String category,
            Severity severity,
            String summary,
            String rationale,
            String remediation,
            boolean enabledByDefault,
            List<String> kinds,
            List<RuleParam<?>> params,
            String origin) {
        this(
                rule,
                id,
                category,
                severity,
                summary,
                RuleTexts.of(rationale, remediation),
                enabledByDefault,
                kinds,
                params,
                origin);
    }

    /** Why the rule matters ({@link RuleInfo#rationale()}). */
    public String rationale() {
        return texts.rationale();
    }

    /** What to change ({@link RuleInfo#remediation()}). */
    public String remediation() {
        return texts.remediation();
    }

    /** Reads a rule's metadata; the origin names the provider (or jar) it came from. */
    public static RuleDescriptor of(Rule rule, String origin) {
        RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException("rule class " + rule.getClass().getName() + " has no @RuleInfo");
        }
        return new RuleDescriptor(
                rule,
                info.id(),
                info.category(),
                info.severity(),
                info.summary(),
                RuleTexts.of(rule.getClass(), info),
                info.enabledByDefault(),
                kinds(info),
                params(rule.getClass()),
                origin);
    }

    /** The kinds of the rule's groups, then its own kinds, each once. */
    private static List<String> kinds(RuleInfo info) {
        java.util.LinkedHashSet<String> kinds = new java.util.LinkedHashSet<>();
        for (KindGroup group : info.kindGroups()) {
            kinds.addAll(group.kinds());
        }
        kinds.addAll(List.of(info.kinds()));
        return List.copyOf(kinds);
    }

    /** The public static final RuleParam fields of a rule class, in declaration order. */
    public static List<RuleParam<?>> params(Class<?> type) {
        List<RuleParam<?>> result = new ArrayList<>();
        for (Field field : type.getFields()) {
            int m = field.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && RuleParam.class.isAssignableFrom(field.getType())) {
                try {
                    result.add((RuleParam<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read parameter " + field, e);
                }
            }
        }
        return result;
    }

    /** Whether the rule is a fallback ({@link RuleInfo#fallback()}). */
    public boolean isFallback() {
        RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
        return info != null && info.fallback();
    }

    public Optional<RuleParam<?>> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Where the rule's documentation is published. */
    public String helpUri() {
        return "https://kubelint.dev/rules/" + id;
    }
}
