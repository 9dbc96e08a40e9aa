package dev.kubelint.rules.workloads;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.support.SpecProblemsShell;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A PodDisruptionBudget the API server rejects. */
@RuleInfo(
        id = "pod-disruption-budget-valid",
        category = "workloads",
        severity = Severity.ERROR,
        summary = "A PodDisruptionBudget sets both minAvailable and maxUnavailable, or a bad count, percentage or"
                + " eviction policy",
        kinds = {"PodDisruptionBudget"})
public final class PodDisruptionBudgetValidRule extends SpecProblemsShell {

    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
    private static final List<String> POLICIES = List.of("AlwaysAllow", "IfHealthyBudget");

    public PodDisruptionBudgetValidRule() {
        super("policy", "PodDisruptionBudget");
    }

    @Override
    protected void listProblems(Manifest manifest, MappingNode spec, RuleContext ctx, List<Problem> problems) {
        Optional<ScalarNode> min = spec.scalar("minAvailable").filter(s -> !s.isNull());
        Optional<ScalarNode> max = spec.scalar("maxUnavailable").filter(s -> !s.isNull());
        if (min.isPresent() && max.isPresent()) {
            problems.add(Problem.atKey(
                    spec,
                    "maxUnavailable",
                    "spec: Invalid value: minAvailable and" + " maxUnavailable cannot be both set"));
        }
        min.ifPresent(v -> intOrPercent(v, "spec.minAvailable", problems));
        max.ifPresent(v -> intOrPercent(v, "spec.maxUnavailable", problems));
        spec.scalar("unhealthyPodEvictionPolicy")
                .filter(s -> !s.isNull() && !POLICIES.contains(s.asText()))
                .ifPresent(p -> problems.add(Problem.at(
                        p,
                        "spec.unhealthyPodEvictionPolicy: Unsupported value: \""
                                + p.asText() + "\": supported values: \"AlwaysAllow\", \"IfHealthyBudget\""
                                + Suggestions.didYouMean(p.asText(), POLICIES))));
    }

    /** The API server's ValidatePositiveIntOrPercent and IsNotMoreThan100Percent. */
    static void intOrPercent(ScalarNode value, String path, List<Problem> problems) {
        if (value.isString()) {
            String text = value.asText();
            if (!PERCENT.matcher(text).matches()) {
                problems.add(Problem.at(
                        value,
                        path + ": Invalid value: \"" + text + "\": must be an integer or"
                                + " percentage (e.g '5%')"
                                + (text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                                        ? "; write a count without quotes: " + text
                                        : "")));
            } else if (Long.parseLong(text.substring(0, Math.min(text.length() - 1, 10))) > 100) {
                problems.add(Problem.at(
                        value, path + ": Invalid value: \"" + text + "\": must not be greater than" + " 100%"));
            }
            return;
        }
        value.longValue()
                .filter(v -> v < 0)
                .ifPresent(v -> problems.add(
                        Problem.at(value, path + ": Invalid value: " + v + ": must be greater than or equal to 0")));
    }
}
