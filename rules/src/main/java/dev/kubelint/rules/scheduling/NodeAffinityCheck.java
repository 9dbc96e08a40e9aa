package dev.kubelint.rules.scheduling;

import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the node affinity of a pod spec (and the node affinity of a PersistentVolume) as the API server validates
 * it and as the scheduler evaluates it. Two lists come out: what the API server rejects, and what it accepts but the
 * scheduler cannot use (a term that matches no node, a Gt value that is not an integer).
 */
final class NodeAffinityCheck {

    /** The minor version from which the API server rejects node affinity values that are not label values. */
    static final int LABEL_VALUES_VALIDATED_SINCE = 33;

    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");

    final List<Problem> errors = new ArrayList<>();
    final List<Problem> ineffective = new ArrayList<>();
    private final int minorVersion;

    private NodeAffinityCheck(int minorVersion) {
        this.minorVersion = minorVersion;
    }

    /** The check of an object's node affinity, computed once per object for both rules that report from it. */
    static NodeAffinityCheck of(Manifest manifest, int minorVersion) {
        return manifest.derived(List.of(NodeAffinityCheck.class, minorVersion), m -> compute(m, minorVersion));
    }

    private static NodeAffinityCheck compute(Manifest manifest, int minorVersion) {
        NodeAffinityCheck check = new NodeAffinityCheck(minorVersion);
        PodSpecs.of(manifest)
                .flatMap(pod -> pod.spec().at("/affinity/nodeAffinity"))
                .flatMap(YamlNode::asMapping)
                .ifPresent(check::nodeAffinity);
        if (manifest.group().isEmpty() && manifest.kind().equals("PersistentVolume")) {
            Nodes.mappings(manifest.root(), "/spec/nodeAffinity/required").forEach(check::nodeSelector);
        }
        return check;
    }

    private void nodeAffinity(MappingNode affinity) {
        affinity.mapping("requiredDuringSchedulingIgnoredDuringExecution").ifPresent(this::nodeSelector);
        affinity.sequence("preferredDuringSchedulingIgnoredDuringExecution").ifPresent(list -> {
            for (MappingNode preferred : list.mappings()) {
                Weights.check(preferred).ifPresent(errors::add);
                preferred.mapping("preference").ifPresent(term -> term(term, false));
            }
        });
    }

    private void nodeSelector(MappingNode selector) {
        Optional<SequenceNode> terms = selector.sequence("nodeSelectorTerms");
        if (terms.isEmpty() || terms.get().size() == 0) {
            errors.add(Problem.atKey(
                    selector, "nodeSelectorTerms", "nodeSelectorTerms must have at least one node" + " selector term"));
            return;
        }
        terms.get().mappings().forEach(term -> term(term, true));
    }

    private void term(MappingNode term, boolean required) {
        List<MappingNode> expressions =
                term.sequence("matchExpressions").map(SequenceNode::mappings).orElse(List.of());
        List<MappingNode> fields =
                term.sequence("matchFields").map(SequenceNode::mappings).orElse(List.of());
        if (expressions.isEmpty() && fields.isEmpty()) {
            ineffective.add(Problem.at(
                    term,
                    required
                            ? "this node selector term has neither matchExpressions nor matchFields, so it matches no node"
                            : "this preference has neither matchExpressions nor matchFields: it matches every node and has no"
                                    + " effect"));
        }
        expressions.forEach(e -> requirement(e, required));
        fields.forEach(this::fieldRequirement);
    }

    /**
     * Label values are validated in required terms only: the API server leaves the values of preferred terms
     * unchecked, and the scheduler cannot evaluate such a term, so it is ineffective there.
     */
    private void requirement(MappingNode expression, boolean required) {
        expression.scalar("key").ifPresent(key -> {
            List<String> problems = Names.qualifiedName(key.asText());
            if (!problems.isEmpty()) {
                errors.add(Problem.at(
                        key, "invalid node label key \"" + key.asText() + "\": " + String.join("; ", problems)));
            }
        });
        List<ScalarNode> values = values(expression);
        expression.scalar("operator").ifPresent(op -> operator(expression, op, values));
        for (ScalarNode value : values) {
            List<String> problems = Names.labelValue(value.asText());
            if (problems.isEmpty()) {
                continue;
            }
            String text = "\"" + value.asText() + "\" is not a valid label value (" + String.join("; ", problems) + ")";
            if (required && minorVersion >= LABEL_VALUES_VALIDATED_SINCE) {
                errors.add(Problem.at(value, text));
            } else {
                ineffective.add(Problem.at(
                        value, text + ": the scheduler cannot evaluate this term, so it matches" + " no node"));
            }
        }
    }

    private void operator(MappingNode expression, ScalarNode op, List<ScalarNode> values) {
        switch (op.asText()) {
            case "In":
            case "NotIn":
                if (values.isEmpty()) {
                    errors.add(Problem.atKey(
                            expression, "values", "values must be specified when operator is In or NotIn"));
                }
                break;
            case "Exists":
            case "DoesNotExist":
                if (!values.isEmpty()) {
                    errors.add(Problem.atKey(
                            expression,
                            "values",
                            "values may not be specified when operator is Exists or DoesNotExist"));
                }
                break;
            case "Gt":
            case "Lt":
                if (values.size() != 1) {
                    errors.add(Problem.atKey(
                            expression, "values", "operator " + op.asText() + " needs exactly one value, an integer"));
                } else if (!isInteger(values.get(0).asText())) {
                    ineffective.add(Problem.at(
                            values.get(0),
                            op.asText() + " compares integers, but \""
                                    + values.get(0).asText()
                                    + "\" is not one: the scheduler cannot evaluate this term, so it"
                                    + " matches no node"));
                }
                break;
            default:
                errors.add(Problem.at(
                        op,
                        "\"" + op.asText() + "\" is not a valid node selector operator"
                                + Suggestions.didYouMean(op.asText(), OPERATORS)
                                + "; use In, NotIn, Exists, DoesNotExist, Gt or Lt"));
        }
    }

    private void fieldRequirement(MappingNode field) {
        Optional<ScalarNode> key = field.scalar("key");
        if (key.isPresent() && !key.get().asText().equals("metadata.name")) {
            errors.add(Problem.at(
                    key.get(),
                    "matchFields supports only the key metadata.name, not \""
                            + key.get().asText() + "\"; match node labels with matchExpressions"));
        }
        field.scalar("operator")
                .filter(op -> !op.asText().equals("In") && !op.asText().equals("NotIn"))
                .ifPresent(op -> errors.add(Problem.at(
                        op, "matchFields supports only the operators In and NotIn, not \"" + op.asText() + "\"")));
        List<ScalarNode> values = values(field);
        if (values.size() != 1) {
            errors.add(Problem.atKey(field, "values", "matchFields needs exactly one value, a node name"));
        } else if (key.isPresent() && key.get().asText().equals("metadata.name")) {
            List<String> problems = Names.dns1123Subdomain(values.get(0).asText());
            if (!problems.isEmpty()) {
                errors.add(Problem.at(
                        values.get(0),
                        "invalid node name \"" + values.get(0).asText() + "\": " + String.join("; ", problems)));
            }
        }
    }

    private static List<ScalarNode> values(MappingNode expression) {
        return expression
                .sequence("values")
                .map(seq ->
                        seq.items().stream().flatMap(i -> i.asScalar().stream()).toList())
                .orElse(List.of());
    }

    private static boolean isInteger(String text) {
        return text.matches("[+-]?[0-9]+") && parses(text);
    }

    private static boolean parses(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
