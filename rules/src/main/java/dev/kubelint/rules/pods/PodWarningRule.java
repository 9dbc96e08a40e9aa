package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.ports.Ports;
import dev.kubelint.rules.ports.Ports.Port;
import dev.kubelint.rules.support.Nodes;
import dev.kubelint.rules.support.PodSpecRule;
import dev.kubelint.rules.support.QuantityValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the API server accepts in a pod or pod template but answers with a warning. */
@RuleInfo(
        id = "pod-warning",
        category = "workloads",
        severity = Severity.WARNING,
        summary = "A pod or pod template that the API server accepts with a warning",
        kindGroups = KindGroup.POD_SPECS)
public final class PodWarningRule implements PodSpecRule {

    private static final Map<String, String> DEPRECATED_NODE_LABELS = Map.of(
            "beta.kubernetes.io/arch", "deprecated since v1.14; use \"kubernetes.io/arch\" instead",
            "beta.kubernetes.io/os", "deprecated since v1.14; use \"kubernetes.io/os\" instead",
            "failure-domain.beta.kubernetes.io/region",
                    "deprecated since v1.17; use \"topology.kubernetes.io/region\"" + " instead",
            "failure-domain.beta.kubernetes.io/zone",
                    "deprecated since v1.17; use \"topology.kubernetes.io/zone\"" + " instead",
            "beta.kubernetes.io/instance-type",
                    "deprecated since v1.17; use \"node.kubernetes.io/instance-type\"" + " instead");

    private static final Map<String, String> DEPRECATED_ANNOTATIONS = Map.of(
            "scheduler.alpha.kubernetes.io/critical-pod",
                    "non-functional in v1.16+; use the \"priorityClassName\"" + " field instead",
            "security.alpha.kubernetes.io/sysctls", "non-functional in v1.11+; use the \"sysctls\" field instead",
            "security.alpha.kubernetes.io/unsafe-sysctls",
                    "non-functional in v1.11+; use the \"sysctls\" field" + " instead");

    private static final Map<String, String> DEPRECATED_VOLUMES = Map.of(
            "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+",
            "gitRepo", "deprecated in v1.11",
            "scaleIO", "deprecated in v1.16, non-functional in v1.22+",
            "flocker", "deprecated in v1.22, non-functional in v1.25+",
            "storageos", "deprecated in v1.22, non-functional in v1.25+",
            "quobyte", "deprecated in v1.22, non-functional in v1.25+",
            "glusterfs", "deprecated in v1.25, non-functional in v1.26+",
            "cephfs", "deprecated in v1.28, non-functional in v1.31+",
            "rbd", "deprecated in v1.28, non-functional in v1.31+");

    private static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
    private static final String SECCOMP_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
    private static final String APPARMOR_CONTAINER = "container.apparmor.security.beta.kubernetes.io/";

    @Override
    public void checkPod(PodSpec pod, RuleContext ctx) {
        MappingNode spec = pod.spec();
        List<Problem> problems = new ArrayList<>();
        nodeLabels(spec, problems);
        nullSelectors(spec, problems);
        annotations(pod, problems);
        volumes(spec, problems);
        duplicates(spec, "hostAliases", "ip", problems);
        duplicates(spec, "imagePullSecrets", "name", problems);
        spec.mapping("overhead").ifPresent(o -> fractionalBytes(o, "spec.overhead", problems));
        for (Container c : pod.containers()) {
            c.node().mapping("resources").ifPresent(r -> {
                r.mapping("limits").ifPresent(l -> fractionalBytes(l, c.describe() + " resources.limits", problems));
                r.mapping("requests")
                        .ifPresent(l -> fractionalBytes(l, c.describe() + " resources.requests", problems));
            });
            env(c, problems);
        }
        ports(pod, problems);
        problems.forEach(p -> p.report(ctx));
    }

