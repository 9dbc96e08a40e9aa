package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.ports.Ports;
import dev.kubelint.rules.selectors.PodIndex;
import dev.kubelint.rules.services.Services;
import dev.kubelint.rules.support.CrossObjectShell;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A Service port whose targetPort names a port that none of the selected pods declares. */
@RuleInfo(
        id = "service-target-port-no-match",
        category = "services",
        severity = Severity.WARNING,
        summary = "A Service's named targetPort is declared by no container of the pods its selector matches",
        kinds = {"Service"})
public final class ServiceTargetPortNoMatchRule extends CrossObjectShell {

    public static final RuleParam<List<String>> OPERATOR_PODS = PodIndex.OPERATOR_PODS;

    @Override
    protected CrossObjectCheck newCheck() {
        return new Check();
    }

    private record NamedTarget(
            String namespace, LabelSelector selector, String name, String service, Location location) {}

    private static final class Check implements CrossObjectCheck {
        private final PodIndex pods = new PodIndex();
        /** The port names each pod declares; absent for pods whose ports the scan does not show. */
        private final Map<PodIndex.Pods, Set<String>> portNames = new IdentityHashMap<>();

        private final List<NamedTarget> targets = new ArrayList<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            if (Services.isService(manifest)) {
                observeService(manifest, ctx);
                return;
            }
            pods.observe(manifest, ctx, false)
                    .ifPresent(p -> PodSpecs.of(manifest).ifPresent(spec -> {
                        Set<String> names = new TreeSet<>();
                        spec.nonEphemeralContainers().forEach(c -> names.addAll(Ports.names(c)));
                        portNames.put(p, names);
                    }));
        }

        private void observeService(Manifest manifest, RuleContext ctx) {
            Services.Spec.of(manifest)
                    .filter(s -> !s.type().equals(Services.EXTERNAL_NAME))
                    .ifPresent(spec -> spec.node()
                            .mapping("selector")
                            .filter(s -> !s.isEmpty())
                            .map(StructuredSelector::readMap)
                            .flatMap(StructuredSelector::selector)
                            .ifPresent(selector -> {
                                for (Services.Port port : spec.ports()) {
                                    port.writtenTargetPort()
                                            .filter(ScalarNode::isString)
                                            .ifPresent(t -> targets.add(new NamedTarget(
                                                    PodIndex.namespaceOf(manifest),
                                                    selector,
                                                    t.asText(),
                                                    "Service \"" + manifest.name() + "\"",
                                                    ctx.locate(t))));
                                }
                            }));
        }

        @Override
        public void finish(RuleContext ctx) {
            for (NamedTarget target : targets) {
                List<PodIndex.Pods> selected = pods.matching(target.namespace(), target.selector());
                if (selected.isEmpty()
                        || selected.stream()
                                .anyMatch(p -> !portNames.containsKey(p)
                                        || portNames.get(p).contains(target.name()))) {
                    continue;
                }
                PodIndex.Pods first =
                        selected.stream().min(PodIndex.FIRST_IN_FILE_ORDER).orElseThrow();
                Set<String> declared = portNames.get(first);
                ctx.report(
                        target.location(),
                        "targetPort \"" + target.name() + "\" of " + target.service()
                                + " names no port that a container of the selected pods declares (" + first.owner()
                                + (declared.isEmpty()
                                        ? " declares no named port"
                                        : " declares \"" + String.join("\", \"", declared) + "\"")
                                + (selected.size() > 1
                                        ? ", and " + (selected.size() - 1) + " more selected" + " workload(s) none"
                                        : "")
                                + "): the Service port reaches no pod",
                        List.of(first.location()));
            }
        }
    }
}
