package dev.kubelint.rules.workloads;

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
import dev.kubelint.rules.support.SpecProblemsShell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A HorizontalPodAutoscaler the API server rejects. */
@RuleInfo(
        id = "horizontal-pod-autoscaler-valid",
        category = "workloads",
        severity = Severity.ERROR,
        summary = "A HorizontalPodAutoscaler's replica bounds, scale target, metrics or behavior are invalid",
        kinds = {"HorizontalPodAutoscaler"})
public final class HorizontalPodAutoscalerValidRule extends SpecProblemsShell {

    private static final List<String> METRIC_TYPES =
            List.of("ContainerResource", "External", "Object", "Pods", "Resource");
    /** The source field each metric type fills in. */
    private static final Map<String, String> SOURCE = Map.of(
            "Object",
            "object",
            "Pods",
            "pods",
            "Resource",
            "resource",
            "External",
            "external",
            "ContainerResource",
            "containerResource");

    private static final List<String> TARGET_TYPES = List.of("AverageValue", "Utilization", "Value");
    private static final List<String> SELECT_POLICIES = List.of("Disabled", "Max", "Min");
    private static final List<String> POLICY_TYPES = List.of("Percent", "Pods");

    public HorizontalPodAutoscalerValidRule() {
        super("autoscaling", "HorizontalPodAutoscaler");
    }

    @Override
    protected void listProblems(Manifest manifest, MappingNode s, RuleContext ctx, List<Problem> problems) {
        Optional<ScalarNode> min =
                s.scalar("minReplicas").filter(n -> n.longValue().isPresent());
        Optional<ScalarNode> max =
                s.scalar("maxReplicas").filter(n -> n.longValue().isPresent());
        min.filter(n -> n.longValue().get() < 1)
                .ifPresent(n -> problems.add(Problem.at(
                        n,
                        "spec.minReplicas: Invalid" + " value: " + n.asText()
                                + ": must be greater than or equal to 1")));
        max.ifPresent(n -> {
            long value = n.longValue().get();
            if (value < 1) {
                problems.add(Problem.at(n, "spec.maxReplicas: Invalid value: " + value + ": must be greater than 0"));
            } else if (min.isPresent() && value < min.get().longValue().get()) {
                problems.add(Problem.at(
                        n,
                        "spec.maxReplicas: Invalid value: " + value + ": must be greater than or"
                                + " equal to `minReplicas` (" + min.get().asText() + ")"));
            }
        });
        int before = problems.size();
        s.mapping("scaleTargetRef").ifPresent(ref -> reference(ref, "spec.scaleTargetRef", problems));
        if (problems.size() == before) {
            // the API server checks metrics only when the target is valid, and behavior only when both are
            if (manifest.apiVersion().equals("autoscaling/v1")) {
                s.scalar("targetCPUUtilizationPercentage")
                        .filter(n -> n.longValue().map(v -> v < 1).orElse(false))
                        .ifPresent(n -> problems.add(Problem.at(
                                n,
                                "spec.targetCPUUtilizationPercentage: Invalid" + " value: " + n.asText()
                                        + ": must be greater than 0")));
            } else {
                s.sequence("metrics").ifPresent(metrics -> metrics(metrics, problems));
                if (problems.size() == before) {
                    s.mapping("behavior").ifPresent(b -> behavior(b, problems));
                }
            }
        }
    }

    /** A CrossVersionObjectReference: kind and name required, each a valid path segment. */
    private static void reference(MappingNode ref, String path, List<Problem> problems) {
        for (String key : List.of("kind", "name")) {
            Optional<ScalarNode> value = ref.scalar(key).filter(v -> !v.asText().isEmpty());
            if (!ref.has(key)) {
                continue; // a missing required field is schema-conformance's finding
            }
            if (value.isEmpty()) {
                problems.add(Problem.atKey(ref, key, path + "." + key + ": Required value"));
                continue;
            }
            String text = value.get().asText();
            String why = text.equals(".") || text.equals("..")
                    ? "may not be '" + text + "'"
                    : text.contains("/") ? "may not contain '/'" : text.contains("%") ? "may not contain '%'" : null;
            if (why != null) {
                problems.add(Problem.at(value.get(), path + "." + key + ": Invalid value: \"" + text + "\": " + why));
            }
        }
    }

    private static void metrics(SequenceNode metrics, List<Problem> problems) {
        int i = 0;
        for (YamlNode item : metrics.items()) {
            String path = "spec.metrics[" + i++ + "]";
            if (item instanceof MappingNode metric) {
                metric(metric, path, problems);
            }
        }
    }

