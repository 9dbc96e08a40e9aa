package dev.kubelint.core.kube;

import dev.kubelint.core.kube.LabelSelector.Operator;
import dev.kubelint.core.kube.LabelSelector.Requirement;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A selector written in a manifest, read and checked as the API server checks it (ValidateLabelSelector):
 * either a {@code LabelSelector} object ({@code matchLabels} and {@code matchExpressions} with the operators
 * {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}), or a plain map of labels as a Service or a
 * ReplicationController has. Problems carry the node they are on. Shapes the schema already rejects (a missing
 * {@code key}, a list where a map belongs) are not repeated as problems; they only make the selector unusable for
 * matching.
 */
public final class StructuredSelector {

    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");

    private final MappingNode node;
    private final List<Requirement> requirements = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private boolean complete = true;
    private boolean empty = true;

    private StructuredSelector(MappingNode node) {
        this.node = node;
    }

    /** Reads a {@code LabelSelector} object: {@code matchLabels} and {@code matchExpressions}. */
    public static StructuredSelector read(MappingNode node) {
        StructuredSelector s = new StructuredSelector(node);
        node.get("matchLabels").ifPresent(s::readMatchLabels);
        node.get("matchExpressions").ifPresent(s::readMatchExpressions);
        return s;
    }

    /** Reads a map selector ({@code app: web}): each entry requires that label with that value. */
    public static StructuredSelector readMap(MappingNode node) {
        StructuredSelector s = new StructuredSelector(node);
        s.readMatchLabels(node);
        return s;
    }

    public MappingNode node() {
        return node;
    }

    /** The selector, when it is complete and valid; what the API server would evaluate. */
    public Optional<LabelSelector> selector() {
        return complete && problems.isEmpty() ? Optional.of(LabelSelector.of(requirements)) : Optional.empty();
    }

    /** Problems with keys, values and operators, in source order. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Whether the selector has no requirement at all (which selects everything, or is rejected where required). */
    public boolean isEmpty() {
        return empty;
    }

    private void readMatchLabels(YamlNode value) {
        Optional<MappingNode> map = value.asMapping();
        if (map.isEmpty()) {
            complete &= value.asScalar().map(ScalarNode::isNull).orElse(false);
            return;
        }
        problems.addAll(LabelMaps.validate(map.get(), "selector"));
        for (Map.Entry<String, String> e : LabelMaps.values(map.get()).entrySet()) {
            requirements.add(new Requirement(e.getKey(), Operator.EQUALS, List.of(e.getValue())));
            empty = false;
        }
        complete &= map.get().entries().stream().allMatch(e -> e.value() instanceof ScalarNode);
    }

    private void readMatchExpressions(YamlNode value) {
        Optional<SequenceNode> list = value.asSequence();
        if (list.isEmpty()) {
            complete &= value.asScalar().map(ScalarNode::isNull).orElse(false);
            return;
        }
        for (YamlNode item : list.get().items()) {
            empty = false;
            Optional<MappingNode> expression = item.asMapping();
            if (expression.isEmpty()) {
                complete = false;
                continue;
            }
            readExpression(expression.get()).ifPresentOrElse(requirements::add, () -> complete = false);
        }
    }

    /** One {@code {key, operator, values}} entry; empty when it cannot be evaluated. */
    private Optional<Requirement> readExpression(MappingNode expression) {
        Optional<ScalarNode> key = expression.scalar("key");
        Optional<ScalarNode> operator = expression.scalar("operator");
        Optional<List<String>> values = values(expression);
        key.ifPresent(k -> {
            List<String> keyProblems = Names.qualifiedName(k.asText());
            if (!keyProblems.isEmpty()) {
                problems.add(Problem.at(
                        k, "invalid selector key \"" + k.asText() + "\": " + String.join("; ", keyProblems)));
            }
        });
        Optional<Operator> op = operator.flatMap(o -> operator(o));
        if (op.isPresent() && values.isPresent()) {
            checkValueCount(expression, op.get(), values.get());
        }
        if (key.isEmpty() || op.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Requirement(key.get().asText(), op.get(), values.get()));
    }

    private Optional<Operator> operator(ScalarNode node) {
        switch (node.asText()) {
            case "In":
                return Optional.of(Operator.IN);
            case "NotIn":
                return Optional.of(Operator.NOT_IN);
            case "Exists":
                return Optional.of(Operator.EXISTS);
            case "DoesNotExist":
                return Optional.of(Operator.DOES_NOT_EXIST);
            default:
                problems.add(Problem.at(
                        node,
                        "\"" + node.asText() + "\" is not a valid selector operator"
                                + Suggestions.didYouMean(node.asText(), OPERATORS)
                                + "; use In, NotIn, Exists or DoesNotExist"));
                return Optional.empty();
        }
    }

    /** The values (as text), after checking each is a label value; empty when {@code values} has a wrong shape. */
    private Optional<List<String>> values(MappingNode expression) {
        Optional<YamlNode> node = expression.get("values");
        if (node.isEmpty() || node.get().asScalar().map(ScalarNode::isNull).orElse(false)) {
            return Optional.of(List.of());
        }
        Optional<SequenceNode> list = node.get().asSequence();
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<String> result = new ArrayList<>();
        for (YamlNode item : list.get().items()) {
            Optional<ScalarNode> scalar = item.asScalar();
            if (scalar.isEmpty()) {
                return Optional.empty();
            }
            String text = scalar.get().asText();
            List<String> valueProblems = Names.labelValue(text);
            if (!valueProblems.isEmpty()) {
                problems.add(Problem.at(
                        item, "invalid selector value \"" + text + "\": " + String.join("; ", valueProblems)));
            }
            result.add(text);
        }
        return Optional.of(result);
    }

    private void checkValueCount(MappingNode expression, Operator op, List<String> values) {
        if (op.isSetBased() && values.isEmpty()) {
            problems.add(Problem.atKey(expression, "values", "values must be specified when operator is In or NotIn"));
        } else if (op.isUnary() && !values.isEmpty()) {
            problems.add(Problem.atKey(
                    expression, "values", "values may not be specified when operator is Exists or DoesNotExist"));
        }
    }
}
