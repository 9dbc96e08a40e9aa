package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.ports.Ports.Port;

/** containerPort missing or outside 1..65535, hostPort outside it. */
@RuleInfo(
        id = "port-range",
        category = "ports",
        severity = Severity.ERROR,
        summary = "A containerPort is missing or a containerPort or hostPort is outside 1 to 65535",
        kindGroups = KindGroup.POD_SPECS)
public final class PortRangeRule implements PortRule {

    @Override
    public void checkPort(Port port, RuleContext ctx) {
        if (port.containerPort().isEmpty()) {
            ctx.reportKey(
                    port.node(),
                    "containerPort",
                    "a port of " + port.container().describe() + " has no containerPort: the API server requires one");
        } else {
            checkNumber(port.containerPort().get(), "containerPort", ctx);
        }
        port.hostPort()
                .filter(h -> h.longValue().map(v -> v != 0).orElse(false))
                .ifPresent(h -> checkNumber(h, "hostPort", ctx));
    }

    private static void checkNumber(ScalarNode value, String field, RuleContext ctx) {
        value.longValue()
                .filter(n -> !Names.isValidPortNumber(n))
                .ifPresent(n -> ctx.report(
                        value,
                        field + " " + n + " is not a valid port number: it must be between 1 and 65535, inclusive"));
    }
}
