package dev.kubelint.rules.ports;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.ports.Ports.Port;
import java.util.Locale;

/** A container port protocol other than TCP, UDP or SCTP. */
@RuleInfo(
        id = "port-protocol",
        category = "ports",
        severity = Severity.ERROR,
        summary = "A container port's protocol is not TCP, UDP or SCTP",
        kindGroups = KindGroup.POD_SPECS)
public final class PortProtocolRule implements PortRule {

    @Override
    public void checkPort(Port port, RuleContext ctx) {
        port.node().scalar("protocol").ifPresent(p -> check(p, ctx));
    }

    private static void check(ScalarNode protocol, RuleContext ctx) {
        String value = protocol.asText();
        if (value.isEmpty() || Ports.PROTOCOLS.contains(value)) {
            return;
        }
        String hint = Ports.PROTOCOLS.contains(value.toUpperCase(Locale.ROOT))
                ? " (protocols are case-sensitive: write " + value.toUpperCase(Locale.ROOT) + ")"
                : "";
        ctx.report(
                protocol,
                "unsupported protocol \"" + value + "\": supported values are \"SCTP\", \"TCP\", \"UDP\"" + hint);
    }
}
