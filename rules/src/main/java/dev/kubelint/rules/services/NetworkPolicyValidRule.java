package dev.kubelint.rules.services;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.IpAddresses;
import dev.kubelint.rules.support.IpAddresses.Cidr;
import dev.kubelint.rules.support.SpecProblemsShell;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A NetworkPolicy the API server rejects: its ports, peers, IP blocks and policy types. */
@RuleInfo(
        id = "network-policy-valid",
        category = "networking",
        severity = Severity.ERROR,
        summary = "A NetworkPolicy's ports, peers, IP blocks or policy types are invalid",
        kinds = {"NetworkPolicy"})
public final class NetworkPolicyValidRule extends SpecProblemsShell {

    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> POLICY_TYPES = List.of("Egress", "Ingress");

    public NetworkPolicyValidRule() {
        super("networking.k8s.io", "NetworkPolicy");
    }

    @Override
    protected void listProblems(Manifest manifest, MappingNode spec, RuleContext ctx, List<Problem> problems) {
        rules(spec, "ingress", "from", problems);
        rules(spec, "egress", "to", problems);
        spec.sequence("policyTypes").ifPresent(types -> policyTypes(types, problems));
    }

    private static void rules(MappingNode spec, String direction, String peersKey, List<Problem> problems) {
        Optional<SequenceNode> rules = spec.sequence(direction);
        if (rules.isEmpty()) {
            return;
        }
        int i = 0;
        for (YamlNode item : rules.get().items()) {
            String path = "spec." + direction + "[" + i++ + "]";
            if (!(item instanceof MappingNode rule)) {
                continue;
            }
            rule.sequence("ports").ifPresent(ports -> {
                int j = 0;
                for (YamlNode p : ports.items()) {
                    if (p instanceof MappingNode port) {
                        port(port, path + ".ports[" + j + "]", problems);
                    }
                    j++;
                }
            });
            rule.sequence(peersKey).ifPresent(peers -> {
                int j = 0;
                for (YamlNode p : peers.items()) {
                    if (p instanceof MappingNode peer) {
                        peer(peer, path + "." + peersKey + "[" + j + "]", problems);
                    }
                    j++;
                }
            });
        }
    }

    private static void port(MappingNode port, String path, List<Problem> problems) {
        port.scalar("protocol")
                .filter(p -> !p.isNull() && !PROTOCOLS.contains(p.asText()))
                .ifPresent(p -> {
                    String upper = p.asText().toUpperCase(Locale.ROOT);
                    problems.add(Problem.at(
                            p,
                            path + ".protocol: Unsupported value: \"" + p.asText() + "\": supported"
                                    + " values: \"SCTP\", \"TCP\", \"UDP\""
                                    + (PROTOCOLS.contains(upper)
                                            ? " (protocols are case-sensitive: write " + upper + ")"
                                            : "")));
                });
        Optional<ScalarNode> number = port.scalar("port").filter(s -> !s.isNull());
        Optional<ScalarNode> end = port.scalar("endPort").filter(s -> !s.isNull());
        if (number.isEmpty()) {
            end.ifPresent(e -> problems.add(Problem.atKey(
                    port, "port", path + ".port: Required value: must be" + " specified when `endPort` is specified")));
            return;
        }
        ScalarNode p = number.get();
        if (p.isString()) {
            List<String> bad = Names.ianaServiceName(p.asText());
            if (!bad.isEmpty()) {
                problems.add(Problem.at(
                        p, path + ".port: Invalid value: \"" + p.asText() + "\": " + String.join("; ", bad)));
            }
            end.ifPresent(e -> problems.add(Problem.at(
                    e,
                    path + ".endPort: Invalid value: " + e.asText() + ": may"
                            + " not be specified when `port` is non-numeric")));
            return;
        }
        Optional<Long> value = p.longValue();
        value.filter(v -> !Names.isValidPortNumber(v))
                .ifPresent(v -> problems.add(Problem.at(
                        p, path + ".port:" + " Invalid value: " + v + ": must be between 1 and 65535, inclusive")));
        end.ifPresent(e -> e.longValue().ifPresent(ev -> {
            if (value.isPresent() && ev < value.get()) {
                problems.add(Problem.at(
                        e,
                        path + ".endPort: Invalid value: " + ev + ": must be greater than or" + " equal to `port` ("
                                + value.get() + ")"));
            } else if (!Names.isValidPortNumber(ev)) {
                problems.add(Problem.at(
                        e, path + ".endPort: Invalid value: " + ev + ": must be between 1 and" + " 65535, inclusive"));
            }
        }));
    }

