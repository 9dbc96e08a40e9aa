package dev.kubelint.rules.scheduling;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.Nodes;
import java.util.List;

/** Pod affinity and anti-affinity terms that the API server rejects. */
@RuleInfo(
        id = "pod-affinity-valid",
        category = "scheduling",
        severity = Severity.ERROR,
        summary =
                "A pod (anti-)affinity term has no valid topologyKey, an invalid namespace or a weight outside 1..100",
        kindGroups = KindGroup.POD_SPECS)
public final class PodAffinityValidRule implements Rule {

    private static final List<String> KINDS = List.of("podAffinity", "podAntiAffinity");

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        PodSpecs.of(manifest).ifPresent(pod -> {
            for (String kind : KINDS) {
                Nodes.mappings(pod.spec(), "/affinity/" + kind + "/requiredDuringSchedulingIgnoredDuringExecution/*")
                        .forEach(term -> term(term, ctx));
                for (MappingNode preferred : Nodes.mappings(
                        pod.spec(), "/affinity/" + kind + "/preferredDuringSchedulingIgnoredDuringExecution/*")) {
                    Weights.check(preferred).ifPresent(p -> p.report(ctx));
                    preferred.mapping("podAffinityTerm").ifPresent(term -> term(term, ctx));
                }
            }
        });
    }

    private static void term(MappingNode term, RuleContext ctx) {
        String topologyKey = term.get("topologyKey")
                .flatMap(YamlNode::asScalar)
                .map(ScalarNode::asText)
                .orElse("");
        if (topologyKey.isEmpty()) {
            ctx.reportKey(
                    term,
                    "topologyKey",
                    "topologyKey is required: it names the node label whose values define"
                            + " the topology domains (e.g. kubernetes.io/hostname or topology.kubernetes.io/zone)");
        } else {
            List<String> problems = Names.qualifiedName(topologyKey);
            if (!problems.isEmpty()) {
                ctx.report(
                        term.get("topologyKey").orElseThrow(),
                        "invalid topologyKey \"" + topologyKey + "\": " + String.join("; ", problems));
            }
        }
        term.sequence("namespaces")
                .ifPresent(list -> list.items()
                        .forEach(item -> item.asScalar()
                                .filter(ScalarNode::isString)
                                .ifPresent(ns -> {
                                    List<String> problems = Names.dns1123Label(ns.asText());
                                    if (!problems.isEmpty()) {
                                        ctx.report(
                                                ns,
                                                "invalid namespace \"" + ns.asText() + "\": "
                                                        + String.join("; ", problems));
                                    }
                                })));
    }
}