    private static void nodeLabels(MappingNode spec, List<Problem> problems) {
        spec.mapping("nodeSelector")
                .ifPresent(selector -> selector.entries().forEach(e -> {
                    String msg = DEPRECATED_NODE_LABELS.get(e.key());
                    if (msg != null) {
                        problems.add(Problem.atKey(selector, e.key(), "nodeSelector[" + e.key() + "]: " + msg));
                    }
                }));
        List<YamlNode> keys = new ArrayList<>();
        keys.addAll(Nodes.find(
                spec,
                "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution"
                        + "/nodeSelectorTerms/*/matchExpressions/*/key"));
        keys.addAll(Nodes.find(
                spec,
                "/affinity/nodeAffinity/preferredDuringSchedulingIgnoredDuringExecution/*"
                        + "/preference/matchExpressions/*/key"));
        keys.addAll(Nodes.find(spec, "/topologySpreadConstraints/*/topologyKey"));
        for (YamlNode key : keys) {
            if (key instanceof ScalarNode s && DEPRECATED_NODE_LABELS.containsKey(s.asText())) {
                problems.add(Problem.at(s, s.asText() + " is " + DEPRECATED_NODE_LABELS.get(s.asText())));
            }
        }
    }

    private static void nullSelectors(MappingNode spec, List<Problem> problems) {
        List<MappingNode> terms = new ArrayList<>(Nodes.mappings(spec, "/topologySpreadConstraints/*"));
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            terms.addAll(
                    Nodes.mappings(spec, "/affinity/" + kind + "/requiredDuringSchedulingIgnoredDuringExecution/*"));
            terms.addAll(Nodes.mappings(
                    spec,
                    "/affinity/" + kind + "/preferredDuringSchedulingIgnoredDuringExecution/*" + "/podAffinityTerm"));
        }
        for (MappingNode term : terms) {
            boolean hasSelector = term.get("labelSelector")
                    .map(n -> !(n instanceof ScalarNode s && s.isNull()))
                    .orElse(false);
            if (!hasSelector) {
                problems.add(Problem.atKey(
                        term, "labelSelector", "labelSelector: a null labelSelector results in" + " matching no pod"));
            }
        }
    }

    private static void annotations(PodSpec pod, List<Problem> problems) {
        Optional<MappingNode> annotations = pod.podMetadata().flatMap(m -> m.mapping("annotations"));
        if (annotations.isEmpty()) {
            return;
        }
        MappingNode a = annotations.get();
        DEPRECATED_ANNOTATIONS.forEach((key, msg) -> {
            if (a.has(key)) {
                problems.add(Problem.atKey(a, key, "metadata.annotations[" + key + "]: " + msg));
            }
        });
        boolean podSeccomp = pod.spec()
                .mapping("securityContext")
                .map(s -> s.has("seccompProfile"))
                .orElse(false);
        boolean podAppArmor = pod.spec()
                .mapping("securityContext")
                .map(s -> s.has("appArmorProfile"))
                .orElse(false);
        if (!podSeccomp && a.has(SECCOMP_POD)) {
            problems.add(Problem.atKey(
                    a,
                    SECCOMP_POD,
                    "metadata.annotations[" + SECCOMP_POD + "]: non-functional in"
                            + " v1.27+; use the \"seccompProfile\" field instead"));
        }
        for (Container c : pod.containers()) {
            Optional<MappingNode> sc = c.node().mapping("securityContext");
            String seccomp = SECCOMP_CONTAINER + c.name();
            if (a.has(seccomp) && !sc.map(s -> s.has("seccompProfile")).orElse(false)) {
                problems.add(Problem.atKey(
                        a,
                        seccomp,
                        "metadata.annotations[" + seccomp + "]: non-functional in"
                                + " v1.27+; use the \"seccompProfile\" field instead"));
            }
            String apparmor = APPARMOR_CONTAINER + c.name();
            if (pod.isTemplate()
                    && a.has(apparmor)
                    && !podAppArmor
                    && !sc.map(s -> s.has("appArmorProfile")).orElse(false)) {
                problems.add(Problem.atKey(
                        a,
                        apparmor,
                        "metadata.annotations[" + apparmor + "]: deprecated since"
                                + " v1.30; use the \"appArmorProfile\" field instead"));
            }
        }
    }

    private static void volumes(MappingNode spec, List<Problem> problems) {
        for (MappingNode volume :
                spec.sequence("volumes").map(SequenceNode::mappings).orElse(List.of())) {
            DEPRECATED_VOLUMES.forEach((plugin, msg) -> {
                if (volume.mapping(plugin).isPresent()) {
                    problems.add(Problem.atKey(volume, plugin, plugin + ": " + msg));
                }
            });
            volume.mapping("emptyDir")
                    .flatMap(e -> e.scalar("sizeLimit"))
                    .filter(q -> fractional(q.asText()))
                    .ifPresent(q -> problems.add(Problem.at(
                            q,
                            "emptyDir.sizeLimit: fractional byte value \"" + q.asText() + "\" is invalid, must be an"
                                    + " integer")));
        }
    }

    private static void duplicates(MappingNode spec, String list, String key, List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        for (MappingNode item : spec.sequence(list).map(SequenceNode::mappings).orElse(List.of())) {
            String value = item.scalar(key).map(ScalarNode::asText).orElse("");
            if (list.equals("imagePullSecrets") && value.isEmpty()) {
                problems.add(Problem.atKey(item, key, list + ": invalid empty name \"\""));
                continue;
            }
            if (!seen.add(value)) {
                problems.add(Problem.atKey(item, key, list + ": duplicate " + key + " \"" + value + "\""));
            }
        }
    }

    private static void fractionalBytes(MappingNode resources, String where, List<Problem> problems) {
        for (String resource : List.of("memory", "ephemeral-storage")) {
            resources
                    .scalar(resource)
                    .filter(q -> fractional(q.asText()))
                    .ifPresent(q -> problems.add(Problem.at(
                            q,
                            where + "[" + resource + "]: fractional byte value \"" + q.asText()
                                    + "\" is invalid, must be an" + " integer")));
        }
    }

    /** Whether a quantity, rounded up to thousandths as the API server does, is not a whole number. */
    static boolean fractional(String quantity) {
        Optional<BigDecimal> value = QuantityValues.parse(quantity);
        return value.isPresent()
                && value.get()
                                .movePointRight(3)
                                .setScale(0, RoundingMode.CEILING)
                                .remainder(BigDecimal.valueOf(1000))
                                .signum()
                        != 0;
    }

    private static void env(Container c, List<Problem> problems) {
        Map<String, MappingNode> seen = new HashMap<>();
        for (MappingNode item :
                c.node().sequence("env").map(SequenceNode::mappings).orElse(List.of())) {
            String name = item.scalar("name").map(ScalarNode::asText).orElse("");
            if (seen.putIfAbsent(name, item) == null) {
                continue;
            }
            String ref = "$(" + name + ")";
            String value = item.scalar("value").map(ScalarNode::asText).orElse("");
            boolean bad = item.has("valueFrom") || value.equals(ref) || !value.contains(ref);
            if (bad) {
                problems.add(Problem.atKey(
                        item,
                        "name",
                        c.describe() + " env: hides previous definition of \"" + name
                                + "\", which may be dropped when using apply"));
            }
        }
    }

    /** hostIP without hostPort, and ports of containers that overlap on the host or are ambiguous there. */
    private static void ports(PodSpec pod, List<Problem> problems) {
        Map<String, List<Port>> byKey = new HashMap<>();
        for (Container c : pod.containers()) {
            for (Port port : Ports.of(c)) {
                if (!port.hostIP().isEmpty() && port.hostPortNumber() == 0) {
                    problems.add(Problem.at(
                            port.node().get("hostIP").orElseThrow(),
                            c.describe() + ": hostIP set" + " without hostPort"));
                }
                if (port.containerPortNumber().isEmpty()) {
                    continue;
                }
                String key = port.containerPortNumber().get() + "/" + port.protocol();
                for (Port other : byKey.getOrDefault(key, List.of())) {
                    boolean sameHost =
                            port.hostIP().equals(other.hostIP()) && port.hostPortNumber() == other.hostPortNumber();
                    if (sameHost) {
                        continue; // exact duplicates: container-port-conflict and host-port-conflict
                    }
                    if (port.hostPortNumber() == 0 || other.hostPortNumber() == 0) {
                        problems.add(Problem.at(
                                port.anchor(),
                                "containerPort " + key + ": overlapping port" + " definition with "
                                        + other.container().describe()));
                    } else if (port.hostPortNumber() == other.hostPortNumber()
                            && port.hostIP().isEmpty() != other.hostIP().isEmpty()) {
                        problems.add(Problem.at(
                                port.anchor(),
                                "containerPort " + key + ": dangerously ambiguous port" + " definition with "
                                        + other.container().describe()));
                    }
                }
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(port);
            }
        }
    }
}