    private static void peer(MappingNode peer, String path, List<Problem> problems) {
        boolean pods = peer.mapping("podSelector").isPresent();
        boolean namespaces = peer.mapping("namespaceSelector").isPresent();
        Optional<MappingNode> ipBlock = peer.mapping("ipBlock");
        if (!pods && !namespaces && ipBlock.isEmpty()) {
            problems.add(Problem.at(
                    peer,
                    path + ": Required value: must specify a peer (podSelector," + " namespaceSelector or ipBlock)"));
            return;
        }
        if (ipBlock.isPresent() && (pods || namespaces)) {
            problems.add(Problem.atKey(
                    peer, "ipBlock", path + ": Forbidden: may not specify both ipBlock and another" + " peer"));
        }
        ipBlock.ifPresent(block -> ipBlock(block, path + ".ipBlock", problems));
    }

    private static void ipBlock(MappingNode block, String path, List<Problem> problems) {
        Optional<ScalarNode> cidrNode =
                block.scalar("cidr").filter(s -> !s.asText().isEmpty());
        Optional<Cidr> cidr = Optional.empty();
        if (cidrNode.isEmpty() && block.has("cidr")) {
            problems.add(Problem.atKey(block, "cidr", path + ".cidr: Required value"));
        } else if (cidrNode.isPresent()) {
            cidr = IpAddresses.parseCidr(cidrNode.get().asText());
            if (cidr.isEmpty()) {
                problems.add(Problem.at(
                        cidrNode.get(),
                        path + ".cidr: Invalid value: \"" + cidrNode.get().asText() + "\": "
                                + IpAddresses.INVALID_CIDR));
            }
        }
        Optional<SequenceNode> except = block.sequence("except");
        if (except.isEmpty()) {
            return;
        }
        int i = 0;
        for (YamlNode item : except.get().items()) {
            String itemPath = path + ".except[" + i++ + "]";
            if (!(item instanceof ScalarNode s) || s.isNull()) {
                continue;
            }
            Optional<Cidr> ex = IpAddresses.parseCidr(s.asText());
            if (ex.isEmpty()) {
                problems.add(Problem.at(
                        s, itemPath + ": Invalid value: \"" + s.asText() + "\": " + IpAddresses.INVALID_CIDR));
            } else if (cidr.isPresent() && !strictSubset(ex.get(), cidr.get())) {
                problems.add(Problem.at(
                        s,
                        itemPath + ": Invalid value: \"" + s.asText() + "\": must be a strict" + " subset of `cidr` ("
                                + cidr.get().network() + ")"));
            }
        }
    }

    /** Whether {@code inner}'s network lies inside {@code outer} and has a longer prefix. */
    private static boolean strictSubset(Cidr inner, Cidr outer) {
        byte[] a = inner.ip().bytes();
        byte[] b = outer.ip().bytes();
        if (a.length != b.length || inner.prefix() <= outer.prefix()) {
            return false;
        }
        for (int bit = 0; bit < outer.prefix(); bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static void policyTypes(SequenceNode types, List<Problem> problems) {
        int i = 0;
        for (YamlNode item : types.items()) {
            if (item instanceof ScalarNode s && !POLICY_TYPES.contains(s.asText())) {
                problems.add(Problem.at(
                        s,
                        "spec.policyTypes[" + i + "]: Unsupported value: \"" + s.asText()
                                + "\": supported values: \"Egress\", \"Ingress\""
                                + Suggestions.didYouMean(s.asText(), POLICY_TYPES)));
            }
            i++;
        }
        if (types.size() > 2) {
            problems.add(Problem.at(
                    types, "spec.policyTypes: Invalid value: may not specify more than two" + " policyTypes"));
        }
    }
}
