package dev.kubelint.rules.services;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.selectors.PodIndex;
import dev.kubelint.rules.support.CrossObjectShell;
import dev.kubelint.rules.support.Locations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Two Services of the scan that ask for the same node port. */
@RuleInfo(
        id = "node-port-conflict",
        category = "services",
        severity = Severity.ERROR,
        summary = "Two Services of the scan ask for the same node port",
        kinds = {"Service"})
public final class NodePortConflictRule extends CrossObjectShell {

    @Override
    protected CrossObjectCheck newCheck() {
        return new Check();
    }

    /**
     * A node port asked for by a Service, with the field that asks; claims of one identity (the Service's namespace,
     * name and port number) are the same request made twice.
     */
    private record Claim(long port, String field, String service, String identity, Location location) {}

    private static final class Check implements CrossObjectCheck {
        private final List<Claim> claims = new ArrayList<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            Optional<Services.Spec> found = Services.Spec.of(manifest);
            if (found.isEmpty()) {
                return;
            }
            Services.Spec spec = found.get();
            String type = spec.type();
            if (!type.equals(Services.NODE_PORT) && !type.equals(Services.LOAD_BALANCER)) {
                return;
            }
            String namespace = PodIndex.namespaceOf(manifest);
            String service = "Service \"" + manifest.name() + "\" (namespace \"" + namespace + "\")";
            String identity = namespace + "/" + manifest.name();
            Map<Long, Services.Port> own = new HashMap<>();
            for (Services.Port port : spec.ports()) {
                long nodePort = port.nodePort();
                if (nodePort <= 0) {
                    continue;
                }
                Services.Port earlier = own.putIfAbsent(nodePort, port);
                // ports of one number share their node port; of two numbers they allocate it twice, which fails
                // (with one protocol, service-valid already reports the duplicate)
                if (earlier == null
                        || (!earlier.port().equals(port.port())
                                && !earlier.protocol().equals(port.protocol()))) {
                    claims.add(new Claim(
                            nodePort,
                            port.path() + ".nodePort",
                            service,
                            identity + "/" + port.port().map(String::valueOf).orElse(""),
                            ctx.locate(port.node().get("nodePort").orElseThrow())));
                }
            }
            spec.node()
                    .scalar("healthCheckNodePort")
                    .filter(h -> h.longValue().orElse(0L) > 0)
                    .filter(h -> type.equals(Services.LOAD_BALANCER)
                            && spec.text("externalTrafficPolicy").equals("Local"))
                    .ifPresent(h -> {
                        long port = h.longValue().orElseThrow();
                        if (!own.containsKey(port)) {
                            claims.add(new Claim(port, "spec.healthCheckNodePort", service, identity, ctx.locate(h)));
                        }
                    });
        }

        @Override
        public void finish(RuleContext ctx) {
            claims.sort(Comparator.comparing(Claim::location, Locations.FILE_ORDER));
            Map<Long, Claim> holders = new HashMap<>();
            for (Claim claim : claims) {
                Claim holder = holders.putIfAbsent(claim.port(), claim);
                if (holder == null || holder.identity().equals(claim.identity())) {
                    continue;
                }
                Location at = holder.location();
                ctx.report(
                        claim.location(),
                        claim.field() + " " + claim.port() + " of " + claim.service()
                                + " is already allocated to " + holder.service() + " (" + holder.field() + ", "
                                + Locations.where(at) + "): node ports are unique in the cluster whatever"
                                + " their protocol and namespace, so the API server refuses this Service"
                                + " (\"provided port is already allocated\")",
                        List.of(at));
            }
            claims.clear();
        }
    }
}
