package dev.kubelint.cel;

import dev.kubelint.core.custom.ExpressionEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The CEL of custom rules in {@code .kubelint.yaml}: the environment of admission policies (that of the run's
 * Kubernetes release, the variable {@code object} of type dyn), an expression that must be true, and the message
 * expression whose value is the finding's message, as a validation of a ValidatingAdmissionPolicy has them.
 */
public final class CelRuleEngine implements ExpressionEngine {

    @Override
    public Compiled compile(String expression, Optional<String> messageExpression, String release) {
        CelCompiler compiler =
                KubernetesCel.forRelease(supported(release)).dynamicCompiler(List.of("object"), List.of());
        Compilation rule = compiler.compile(expression);
        Optional<Compilation> message = messageExpression.map(compiler::compile);
        List<String> messageProblems = message.map(Compilation::problems).orElse(List.of());
        if (!rule.ok() || !messageProblems.isEmpty()) {
            return new Compiled(Optional.empty(), rule.problems(), messageProblems);
        }
        CelExpression check = rule.expression().orElseThrow();
        Optional<CelExpression> text = message.flatMap(Compilation::expression);
        return new Compiled(Optional.of((object, fixed) -> evaluate(check, text, object, fixed)), List.of(), List.of());
    }

    /** A release the CEL environment knows: releases before 1.25 had no CEL and get the oldest. */
    private static String supported(String release) {
        try {
            KubernetesCel.forRelease(release);
            return release;
        } catch (IllegalArgumentException e) {
            return "1.25";
        }
    }

    private static Optional<String> evaluate(
            CelExpression check, Optional<CelExpression> message, JsonNode object, String fixed) {
        Map<String, Object> activation = Map.of("object", CelValues.of(object));
        Evaluation e = check.evaluate(activation, KubernetesCel.PER_CALL_LIMIT);
        if (!e.ok()) {
            return Optional.of(ValidationMessages.evaluationError(check.source(), e.error()));
        }
        if (Boolean.TRUE.equals(e.value())) {
            return Optional.empty();
        }
        if (!(e.value() instanceof Boolean)) {
            return Optional.of(ValidationMessages.notBool(check.source()));
        }
        return Optional.of(ValidationMessages.failed(check.source(), message, fixed, activation));
    }
}
