package dev.kubelint.core.rule;

import dev.kubelint.core.finding.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Everything a user or a tool needs to know about a rule, on the rule's class: the registry, the docs generator
 * and every reporter read this one annotation (and the rule's text resource, where its longer texts may live). Typed parameters are the rule's {@code public static final}
 * {@link RuleParam} fields.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Kebab-case id, unique across all rules: {@code container-port-conflict}. */
    String id();

    /** Group in the catalogue: "input", "schema", "ports", "probes", "scheduling", "metadata", ... */
    String category();

    Severity severity();

    /** One sentence, no final period: what the rule finds. */
    String summary();

    /**
     * Why it matters: what the API server or the cluster does with such a manifest. Leave it out to keep the text in
     * a YAML resource named after the rule's class, beside it ({@code MyRule.yaml}, keys {@code rationale} and
     * {@code remediation}).
     */
    String rationale() default "";

    /** What to change; like {@link #rationale()}, here or in the rule's YAML resource. */
    String remediation() default "";

    boolean enabledByDefault() default true;

    /**
     * A fallback rule (such as schema conformance) is the safety net under dedicated rules: its finding on a node is
     * dropped when another rule reports an error on exactly the same node of the same object, so the user reads the
     * dedicated explanation once instead of two findings about one mistake.
     */
    boolean fallback() default false;

    /**
     * Kinds the rule checks: the engine hands the rule's {@link Rule#check} only objects of these kinds (and of its
     * {@link #kindGroups()}), matched by kind name whatever the group; empty means every kind. A cross-object check
     * observes every object regardless.
     */
    String[] kinds() default {};

    /**
     * Groups of kinds the rule applies to, added before {@link #kinds()}: {@code kindGroups = KindGroup.POD_SPECS}
     * instead of spelling out the nine kinds that carry a pod spec.
     */
    KindGroup[] kindGroups() default {};
}
