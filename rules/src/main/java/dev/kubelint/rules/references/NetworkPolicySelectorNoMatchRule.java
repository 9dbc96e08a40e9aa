package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.rules.references.SelectorReferences.Selecting;
import dev.kubelint.rules.selectors.PodIndex;
import java.util.ArrayList;
import java.util.List;

/** A NetworkPolicy whose podSelector, or a peer's podSelector, matches no pod of its namespace. */
@RuleInfo(
        id = "network-policy-selector-no-match",
        category = "networking",
        severity = Severity.WARNING,
        summary = "A NetworkPolicy's podSelector, or a peer's podSelector, matches no pod of its namespace in the"
                + " scanned files",
        kinds = {"NetworkPolicy"})
public final class NetworkPolicySelectorNoMatchRule extends SelectorReferenceShell {

    public static final RuleParam<List<String>> OPERATOR_PODS = PodIndex.OPERATOR_PODS;

    public NetworkPolicySelectorNoMatchRule() {
        super("networking.k8s.io", "NetworkPolicy");
    }

    @Override
    List<Selecting> selectors(Manifest manifest, MappingNode spec, RuleContext ctx) {
        String ns = PodIndex.namespaceOf(manifest);
        String policy = "NetworkPolicy \"" + manifest.name() + "\"";
        List<Selecting> found = new ArrayList<>();
        SelectorReferences.selector(spec, "podSelector")
                .ifPresent(s -> found.add(
                        new Selecting(ns, s, ctx.locateKey(spec, "podSelector"), "the podSelector of " + policy)));
        peers(spec, "ingress", "from", ns, policy, ctx, found);
        peers(spec, "egress", "to", ns, policy, ctx, found);
        return found;
    }

    @Override
    String consequence(Selecting s) {
        return s.what().startsWith("the podSelector of")
                ? "the policy applies to no pod"
                : "the rule allows no traffic from or to pods of the namespace";
    }

    private static void peers(
            MappingNode spec,
            String direction,
            String key,
            String ns,
            String policy,
            RuleContext ctx,
            List<Selecting> found) {
        List<MappingNode> rules =
                spec.sequence(direction).map(SequenceNode::mappings).orElse(List.of());
        for (MappingNode rule : rules) {
            for (MappingNode peer :
                    rule.sequence(key).map(SequenceNode::mappings).orElse(List.of())) {
                if (peer.has("namespaceSelector")) {
                    continue;
                }
                SelectorReferences.selector(peer, "podSelector")
                        .ifPresent(s -> found.add(new Selecting(
                                ns,
                                s,
                                ctx.locateKey(peer, "podSelector"),
                                "the " + direction + " peer podSelector of " + policy)));
            }
        }
    }
}
