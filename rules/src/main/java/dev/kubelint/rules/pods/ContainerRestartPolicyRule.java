package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.ContainerRole;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.ContainerRule;
import dev.kubelint.rules.support.Releases;
import java.util.List;
import java.util.Optional;

/** A container-level restartPolicy or restartPolicyRules the chosen Kubernetes version rejects. */
@RuleInfo(
        id = "container-restart-policy",
        category = "lifecycle",
        severity = Severity.ERROR,
        summary = "A container sets a restartPolicy or restartPolicyRules that the Kubernetes version rejects",
        kindGroups = KindGroup.POD_SPECS)
public final class ContainerRestartPolicyRule implements ContainerRule {

    private static final List<String> POLICIES = List.of("Always", "OnFailure", "Never");
    private static final List<String> OPERATORS = List.of("In", "NotIn");
    private static final int MAX_RULES = 20;
    private static final int MAX_EXIT_CODES = 255;

    @Override
    public void checkContainer(Container c, RuleContext ctx) {
        int minor = Releases.minor(ctx);
        boolean rulesEnabled = minor >= Releases.CONTAINER_RESTART_RULES;
        // before a field is in the release's schema, using it is schema-conformance's finding
        if (minor >= Releases.SIDECAR_FIELD) {
            checkPolicy(c, minor, ctx);
        }
        if (minor >= Releases.RESTART_RULES_FIELD) {
            present(c.node(), "restartPolicyRules").ifPresent(rules -> checkRules(c, rules, rulesEnabled, ctx));
        }
    }

    private static void checkPolicy(Container container, int minor, RuleContext ctx) {
        Optional<YamlNode> policy = present(container.node(), "restartPolicy");
        if (policy.isEmpty()) {
            return;
        }
        String what = container.describe();
        boolean rulesEnabled = minor >= Releases.CONTAINER_RESTART_RULES;
        if (container.role() != ContainerRole.APP && minor < Releases.SIDECAR_CONTAINERS) {
            ctx.reportKey(
                    container.node(),
                    "restartPolicy",
                    "restartPolicy of " + what + " needs Kubernetes 1."
                            + Releases.SIDECAR_CONTAINERS + ": in 1." + minor
                            + " sidecar containers are an alpha feature that"
                            + " is off by default, so the API server drops the field and the container runs as an ordinary"
                            + " init container, which must exit before the next container starts (a sidecar that keeps"
                            + " running keeps the pod from ever starting)");
        } else if (container.role() == ContainerRole.APP && !rulesEnabled) {
            ctx.reportKey(
                    container.node(),
                    "restartPolicy",
                    "restartPolicy may not be set for " + what + " before"
                            + " Kubernetes 1.35: only init containers may set it (to Always, for a sidecar)");
        } else {
            List<String> allowed = rulesEnabled ? POLICIES : List.of("Always");
            String value = policy.get().asScalar().map(ScalarNode::asText).orElse("");
            if (!allowed.contains(value)) {
                ctx.report(
                        policy.get(),
                        "restartPolicy \"" + value + "\" is not supported for " + what + ": supported "
                                + (allowed.size() == 1 ? "value is" : "values are") + " \""
                                + String.join("\", \"", allowed)
                                + "\"" + (rulesEnabled ? "" : " before Kubernetes 1.35"));
            }
        }
    }

    private static void checkRules(Container container, YamlNode rules, boolean rulesEnabled, RuleContext ctx) {
        String what = container.describe();
        if (!rulesEnabled) {
            ctx.reportKey(
                    container.node(),
                    "restartPolicyRules",
                    "restartPolicyRules of " + what + " need Kubernetes"
                            + " 1.35 (the ContainerRestartRules feature, alpha and off by default in 1.34)");
        } else if (container.role() == ContainerRole.SIDECAR) {
            ctx.reportKey(
                    container.node(),
                    "restartPolicyRules",
                    "restartPolicyRules may not be set for " + what
                            + ": a sidecar is always restarted (only the alpha RestartAllContainersOnContainerExits feature"
                            + " allows it)");
        } else if (present(container.node(), "restartPolicy").isEmpty()) {
            ctx.reportKey(
                    container.node(),
                    "restartPolicyRules",
                    "restartPolicyRules of " + what + " require the" + " container to set restartPolicy too");
        } else {
            rules.asSequence().ifPresent(seq -> checkEachRule(seq, what, ctx));
        }
    }

    private static void checkEachRule(SequenceNode rules, String what, RuleContext ctx) {
        if (rules.size() > MAX_RULES) {
            ctx.report(
                    rules.items().get(MAX_RULES),
                    what + " has " + rules.size() + " restartPolicyRules: at most " + MAX_RULES + " are allowed");
        }
        for (MappingNode rule : rules.mappings()) {
            Optional<ScalarNode> action = rule.scalar("action");
            if (action.isEmpty()) {
                ctx.reportKey(rule, "action", "a restartPolicyRule of " + what + " has no action: use Restart");
            } else if (!action.get().asText().equals("Restart")) {
                ctx.report(
                        action.get(),
                        "unsupported restartPolicyRule action \"" + action.get().asText() + "\" in "
                                + what + ": the supported value is \"Restart\""
                                + (action.get().asText().equals("RestartAllContainers")
                                        ? " (RestartAllContainers needs the alpha"
                                                + " RestartAllContainersOnContainerExits feature gate)"
                                        : ""));
            }
            Optional<MappingNode> exitCodes = rule.mapping("exitCodes");
            if (exitCodes.isEmpty()) {
                ctx.reportKey(rule, "exitCodes", "a restartPolicyRule of " + what + " has no exitCodes condition");
            } else {
                checkExitCodes(exitCodes.get(), what, ctx);
            }
        }
    }

    private static void checkExitCodes(MappingNode exitCodes, String what, RuleContext ctx) {
        Optional<ScalarNode> operator = exitCodes.scalar("operator");
        if (operator.isEmpty()) {
            ctx.reportKey(exitCodes, "operator", "exitCodes of " + what + " has no operator: use In or NotIn");
        } else if (!OPERATORS.contains(operator.get().asText())) {
            ctx.report(
                    operator.get(),
                    "exitCodes operator \"" + operator.get().asText() + "\" in " + what
                            + " is not supported: use In or NotIn");
        }
        exitCodes
                .sequence("values")
                .filter(v -> v.size() > MAX_EXIT_CODES)
                .ifPresent(v -> ctx.report(
                        v,
                        "exitCodes of " + what + " list " + v.size() + " values: at most " + MAX_EXIT_CODES
                                + " are allowed"));
    }

    private static Optional<YamlNode> present(MappingNode node, String key) {
        return node.get(key).filter(v -> !(v instanceof ScalarNode s && s.isNull()));
    }
}
