package dev.kubelint.rules.references;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.references.SelectorReferences.Selecting;
import dev.kubelint.rules.support.CrossObjectShell;
import java.util.List;

/**
 * The shell of the rules about the pod selectors of one kind of object (NetworkPolicy, PodDisruptionBudget): the
 * objects of that kind give their selectors, and {@link SelectorReferences} judges them at the end of the scan.
 */
abstract class SelectorReferenceShell extends CrossObjectShell {

    private final String group;
    private final String kind;

    SelectorReferenceShell(String group, String kind) {
        this.group = group;
        this.kind = kind;
    }

    /** The selectors an object of the kind holds, read from its spec. */
    abstract List<Selecting> selectors(Manifest manifest, MappingNode spec, RuleContext ctx);

    /** What happens when nothing matches, for the message. */
    abstract String consequence(Selecting s);

    @Override
    protected final CrossObjectCheck newCheck() {
        return new SelectorReferences() {
            @Override
            List<Selecting> selectors(Manifest manifest, RuleContext ctx) {
                if (!manifest.group().equals(group) || !manifest.kind().equals(kind)) {
                    return List.of();
                }
                return manifest.root()
                        .mapping("spec")
                        .map(spec -> SelectorReferenceShell.this.selectors(manifest, spec, ctx))
                        .orElse(List.of());
            }

            @Override
            String consequence(Selecting s) {
                return SelectorReferenceShell.this.consequence(s);
            }
        };
    }
}
