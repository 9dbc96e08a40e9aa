package dev.kubelint.core.config;

import dev.kubelint.core.custom.CustomExpressions;
import dev.kubelint.core.custom.ExpressionEngine;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.YamlNode;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The CEL expression of a custom rule ({@code expression}, with {@code message} or {@code messageExpression}),
 * compiled in the CEL environment of the configuration's Kubernetes version (the newest bundled one by default).
 */
final class CustomExpressionReader {

    private CustomExpressionReader() {}

    /** A custom rule's CEL expression, compiled for a release; its problems are reported at the expressions. */
    static Optional<ExpressionEngine.ExpressionCheck> read(
            String release, MappingNode rule, BiConsumer<Position, String> problem) {
        YamlNode expression = rule.get("expression").orElseThrow();
        if (rule.has("schema")) {
            problem.accept(rule.keySpan("schema").start(), "custom-rules: give a schema or an expression, not both");
        }
        if (!rule.has("message") && !rule.has("messageExpression")) {
            problem.accept(rule.span().start(), "custom-rules: an expression needs a message or a messageExpression");
        }
        Optional<ExpressionEngine> engine = CustomExpressions.engine();
        if (engine.isEmpty()) {
            problem.accept(expression.span().start(), "custom-rules: CEL expressions need kubelint's cel module");
            return Optional.empty();
        }
        ExpressionEngine.Compiled c =
                engine.get().compile(rule.string("expression").orElse(""), rule.string("messageExpression"), release);
        c.expressionProblems().forEach(p -> problem.accept(expression.span().start(), "expression: " + p));
        rule.get("messageExpression")
                .ifPresent(n -> c.messageExpressionProblems()
                        .forEach(p -> problem.accept(n.span().start(), "messageExpression: " + p)));
        return c.check();
    }
}
