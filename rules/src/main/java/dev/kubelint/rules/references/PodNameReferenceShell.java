package dev.kubelint.rules.references;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.selectors.PodIndex;
import java.util.List;
import java.util.Optional;

/**
 * The shell of the rules about a pod's references by name to core objects of one kind in its namespace
 * (ServiceAccount, ConfigMap, Secret): the objects of that kind define names, the pods refer to them, and
 * {@link NameReferences} judges at the end of the scan.
 */
abstract class PodNameReferenceShell implements Rule {

    private final String kind;
    private final String consequence;

    PodNameReferenceShell(String kind, String consequence) {
        this.kind = kind;
        this.consequence = consequence;
    }

    /** The name nodes of the references that a pod-bearing object makes to objects of the kind. */
    abstract List<ScalarNode> references(Manifest manifest);

    /**
     * Reads what an object other than the kind's own defines for the kind (a resource from which a controller
     * makes one), and says whether it did: such an object refers to nothing.
     */
    boolean defines(Manifest manifest, RuleContext ctx, NameReferences names) {
        return false;
    }

    @Override
    public final void check(Manifest manifest, RuleContext ctx) {
        // everything happens across objects
    }

    @Override
    public final Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(new NameReferences() {
            @Override
            void read(Manifest manifest, RuleContext ctx) {
                if (manifest.group().isEmpty() && manifest.kind().equals(kind)) {
                    defineSelf(manifest, ctx);
                    return;
                }
                if (defines(manifest, ctx, this)) {
                    return;
                }
                String namespace = PodIndex.namespaceOf(manifest);
                String from = manifest.kind() + " \"" + manifest.name() + "\"";
                for (ScalarNode name : references(manifest)) {
                    refer(new Reference(kind, namespace, name.asText(), ctx.locate(name), from));
                }
            }

            @Override
            String consequence(Reference r) {
                return consequence;
            }
        });
    }
}
