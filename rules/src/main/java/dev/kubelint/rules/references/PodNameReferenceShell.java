package dev.kubelint.rules.references;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.selectors.PodIndex;
import dev.kubelint.rules.support.CrossObjectShell;
import java.util.List;

/**
 * The shell of the rules about a pod's references by name to core objects of one kind in its namespace
 * (ServiceAccount, ConfigMap, Secret): the objects of that kind define names, the pods refer to them, and
 * {@link NameReferences} judges at the end of the scan.
 */
abstract class PodNameReferenceShell extends CrossObjectShell {

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
    protected final CrossObjectCheck newCheck() {
        return new NameReferences() {
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
        };
    }
}
