package dev.kubelint.rules.selectors;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.CrossObjectShell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Service whose selector matches none of the pods the scanned files create in its namespace. */
@RuleInfo(
        id = "service-selector-no-match",
        category = "selectors",
        severity = Severity.WARNING,
        summary = "A Service's selector matches no pod or pod template of its namespace in the scanned files",
        kinds = {"Service"})
public final class ServiceSelectorNoMatchRule extends CrossObjectShell {

    public static final RuleParam<List<String>> OPERATOR_PODS = PodIndex.OPERATOR_PODS;

    @Override
    protected CrossObjectCheck newCheck() {
        return new Check();
    }

    /** The namespace an object lands in for matching purposes: its own, or "default". */
    static String namespaceOf(Manifest m) {
        return PodIndex.namespaceOf(m);
    }

    private record ServiceSelector(String namespace, LabelSelector selector, Location location) {}

    private static final class Check implements CrossObjectCheck {
        private final PodIndex pods = new PodIndex();
        private final List<ServiceSelector> services = new ArrayList<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            if (manifest.group().isEmpty() && manifest.kind().equals("Service")) {
                observeService(manifest, namespaceOf(manifest), ctx);
            } else {
                pods.observe(manifest, ctx, false);
            }
        }

        private void observeService(Manifest manifest, String namespace, RuleContext ctx) {
            Optional<MappingNode> spec = manifest.root().mapping("spec");
            if (spec.isEmpty() || spec.get().string("type").orElse("").equals("ExternalName")) {
                return;
            }
            spec.get()
                    .mapping("selector")
                    .filter(s -> !s.isEmpty())
                    .map(StructuredSelector::readMap)
                    .flatMap(StructuredSelector::selector)
                    .ifPresent(s ->
                            services.add(new ServiceSelector(namespace, s, ctx.locateKey(spec.get(), "selector"))));
        }

        @Override
        public void finish(RuleContext ctx) {
            for (ServiceSelector service : services) {
                String ns = service.namespace();
                if (pods.hasPods(ns)) {
                    if (!pods.anyMatches(ns, service.selector())) {
                        ctx.report(
                                service.location(),
                                "no pod or pod template of namespace \"" + ns + "\" in the"
                                        + " scanned files has labels matching the selector " + service.selector()
                                        + pods.didYouMeanNamespace(ns, service.selector())
                                        + ": the Service would have no"
                                        + " endpoints",
                                related(service));
                    }
                } else {
                    pods.firstInOtherNamespace(ns, service.selector())
                            .ifPresent(other -> ctx.report(
                                    service.location(),
                                    "the selector " + service.selector() + " matches " + other.owner()
                                            + " of another namespace, but a Service only selects pods of its own namespace (\""
                                            + ns + "\")" + pods.didYouMeanNamespace(ns, service.selector()),
                                    List.of(other.location())));
                }
            }
        }

        private List<Location> related(ServiceSelector service) {
            return pods.firstInOtherNamespace(service.namespace(), service.selector())
                    .map(p -> List.of(p.location()))
                    .orElse(List.of());
        }
    }
}
