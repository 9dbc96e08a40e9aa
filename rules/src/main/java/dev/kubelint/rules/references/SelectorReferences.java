package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.selectors.PodIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check shared by the rules whose objects select pods of their namespace with a label selector: it collects
 * the pods of the scan and the selectors, and reports at the end each selector that matches no pod of its
 * namespace, when the scan holds pods of that namespace, naming another namespace whose pods match; in a
 * namespace without pods in the scan, only a selector that matches the pods of another namespace is reported.
 */
abstract class SelectorReferences implements CrossObjectCheck {

    /** A selector to judge: where it is, whose it is, and how to name it in a message. */
    record Selecting(String namespace, LabelSelector selector, Location location, String what) {}

    private final PodIndex pods = new PodIndex();
    private final List<Selecting> selecting = new ArrayList<>();

    /** The selectors of one object (empty when it is not of the rule's kind). */
    abstract List<Selecting> selectors(Manifest manifest, RuleContext ctx);

    /** What happens when nothing matches, for the message: "the NetworkPolicy applies to no pod". */
    abstract String consequence(Selecting s);

    @Override
    public void observe(Manifest manifest, RuleContext ctx) {
        List<Selecting> found = selectors(manifest, ctx);
        if (!found.isEmpty()) {
            selecting.addAll(found);
        } else {
            pods.observe(manifest, ctx, false);
        }
    }

    @Override
    public void finish(RuleContext ctx) {
        for (Selecting s : selecting) {
            Optional<PodIndex.Pods> elsewhere = pods.firstInOtherNamespace(s.namespace(), s.selector());
            List<Location> related = elsewhere.map(p -> List.of(p.location())).orElse(List.of());
            if (!pods.hasPods(s.namespace())) {
                // a partial scan, unless the pods are in another namespace of the scan
                elsewhere.ifPresent(other -> ctx.report(
                        s.location(),
                        s.what() + " " + s.selector() + " matches "
                                + other.owner()
                                + " of another namespace, but it only selects pods of its own namespace (\""
                                + s.namespace() + "\")" + pods.didYouMeanNamespace(s.namespace(), s.selector()),
                        related));
                continue;
            }
            if (pods.anyMatches(s.namespace(), s.selector())) {
                continue;
            }
            ctx.report(
                    s.location(),
                    s.what() + " " + s.selector() + " matches no pod or pod template of namespace \""
                            + s.namespace() + "\" in the scanned files"
                            + pods.didYouMeanNamespace(s.namespace(), s.selector())
                            + ": " + consequence(s),
                    related);
        }
    }

    /** A label selector object at {@code key} of {@code parent}, when it is valid and not empty. */
    static Optional<LabelSelector> selector(MappingNode parent, String key) {
        return parent.mapping(key)
                .map(StructuredSelector::read)
                .filter(s -> !s.isEmpty())
                .flatMap(StructuredSelector::selector);
    }
}
