package dev.kubelint.rules.services;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.services.Services.Port;
import dev.kubelint.rules.services.Services.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Service the API server rejects on create: its validation, and the checks of the registry that allocates. */
@RuleInfo(
        id = "service-valid",
        category = "services",
        severity = Severity.ERROR,
        summary = "A Service that the API server rejects when it is created",
        kinds = {"Service"})
public final class ServiceValidRule implements Rule {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,5})\\s*[-+]\\s*(\\d{1,5})\\s*");

    public static final RuleParam<String> NODE_PORT_RANGE = RuleParam.string(
            "node-port-range",
            "30000-32767",
            "The cluster's node-port range (kube-apiserver --service-node-port-range), as FIRST-LAST.",
            ServiceValidRule::rangeProblem);

    private static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
    private static final List<String> AFFINITIES = List.of("ClientIP", "None");
    private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
    private static final String TOPOLOGY_HINTS = "service.kubernetes.io/topology-aware-hints";
    private static final String TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
    private static final long MAX_AFFINITY_SECONDS = 86400;

    static Optional<String> rangeProblem(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            return Optional.of("\"" + text + "\" is not a port range: write FIRST-LAST, for example 30000-32767, or"
                    + " FIRST+SIZE");
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (text.contains("+")
                ? first < 1 || last < 1 || first + last - 1 > 65535
                : first < 1 || last > 65535 || first > last) {
            return Optional.of("\"" + text + "\" is not a port range: the ports must be 1-65535 and FIRST <= LAST");
        }
        return Optional.empty();
    }

    /** The configured range as {first, last}; the text was checked when the configuration was read. */
    private static long[] range(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            return new long[] {30000, 32767};
        }
        String last = m.group(2);
        long first = Long.parseLong(m.group(1));
        // FIRST+SIZE is kube-apiserver's other way to write a range
        return text.contains("+")
                ? new long[] {first, first + Long.parseLong(last) - 1}
                : new long[] {first, Long.parseLong(last)};
    }

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (!Services.isService(manifest)) {
            return;
        }
        Optional<MappingNode> specNode = manifest.root().mapping("spec");
        List<Problem> problems = new ArrayList<>();
        annotations(manifest, problems);
        if (specNode.isEmpty()) {
            if (!manifest.root().has("spec")) {
                problems.add(Problem.atKey(
                        manifest.root(), "spec", "spec.ports: Required value: a Service needs at" + " least one port"));
            }
        } else {
            new Checker(
                            manifest,
                            new Spec(specNode.get()),
                            range(ctx.param(NODE_PORT_RANGE)),
                            ctx.settings().minorVersion(),
                            problems)
                    .run();
        }
        problems.forEach(p -> p.report(ctx));
    }

    private static void annotations(Manifest manifest, List<Problem> problems) {
        Map<String, String> annotations = manifest.annotations();
        String hints = annotations.get(TOPOLOGY_HINTS);
        String mode = annotations.get(TOPOLOGY_MODE);
        if (hints != null && mode != null && !hints.equals(mode)) {
            manifest.metadata()
                    .flatMap(m -> m.mapping("annotations"))
                    .ifPresent(a -> problems.add(Problem.atKey(
                            a,
                            TOPOLOGY_MODE,
                            "metadata.annotations[" + TOPOLOGY_MODE + "]: Invalid value: \"" + mode + "\": must"
                                    + " match annotations[" + TOPOLOGY_HINTS + "] when both are specified")));
        }
    }

    private static final class Checker {
        private final Manifest manifest;
        private final Spec spec;
        private final MappingNode node;
        private final long[] nodePortRange;
        private final int minor;
        private final List<Problem> problems;

        Checker(Manifest manifest, Spec spec, long[] nodePortRange, int minor, List<Problem> problems) {
            this.manifest = manifest;
            this.spec = spec;
            this.node = spec.node();
            this.nodePortRange = nodePortRange;
            this.minor = minor;
            this.problems = problems;
        }

        void run() {
            String type = spec.type();
            boolean knownType = TYPES.contains(type);
            if (!knownType) {
                node.scalar("type")
                        .ifPresent(t -> problems.add(Problem.at(
                                t,
                                "spec.type: Unsupported value: \"" + type
                                        + "\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""
                                        + Suggestions.didYouMean(type, TYPES))));
            }
            List<Port> ports = spec.ports();
            if (ports.isEmpty() && !spec.isHeadless() && !type.equals(Services.EXTERNAL_NAME)) {
                problems.add(Problem.atKey(
                        node,
                        "ports",
                        "spec.ports: Required value: a Service needs at least one"
                                + " port unless it is headless (clusterIP: None) or of type ExternalName"));
            }
            typeSpecific(type);
            new ServicePortChecks(problems).run(ports, type);
            sessionAffinity();
            ServiceAddressChecks addresses = new ServiceAddressChecks(manifest, spec, problems);
            if (!type.equals(Services.EXTERNAL_NAME)) {
                addresses.clusterIPs();
            }
            addresses.externalIPs();
            addresses.sourceRanges(type);
            loadBalancerFields(type);
            trafficPolicies(type);
            trafficDistribution();
            registry(ports, type);
        }

        private void typeSpecific(String type) {
            switch (type) {
                case Services.LOAD_BALANCER, Services.NODE_PORT -> {
                    if (spec.isHeadless()) {
                        problems.add(Problem.at(
                                clusterIPNode(),
                                "spec.clusterIPs[0]: Invalid value: \"None\": may not" + " be set to 'None' for " + type
                                        + " services"));
                    }
                }
                case Services.EXTERNAL_NAME -> {
                    if (!spec.clusterIPs().isEmpty()) {
                        problems.add(Problem.at(
                                clusterIPNode(),
                                "spec.clusterIPs: Forbidden: may not be set for" + " ExternalName services"));
                    }
                    if (!spec.strings("ipFamilies").isEmpty()) {
                        problems.add(Problem.atKey(
                                node,
                                "ipFamilies",
                                "spec.ipFamilies: Forbidden: may not be set" + " for ExternalName services"));
                    }
                    node.scalar("ipFamilyPolicy")
                            .filter(s -> !s.isNull())
                            .ifPresent(p -> problems.add(Problem.at(
                                    p, "spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services")));
                    String cname = spec.text("externalName");
                    if (cname.endsWith(".")) {
                        cname = cname.substring(0, cname.length() - 1);
                    }
                    if (cname.isEmpty()) {
                        problems.add(Problem.atKey(
                                node,
                                "externalName",
                                "spec.externalName: Required value: an"
                                        + " ExternalName Service needs the DNS name it aliases"));
                    } else {
                        List<String> bad = Names.dns1123Subdomain(cname);
                        if (!bad.isEmpty()) {
                            problems.add(Problem.at(
                                    node.get("externalName").orElseThrow(),
                                    "spec.externalName:" + " Invalid value: \"" + spec.text("externalName") + "\": "
                                            + String.join("; ", bad)));
                        }
                    }
                }
                default -> {}
            }
        }

        private YamlNode clusterIPNode() {
            return node.get("clusterIP").or(() -> node.get("clusterIPs")).orElse(node);
        }

        private void sessionAffinity() {
            String affinity = spec.sessionAffinity();
            if (!AFFINITIES.contains(affinity)) {
                problems.add(Problem.at(
                        node.scalar("sessionAffinity").orElseThrow(),
                        "spec.sessionAffinity:"
                                + " Unsupported value: \"" + affinity + "\": supported values: \"ClientIP\", \"None\""
                                + Suggestions.didYouMean(affinity, AFFINITIES)));
                return;
            }
            Optional<MappingNode> config = node.mapping("sessionAffinityConfig");
            if (affinity.equals("None")) {
                if (config.isPresent()) {
                    problems.add(Problem.atKey(
                            node,
                            "sessionAffinityConfig",
                            "spec.sessionAffinityConfig: Forbidden:"
                                    + " must not be set when session affinity is None"));
                }
                return;
            }
            config.flatMap(c -> c.mapping("clientIP"))
                    .flatMap(c -> c.scalar("timeoutSeconds"))
                    .ifPresent(t -> t.longValue()
                            .filter(s -> s <= 0 || s > MAX_AFFINITY_SECONDS)
                            .ifPresent(s -> problems.add(Problem.at(
                                    t,
                                    "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: " + s
                                            + ": must be greater than 0 and less than " + MAX_AFFINITY_SECONDS))));
        }

        private void loadBalancerFields(String type) {
            boolean lb = type.equals(Services.LOAD_BALANCER);
            node.scalar("allocateLoadBalancerNodePorts")
                    .filter(s -> !s.isNull() && !lb)
                    .ifPresent(s -> problems.add(Problem.at(
                            s,
                            "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is"
                                    + " 'LoadBalancer'")));
            node.scalar("loadBalancerClass").filter(s -> !s.isNull()).ifPresent(c -> {
                if (!lb) {
                    problems.add(Problem.at(
                            c,
                            "spec.loadBalancerClass: Forbidden: may only be used when `type` is" + " 'LoadBalancer'"));
                } else {
                    List<String> bad = Names.qualifiedName(c.asText());
                    if (!bad.isEmpty()) {
                        problems.add(Problem.at(
                                c,
                                "spec.loadBalancerClass: Invalid value: \"" + c.asText() + "\": "
                                        + String.join("; ", bad)));
                    }
                }
            });
        }

        private void trafficPolicies(String type) {
            Optional<ScalarNode> etp =
                    node.scalar("externalTrafficPolicy").filter(s -> !s.asText().isEmpty());
            if (!spec.isExternallyAccessible()) {
                etp.ifPresent(e -> problems.add(Problem.at(
                        e,
                        "spec.externalTrafficPolicy: Invalid value: \""
                                + e.asText() + "\": may only be set for externally-accessible services (NodePort,"
                                + " LoadBalancer, or ClusterIP with externalIPs)")));
            } else {
                etp.filter(e -> !TRAFFIC_POLICIES.contains(e.asText()))
                        .ifPresent(e -> problems.add(Problem.at(
                                e,
                                "spec.externalTrafficPolicy: Unsupported value: \"" + e.asText()
                                        + "\": supported values:" + " \"Cluster\", \"Local\""
                                        + Suggestions.didYouMean(e.asText(), TRAFFIC_POLICIES))));
            }
            boolean needsHealthCheck = type.equals(Services.LOAD_BALANCER)
                    && etp.map(ScalarNode::asText).orElse("").equals("Local");
            node.scalar("healthCheckNodePort")
                    .filter(s -> s.longValue().orElse(0L) != 0)
                    .ifPresent(h -> {
                        long port = h.longValue().orElseThrow();
                        if (!needsHealthCheck) {
                            problems.add(Problem.at(
                                    h,
                                    "spec.healthCheckNodePort: Invalid value: " + port + ": may only be set"
                                            + " when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
                        } else if (!Names.isValidPortNumber(port)) {
                            problems.add(Problem.at(
                                    h,
                                    "spec.healthCheckNodePort: Invalid value: " + port + ": must be between"
                                            + " 1 and 65535, inclusive"));
                        } else if (port < nodePortRange[0] || port > nodePortRange[1]) {
                            problems.add(Problem.at(
                                    h,
                                    "spec.healthCheckNodePort: Invalid value: " + port + ": provided port"
                                            + " is not in the valid range. The range of valid ports is "
                                            + nodePortRange[0] + "-"
                                            + nodePortRange[1]));
                        }
                    });
            node.scalar("internalTrafficPolicy")
                    .filter(s -> !s.asText().isEmpty() && !TRAFFIC_POLICIES.contains(s.asText()))
                    .ifPresent(i -> problems.add(Problem.at(
                            i,
                            "spec.internalTrafficPolicy: Unsupported value: \"" + i.asText() + "\": supported values:"
                                    + " \"Cluster\", \"Local\""
                                    + Suggestions.didYouMean(i.asText(), TRAFFIC_POLICIES))));
        }

        private void trafficDistribution() {
            List<String> allowed =
                    minor >= 34 ? List.of("PreferClose", "PreferSameNode", "PreferSameZone") : List.of("PreferClose");
            node.scalar("trafficDistribution")
                    .filter(s -> !s.isNull() && !allowed.contains(s.asText()))
                    .ifPresent(t -> problems.add(Problem.at(
                            t,
                            "spec.trafficDistribution: Unsupported value: \""
                                    + t.asText() + "\": supported values: \"" + String.join("\", \"", allowed) + "\""
                                    + Suggestions.didYouMean(t.asText(), allowed))));
        }

        /** What the Service registry rejects while allocating. */
        private void registry(List<Port> ports, String type) {
            if (type.equals(Services.NODE_PORT) || type.equals(Services.LOAD_BALANCER)) {
                for (Port port : ports) {
                    long np = port.nodePort();
                    if (np != 0 && (np < nodePortRange[0] || np > nodePortRange[1])) {
                        problems.add(Problem.at(
                                port.node().get("nodePort").orElseThrow(),
                                port.path() + ".nodePort:"
                                        + " Invalid value: " + np
                                        + ": provided port is not in the valid range. The range of"
                                        + " valid ports is " + nodePortRange[0] + "-" + nodePortRange[1]));
                    }
                }
            }
            if (type.equals(Services.EXTERNAL_NAME)) {
                return;
            }
            node.scalar("ipFamilyPolicy")
                    .filter(p -> p.asText().equals("SingleStack"))
                    .ifPresent(p -> {
                        if (spec.clusterIPs().size() == 2) {
                            problems.add(
                                    Problem.at(
                                            p,
                                            "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be"
                                                    + " RequireDualStack or PreferDualStack when multiple 'clusterIPs' are specified"));
                        }
                        if (spec.strings("ipFamilies").size() == 2) {
                            problems.add(
                                    Problem.at(
                                            p,
                                            "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be"
                                                    + " RequireDualStack or PreferDualStack when multiple 'ipFamilies' are specified"));
                        }
                    });
        }
    }
}
