package dev.kubelint.rules.probes;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.probes.Probes.Probe;
import dev.kubelint.rules.support.Releases;
import java.util.Set;

/** A probe without exactly one well-formed handler. */
@RuleInfo(
        id = "probe-handler",
        category = "probes",
        severity = Severity.ERROR,
        summary = "A probe does not set exactly one well-formed handler",
        kindGroups = KindGroup.POD_SPECS)
public final class ProbeHandlerRule implements ProbeRule {

    @Override
    public void checkProbe(Probe probe, RuleContext ctx) {
        Handlers.checkShape(
                probe.container().node(), probe.kind().key(), probe.node(), Handlers.PROBE, probe.describe(), ctx);
        if (Releases.minor(ctx) < Releases.GRPC_PROBES) {
            Handlers.present(probe.node(), Set.of(Handlers.Type.GRPC))
                    .forEach(h -> ctx.reportKey(
                            probe.node(),
                            "grpc",
                            "the grpc handler of " + probe.describe() + " needs Kubernetes 1." + Releases.GRPC_PROBES
                                    + ": in 1."
                                    + Releases.minor(ctx)
                                    + " gRPC probes are an alpha feature that is off by default, so the API"
                                    + " server drops the handler and rejects the probe for having none"));
        }
    }
}
