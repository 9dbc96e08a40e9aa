package dev.kubelint.rules.services;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.services.Services.Spec;
import dev.kubelint.rules.support.IpAddresses;
import dev.kubelint.rules.support.IpAddresses.Cidr;
import dev.kubelint.rules.support.IpAddresses.Ip;
import dev.kubelint.rules.support.SpecProblemsShell;
import java.util.List;
import java.util.Optional;

/** What the API server accepts in a Service but answers with a warning. */
@RuleInfo(
        id = "service-warning",
        category = "services",
        severity = Severity.WARNING,
        summary = "A Service that the API server accepts with a warning",
        kinds = {"Service"})
public final class ServiceWarningRule extends SpecProblemsShell {

    private static final String TOPOLOGY_HINTS = "service.kubernetes.io/topology-aware-hints";

    public ServiceWarningRule() {
        super("", "Service");
    }

    @Override
    protected void listProblems(Manifest manifest, MappingNode node, RuleContext ctx, List<Problem> problems) {
        Spec spec = new Spec(node);
        manifest.metadata()
                .flatMap(m -> m.mapping("annotations"))
                .filter(a -> a.has(TOPOLOGY_HINTS))
                .ifPresent(a -> problems.add(Problem.atKey(
                        a,
                        TOPOLOGY_HINTS,
                        "annotation " + TOPOLOGY_HINTS
                                + " is deprecated, please use service.kubernetes.io/topology-mode instead")));
        String type = spec.type();
        List<ScalarNode> ipNodes = node.has("clusterIPs")
                ? spec.scalars("clusterIPs")
                : node.scalar("clusterIP").map(List::of).orElse(List.of());
        if (!type.equals(Services.EXTERNAL_NAME)) {
            for (int i = 0; i < ipNodes.size(); i++) {
                ip(ipNodes.get(i), node.has("clusterIPs") ? "spec.clusterIPs[" + i + "]" : "spec.clusterIP", problems);
            }
        }
        boolean headless = type.equals(Services.CLUSTER_IP) && spec.isHeadless();
        List<ScalarNode> externalIPs = spec.scalars("externalIPs");
        if (headless) {
            node.scalar("loadBalancerIP")
                    .filter(s -> !s.asText().isEmpty())
                    .ifPresent(
                            s -> problems.add(Problem.at(s, "spec.loadBalancerIP is ignored for headless services")));
            if (!externalIPs.isEmpty()) {
                problems.add(Problem.atKey(node, "externalIPs", "spec.externalIPs is ignored for headless services"));
            }
            if (!spec.sessionAffinity().equals("None")) {
                problems.add(Problem.atKey(
                        node, "sessionAffinity", "spec.SessionAffinity is ignored for headless" + " services"));
            }
        }
        for (int i = 0; i < externalIPs.size(); i++) {
            ip(externalIPs.get(i), "spec.externalIPs[" + i + "]", problems);
        }
        if (!externalIPs.isEmpty() && !headless && !type.equals(Services.EXTERNAL_NAME)) {
            problems.add(Problem.atKey(
                    node,
                    "externalIPs",
                    "spec.externalIPs is deprecated and may no longer be" + " implemented in some clusters"));
        }
        node.scalar("loadBalancerIP")
                .filter(s -> !s.asText().isEmpty())
                .ifPresent(s -> ip(s, "spec.loadBalancerIP", problems));
        List<ScalarNode> ranges = spec.scalars("loadBalancerSourceRanges");
        for (int i = 0; i < ranges.size(); i++) {
            cidr(ranges.get(i), "spec.loadBalancerSourceRanges[" + i + "]", problems);
        }
        if (type.equals(Services.EXTERNAL_NAME) && !externalIPs.isEmpty()) {
            problems.add(Problem.atKey(
                    node, "externalIPs", "spec.externalIPs is ignored when spec.type is" + " \"ExternalName\""));
        }
        if (!type.equals(Services.EXTERNAL_NAME)) {
            node.scalar("externalName")
                    .filter(s -> !s.asText().isEmpty())
                    .ifPresent(s -> problems.add(
                            Problem.at(s, "spec.externalName is ignored when spec.type is not \"ExternalName\"")));
        }
        node.scalar("trafficDistribution")
                .filter(s -> s.asText().equals("PreferClose") && ctx.settings().minorVersion() >= 34)
                .ifPresent(s -> problems.add(Problem.at(
                        s, "spec.trafficDistribution:" + " \"PreferClose\" is deprecated; use \"PreferSameZone\"")));
    }

    /** The API server's warnings for an IP address that parses only because legacy fields are lenient. */
    private static void ip(ScalarNode value, String path, List<Problem> problems) {
        Optional<Ip> ip = IpAddresses.parse(value.asText());
        if (ip.isEmpty()) {
            return;
        }
        if (ip.get().leadingZeros()) {
            problems.add(Problem.at(
                    value,
                    path + ": non-standard IP address \"" + value.asText() + "\" will be"
                            + " considered invalid in a future Kubernetes release: use \""
                            + ip.get().canonical() + "\""));
        } else if (ip.get().isV4Mapped()) {
            problems.add(Problem.at(
                    value,
                    path + ": IPv4-mapped IPv6 address \"" + value.asText() + "\" will be"
                            + " considered invalid in a future Kubernetes release: use a plain IPv4 address"));
        } else if (ip.get().isV6() && !value.asText().equals(ip.get().canonical())) {
            problems.add(Problem.at(
                    value,
                    path + ": IPv6 address \"" + value.asText() + "\" is not in RFC 5952 canonical format (\""
                            + ip.get().canonical() + "\"), which may cause controller apply-loops"));
        }
    }

    private static void cidr(ScalarNode value, String path, List<Problem> problems) {
        Optional<Cidr> cidr = IpAddresses.parseCidr(value.asText().strip());
        if (cidr.isEmpty()) {
            return;
        }
        if (cidr.get().ip().leadingZeros()) {
            problems.add(Problem.at(
                    value,
                    path + ": non-standard CIDR value \"" + value.asText() + "\" will be"
                            + " considered invalid in a future Kubernetes release: use \""
                            + cidr.get().network() + "\""));
        } else if (cidr.get().hasHostBits()) {
            problems.add(Problem.at(
                    value,
                    path + ": CIDR value \"" + value.asText() + "\" is ambiguous in this"
                            + " context (should be \"" + cidr.get().network() + "\" or \""
                            + cidr.get().ip().canonical() + "/"
                            + (cidr.get().ip().isV6() ? 128 : 32) + "\"?)"));
        } else if (cidr.get().ip().isV6()
                && !value.asText().strip().equals(cidr.get().network())) {
            problems.add(Problem.at(
                    value,
                    path + ": IPv6 prefix \"" + value.asText() + "\" is not in RFC 5952 canonical format (\""
                            + cidr.get().network() + "\"), which may cause controller apply-loops"));
        }
    }
}
