package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.ContainerRole;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.selectors.PodIndex;
import dev.kubelint.rules.services.Services;
import dev.kubelint.rules.support.CrossObjectShell;
import dev.kubelint.rules.support.Locations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A container that receives traffic, or likely will, without readiness probe. */
@RuleInfo(
        id = "readiness-probe-missing",
        category = "probes",
        severity = Severity.WARNING,
        summary = "A container that a Service routes traffic to, or that likely serves, has no readiness probe",
        kindGroups = KindGroup.PODS_AND_WORKLOADS)
public final class ReadinessProbeMissingRule extends CrossObjectShell {

    private static final Set<String> SERVING_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    @Override
    protected CrossObjectCheck newCheck() {
        return new Check();
    }

    /** A container without readiness probe, and whether it declares ports. */
    private record Unready(String describe, boolean ports, Location location) {}

    /** The pods of one object whose containers may need a readiness probe. */
    private record Candidate(
            String namespace,
            PodIndex.Pods pods,
            String owner,
            boolean servingKind,
            boolean anyPorts,
            boolean anyReadiness,
            List<Unready> unready) {}

    private record Route(String namespace, LabelSelector selector, String service, Location location) {}

    private static final class Check implements CrossObjectCheck {
        private final PodIndex index = new PodIndex();
        private final List<Candidate> candidates = new ArrayList<>();
        private final List<Route> routes = new ArrayList<>();
        private final Set<String> namespacesWithServices = new HashSet<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            if (Services.isService(manifest)) {
                String ns = PodIndex.namespaceOf(manifest);
                namespacesWithServices.add(ns);
                Services.Spec.of(manifest)
                        .filter(s -> !s.type().equals(Services.EXTERNAL_NAME))
                        .flatMap(s -> s.node().mapping("selector"))
                        .filter(s -> !s.isEmpty())
                        .map(StructuredSelector::readMap)
                        .flatMap(StructuredSelector::selector)
                        .ifPresent(s -> routes.add(new Route(
                                ns,
                                s,
                                "Service \"" + manifest.name() + "\"",
                                ctx.locateKey(manifest.root().mapping("spec").orElseThrow(), "selector"))));
                return;
            }
            Optional<PodSpecs.PodSpec> spec = PodSpecs.of(manifest);
            if (spec.isEmpty()) {
                return;
            }
            Optional<PodIndex.Pods> pods = index.observe(manifest, ctx, false);
            if (pods.isEmpty()) {
                return;
            }
            List<Unready> unready = new ArrayList<>();
            boolean anyPorts = false;
            boolean anyReadiness = false;
            for (Container c : spec.get().containers()) {
                if (c.role() != ContainerRole.APP) {
                    continue;
                }
                boolean ports =
                        c.node().sequence("ports").map(p -> p.size() > 0).orElse(false);
                boolean readiness = c.node()
                        .get("readinessProbe")
                        .flatMap(p -> p.asMapping())
                        .isPresent();
                anyPorts |= ports;
                anyReadiness |= readiness;
                if (!readiness) {
                    unready.add(new Unready(c.describe(), ports, ctx.locateKey(c.node(), "name")));
                }
            }
            if (!unready.isEmpty()) {
                candidates.add(new Candidate(
                        PodIndex.namespaceOf(manifest),
                        pods.get(),
                        manifest.kind() + " \"" + manifest.name() + "\"",
                        SERVING_KINDS.contains(manifest.kind()),
                        anyPorts,
                        anyReadiness,
                        unready));
            }
        }

        @Override
        public void finish(RuleContext ctx) {
            // each pod template's first route in file order, whatever order the workers read the files in; the
            // index finds a selector's pods without comparing every route with every template
            Map<PodIndex.Pods, Route> routeOf = new IdentityHashMap<>();
            routes.stream()
                    .sorted(Comparator.comparing(Route::location, Locations.FILE_ORDER))
                    .forEach(r -> index.matching(r.namespace(), r.selector()).forEach(p -> routeOf.putIfAbsent(p, r)));
            for (Candidate c : candidates) {
                if (!namespacesWithServices.contains(c.namespace())) {
                    if (c.servingKind()) {
                        c.unready().stream()
                                .filter(Unready::ports)
                                .forEach(u -> ctx.report(
                                        u.location(),
                                        u.describe() + " of " + c.owner()
                                                + " exposes ports but has no readinessProbe"));
                    }
                    continue;
                }
                Optional<Route> route = Optional.ofNullable(routeOf.get(c.pods()));
                if (route.isEmpty()) {
                    continue;
                }
                List<Unready> report = c.anyPorts()
                        ? c.unready().stream().filter(Unready::ports).toList()
                        : c.anyReadiness() ? List.of() : List.of(c.unready().get(0));
                for (Unready u : report) {
                    ctx.report(
                            u.location(),
                            u.describe() + " of " + c.owner() + " receives traffic from "
                                    + route.get().service() + " but has no readinessProbe",
                            List.of(route.get().location()));
                }
            }
        }
    }
}