    private static void metric(MappingNode metric, String path, List<Problem> problems) {
        String type = metric.scalar("type").map(ScalarNode::asText).orElse("");
        if (type.isEmpty()) {
            problems.add(Problem.atKey(
                    metric, "type", path + ".type: Required value: must specify a metric source" + " type"));
        } else if (!METRIC_TYPES.contains(type)) {
            problems.add(Problem.at(
                    metric.scalar("type").orElseThrow(),
                    path + ".type: Unsupported value: \"" + type
                            + "\": supported values: \"ContainerResource\", \"External\", \"Object\", \"Pods\", \"Resource\""
                            + Suggestions.didYouMean(type, METRIC_TYPES)));
        }
        String expected = SOURCE.get(type);
        List<String> present = new ArrayList<>();
        for (String source : List.of("object", "pods", "resource", "external", "containerResource")) {
            if (metric.mapping(source).isPresent()) {
                present.add(source);
            }
        }
        if (expected != null && !present.contains(expected)) {
            problems.add(Problem.atKey(
                    metric,
                    expected,
                    path + "." + expected + ": Required value: must populate"
                            + " information for the given metric source"));
        }
        if (present.size() > 1 || (expected != null && present.size() == 1 && !present.contains(expected))) {
            for (String other : present) {
                if (!other.equals(expected)) {
                    problems.add(Problem.atKey(
                            metric,
                            other,
                            path + "." + other + ": Forbidden: must populate the" + " given metric source only"));
                }
            }
        }
        if (expected != null) {
            metric.mapping(expected).ifPresent(source -> source(type, source, path + "." + expected, problems));
        }
    }

    private static void source(String type, MappingNode source, String path, List<Problem> problems) {
        Optional<MappingNode> target = source.mapping("target");
        switch (type) {
            case "Resource", "ContainerResource" -> {
                if (source.scalar("name").map(ScalarNode::asText).orElse("").isEmpty()) {
                    problems.add(Problem.atKey(
                            source, "name", path + ".name: Required value: must specify a" + " resource name"));
                }
                if (type.equals("ContainerResource")) {
                    Optional<ScalarNode> container =
                            source.scalar("container").filter(c -> !c.asText().isEmpty());
                    if (container.isEmpty()) {
                        problems.add(Problem.atKey(
                                source,
                                "container",
                                path + ".container: Required value: must" + " specify a container"));
                    } else {
                        List<String> bad = Names.dns1123Label(container.get().asText());
                        if (!bad.isEmpty()) {
                            problems.add(Problem.at(
                                    container.get(),
                                    path + ".container: Invalid value: \""
                                            + container.get().asText() + "\": " + String.join("; ", bad)));
                        }
                    }
                }
                target.ifPresent(t -> {
                    boolean utilization = t.has("averageUtilization");
                    boolean average = t.has("averageValue");
                    if (!utilization && !average) {
                        problems.add(Problem.at(
                                t,
                                path + ".target.averageUtilization: Required value: must set"
                                        + " either a target raw value or a target utilization"));
                    } else if (utilization && average) {
                        problems.add(Problem.atKey(
                                t,
                                "averageValue",
                                path + ".target.averageValue: Forbidden: may"
                                        + " not set both a target raw value and a target utilization"));
                    }
                });
            }
            case "Pods" -> {
                metricIdentifier(source, path, problems);
                target.filter(t -> !t.has("averageValue"))
                        .ifPresent(
                                t -> problems.add(
                                        Problem.at(
                                                t,
                                                path
                                                        + ".target.averageValue: Required value: must specify a positive target averageValue")));
            }
            case "Object" -> {
                Optional<MappingNode> described = source.mapping("describedObject");
                if (described.isEmpty()) {
                    problems.add(Problem.atKey(
                            source, "describedObject", path + ".describedObject.kind: Required" + " value"));
                } else {
                    reference(described.get(), path + ".describedObject", problems);
                }
                metricIdentifier(source, path, problems);
                target.filter(t -> !t.has("value") && !t.has("averageValue"))
                        .ifPresent(t -> problems.add(Problem.at(
                                t,
                                path + ".target.averageValue: Required value: must set either a target value or"
                                        + " averageValue")));
            }
            case "External" -> {
                metricIdentifier(source, path, problems);
                target.ifPresent(t -> {
                    if (!t.has("value") && !t.has("averageValue")) {
                        problems.add(Problem.at(
                                t,
                                path + ".target.averageValue: Required value: must set either a"
                                        + " target value for metric or a per-pod target"));
                    } else if (t.has("value") && t.has("averageValue")) {
                        problems.add(Problem.atKey(
                                t,
                                "value",
                                path + ".target.value: Forbidden: may not set both a"
                                        + " target value for metric and a per-pod target"));
                    }
                });
            }
            default -> {}
        }
        if (target.isEmpty()) {
            problems.add(Problem.atKey(
                    source, "target", path + ".target.type: Required value: must specify a metric" + " target type"));
        } else {
            target(target.get(), path + ".target", problems);
        }
    }

    private static void metricIdentifier(MappingNode source, String path, List<Problem> problems) {
        Optional<MappingNode> metric = source.mapping("metric");
        if (!source.has("metric")) {
            return; // a missing required field is schema-conformance's finding
        }
        if (metric.isEmpty()
                || metric.get()
                        .scalar("name")
                        .map(ScalarNode::asText)
                        .orElse("")
                        .isEmpty()) {
            problems.add(
                    metric.isPresent()
                            ? Problem.atKey(
                                    metric.get(),
                                    "name",
                                    path + ".metric.name: Required" + " value: must specify a metric name")
                            : Problem.atKey(
                                    source,
                                    "metric",
                                    path + ".metric.name: Required value: must specify a metric name"));
        }
    }

