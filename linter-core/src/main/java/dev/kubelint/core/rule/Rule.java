package dev.kubelint.core.rule;

import dev.kubelint.core.manifest.Manifest;
import java.util.Optional;

/**
 * A check of Kubernetes objects, annotated with {@link RuleInfo}. Implementations are stateless and thread-safe:
 * one instance checks every object of a run of the kinds its metadata names ({@link RuleDescriptor#checks}: every
 * object when it names none), from several threads.
 */
public interface Rule {

    /** Checks one object of the rule's kinds, reporting through {@code ctx}. */
    void check(Manifest manifest, RuleContext ctx);

    /**
     * For rules that compare objects with each other: a fresh check for one run, which sees every object and
     * reports at the end. The default is a rule about single objects only.
     */
    default Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.empty();
    }
}
