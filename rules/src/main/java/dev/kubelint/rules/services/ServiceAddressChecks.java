package dev.kubelint.rules.services;

import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.services.Services.Spec;
import dev.kubelint.rules.support.IpAddresses;
import dev.kubelint.rules.support.IpAddresses.Ip;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of service-valid on a Service's addresses: clusterIP(s), IP families and their policy, externalIPs
 * and the load balancer's source ranges.
 */
final class ServiceAddressChecks {

    private static final List<String> FAMILIES = List.of("IPv4", "IPv6");
    private static final List<String> FAMILY_POLICIES = List.of("PreferDualStack", "RequireDualStack", "SingleStack");
    private static final String SOURCE_RANGES = "service.beta.kubernetes.io/load-balancer-source-ranges";

    private final Manifest manifest;
    private final Spec spec;
    private final MappingNode node;
    private final List<Problem> problems;

    ServiceAddressChecks(Manifest manifest, Spec spec, List<Problem> problems) {
        this.manifest = manifest;
        this.spec = spec;
        this.node = spec.node();
        this.problems = problems;
    }

    void clusterIPs() {
        String clusterIP = spec.text("clusterIP");
        List<ScalarNode> written = spec.scalars("clusterIPs");
        List<String> ips = spec.clusterIPs();
        if (!clusterIP.isEmpty()
                && !written.isEmpty()
                && !written.get(0).asText().equals(clusterIP)) {
            problems.add(Problem.at(
                    written.get(0),
                    "spec.clusterIPs: Invalid value: first value must match" + " `clusterIP` (\"" + clusterIP + "\")"));
        } else if (clusterIP.isEmpty() && !written.isEmpty()) {
            problems.add(Problem.atKey(
                    node,
                    "clusterIPs",
                    "spec.clusterIPs: Invalid value: must be empty when" + " `clusterIP` is not specified"));
        }
        List<ScalarNode> families = spec.scalars("ipFamilies");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < families.size(); i++) {
            String f = families.get(i).asText();
            if (!FAMILIES.contains(f)) {
                problems.add(Problem.at(
                        families.get(i),
                        "spec.ipFamilies[" + i + "]: Unsupported value: \"" + f
                                + "\": supported values: \"IPv4\", \"IPv6\""
                                + Suggestions.didYouMean(f, FAMILIES)));
            }
            if (!seen.add(f)) {
                problems.add(Problem.at(families.get(i), "spec.ipFamilies[" + i + "]: Duplicate value: \"" + f + "\""));
            }
        }
        node.scalar("ipFamilyPolicy")
                .filter(s -> !s.isNull() && !FAMILY_POLICIES.contains(s.asText()))
                .ifPresent(p -> problems.add(Problem.at(
                        p,
                        "spec.ipFamilyPolicy: Unsupported value: \""
                                + p.asText() + "\": supported values: \"PreferDualStack\", \"RequireDualStack\","
                                + " \"SingleStack\"" + Suggestions.didYouMean(p.asText(), FAMILY_POLICIES))));
        // the IPs: checked on the nodes written (clusterIPs, or clusterIP when that is all there is)
        List<ScalarNode> ipNodes = !written.isEmpty()
                ? written
                : node.scalar("clusterIP")
                        .filter(s -> !s.asText().isEmpty())
                        .map(List::of)
                        .orElse(List.of());
        boolean invalid = false;
        List<Ip> parsed = new ArrayList<>();
        for (int i = 0; i < ipNodes.size(); i++) {
            String ip = ipNodes.get(i).asText();
            if (i == 0 && ip.equals("None")) {
                if (ipNodes.size() > 1) {
                    invalid = true;
                    problems.add(Problem.at(
                            ipNodes.get(0),
                            "spec.clusterIPs: Invalid value: 'None' must be the" + " first and only value"));
                }
                continue;
            }
            Optional<Ip> p = IpAddresses.parse(ip);
            if (p.isEmpty()) {
                invalid = true;
                problems.add(Problem.at(
                        ipNodes.get(i),
                        (written.isEmpty() ? "spec.clusterIP" : "spec.clusterIPs[" + i + "]")
                                + ": Invalid value: \"" + ip + "\": " + IpAddresses.INVALID_IP
                                + (i == 0 ? ", or None for a headless Service" : "")));
            } else {
                parsed.add(p.get());
            }
        }
        if (ipNodes.size() > 2) {
            invalid = true;
            problems.add(Problem.at(
                    node.get("clusterIPs").orElse(node),
                    "spec.clusterIPs: Invalid value: may" + " only hold up to 2 values"));
        }
        if (invalid) {
            return;
        }
        if (parsed.size() == 2 && parsed.get(0).isV6() == parsed.get(1).isV6()) {
            problems.add(Problem.at(
                    ipNodes.get(1),
                    "spec.clusterIPs: Invalid value: may specify no more than one" + " IP for each IP family"));
        }
        if (!spec.isHeadless()) {
            for (int i = 0; i < parsed.size() && i < families.size(); i++) {
                String family = families.get(i).asText();
                boolean v6 = parsed.get(i).isV6();
                if ((family.equals("IPv4") && v6) || (family.equals("IPv6") && !v6)) {
                    problems.add(Problem.at(
                            ipNodes.get(i),
                            "spec.clusterIPs[" + i + "]: Invalid value: \""
                                    + ipNodes.get(i).asText() + "\": expected an " + family
                                    + " value as indicated by"
                                    + " `ipFamilies[" + i + "]`"));
                }
            }
        }
    }

    void externalIPs() {
        List<ScalarNode> ips = spec.scalars("externalIPs");
        for (int i = 0; i < ips.size(); i++) {
            String path = "spec.externalIPs[" + i + "]";
            String text = ips.get(i).asText();
            Optional<Ip> ip = IpAddresses.parse(text);
            if (ip.isEmpty()) {
                problems.add(
                        Problem.at(ips.get(i), path + ": Invalid value: \"" + text + "\": " + IpAddresses.INVALID_IP));
                continue;
            }
            String special = special(ip.get());
            if (special != null) {
                problems.add(Problem.at(ips.get(i), path + ": Invalid value: \"" + text + "\": " + special));
            }
        }
    }

    /** Why an IP is special and may not be used (the API server's ValidateNonSpecialIP), or null. */
    private static String special(Ip ip) {
        if (ip.isUnspecified()) {
            return "may not be unspecified (" + (ip.isV6() ? "::" : "0.0.0.0") + ")";
        }
        if (ip.isLoopback()) {
            return "may not be in the loopback range (127.0.0.0/8, ::1/128)";
        }
        if (ip.isLinkLocalUnicast()) {
            return "may not be in the link-local range (169.254.0.0/16, fe80::/10)";
        }
        if (ip.isLinkLocalMulticast()) {
            return "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)";
        }
        return null;
    }

    void sourceRanges(String type) {
        List<ScalarNode> ranges = spec.scalars("loadBalancerSourceRanges");
        if (!ranges.isEmpty()) {
            if (!type.equals(Services.LOAD_BALANCER)) {
                problems.add(Problem.atKey(
                        node,
                        "loadBalancerSourceRanges",
                        "spec.loadBalancerSourceRanges:"
                                + " Forbidden: may only be used when `type` is 'LoadBalancer'"));
            }
            for (int i = 0; i < ranges.size(); i++) {
                String value = ranges.get(i).asText().strip();
                if (IpAddresses.parseCidr(value).isEmpty()) {
                    problems.add(Problem.at(
                            ranges.get(i),
                            "spec.loadBalancerSourceRanges[" + i + "]: Invalid" + " value: \"" + value + "\": "
                                    + IpAddresses.INVALID_CIDR));
                }
            }
            return;
        }
        String annotation = manifest.annotations().get(SOURCE_RANGES);
        if (annotation == null) {
            return;
        }
        MappingNode annotations =
                manifest.metadata().flatMap(m -> m.mapping("annotations")).orElseThrow();
        YamlNode at = annotations.get(SOURCE_RANGES).orElse(annotations);
        String path = "metadata.annotations[" + SOURCE_RANGES + "]";
        if (!type.equals(Services.LOAD_BALANCER)) {
            problems.add(Problem.at(at, path + ": Forbidden: may only be used when `type` is 'LoadBalancer'"));
        }
        if (!annotation.isBlank()) {
            for (String value : annotation.strip().split(",", -1)) {
                if (IpAddresses.parseCidr(value.strip()).isEmpty()) {
                    problems.add(Problem.at(
                            at, path + ": Invalid value: \"" + value.strip() + "\": " + IpAddresses.INVALID_CIDR));
                }
            }
        }
    }
}