    private static void target(MappingNode target, String path, List<Problem> problems) {
        Optional<ScalarNode> type =
                target.scalar("type").filter(t -> !t.asText().isEmpty());
        if (type.isEmpty()) {
            problems.add(Problem.atKey(
                    target, "type", path + ".type: Required value: must specify a metric target" + " type"));
        } else if (!TARGET_TYPES.contains(type.get().asText())) {
            problems.add(Problem.at(
                    type.get(),
                    path + ".type: Invalid value: \"" + type.get().asText() + "\": must"
                            + " be either Utilization, Value, or AverageValue"
                            + Suggestions.didYouMean(type.get().asText(), TARGET_TYPES)));
        }
        for (String key : List.of("value", "averageValue")) {
            target.scalar(key)
                    .filter(v -> !v.isNull() && !positive(v.asText()))
                    .ifPresent(v -> problems.add(Problem.at(
                            v, path + "." + key + ": Invalid value: \"" + v.asText() + "\": must be positive")));
        }
        target.scalar("averageUtilization")
                .filter(v -> v.longValue().map(u -> u < 1).orElse(false))
                .ifPresent(v -> problems.add(Problem.at(
                        v, path + ".averageUtilization: Invalid value: " + v.asText() + ": must be greater than 0")));
    }

    /** Whether a quantity is above zero: no minus sign and a non-zero digit before any suffix or exponent. */
    static boolean positive(String quantity) {
        String q = quantity.strip();
        if (q.startsWith("-")) {
            return false;
        }
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c >= '1' && c <= '9') {
                return true;
            }
            if (c != '0' && c != '.' && c != '+') {
                return false;
            }
        }
        return false;
    }

    private static void behavior(MappingNode behavior, List<Problem> problems) {
        for (String direction : List.of("scaleUp", "scaleDown")) {
            behavior.mapping(direction).ifPresent(rules -> rules(rules, "spec.behavior." + direction, problems));
        }
    }

    private static void rules(MappingNode rules, String path, List<Problem> problems) {
        rules.scalar("stabilizationWindowSeconds")
                .flatMap(w -> w.longValue().map(v -> Map.entry(w, v)))
                .ifPresent(e -> {
                    if (e.getValue() < 0) {
                        problems.add(Problem.at(
                                e.getKey(),
                                path + ".stabilizationWindowSeconds: Invalid value: " + e.getValue()
                                        + ": must be greater than or equal to zero"));
                    } else if (e.getValue() > 3600) {
                        problems.add(Problem.at(
                                e.getKey(),
                                path + ".stabilizationWindowSeconds: Invalid value: " + e.getValue()
                                        + ": must be less than or equal to 3600"));
                    }
                });
        rules.scalar("selectPolicy")
                .filter(p -> !p.isNull() && !SELECT_POLICIES.contains(p.asText()))
                .ifPresent(p -> problems.add(Problem.at(
                        p,
                        path + ".selectPolicy: Unsupported value: \"" + p.asText()
                                + "\": supported values: \"Disabled\", \"Max\", \"Min\""
                                + Suggestions.didYouMean(p.asText(), SELECT_POLICIES))));
        rules.sequence("policies").ifPresent(policies -> {
            int i = 0;
            for (YamlNode item : policies.items()) {
                String p = path + ".policies[" + i++ + "]";
                if (item instanceof MappingNode policy) {
                    policy(policy, p, problems);
                }
            }
        });
    }

    private static void policy(MappingNode policy, String path, List<Problem> problems) {
        Optional<ScalarNode> type = policy.scalar("type");
        if (type.isEmpty() || !POLICY_TYPES.contains(type.get().asText())) {
            problems.add(
                    type.isPresent()
                            ? Problem.at(
                                    type.get(),
                                    path + ".type: Invalid value: \""
                                            + type.get().asText() + "\": must be either Pods or Percent"
                                            + Suggestions.didYouMean(type.get().asText(), POLICY_TYPES))
                            : Problem.atKey(
                                    policy,
                                    "type",
                                    path + ".type: Invalid value: \"\": must be either Pods or Percent"));
        }
        long value = policy.scalar("value").flatMap(ScalarNode::longValue).orElse(0L);
        if (value <= 0) {
            problems.add(Problem.atKey(
                    policy, "value", path + ".value: Invalid value: " + value + ": must be greater" + " than zero"));
        }
        long period =
                policy.scalar("periodSeconds").flatMap(ScalarNode::longValue).orElse(0L);
        if (period <= 0) {
            problems.add(Problem.atKey(
                    policy,
                    "periodSeconds",
                    path + ".periodSeconds: Invalid value: " + period + ": must be greater than zero"));
        } else if (period > 1800) {
            problems.add(Problem.atKey(
                    policy,
                    "periodSeconds",
                    path + ".periodSeconds: Invalid value: " + period + ": must be less than or equal to 1800"));
        }
    }
}
