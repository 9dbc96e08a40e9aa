package dev.kubelint.core.custom;

import com.networknt.schema.Schema;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A rule declared in configuration: every node its pointer selects must satisfy its JSON Schema; each schema
 * error becomes a finding on the exact node that fails. Stateless and thread-safe (a compiled networknt schema
 * may be shared across threads).
 */
public final class CustomRule implements Rule {

    /** The category custom rules are listed under. */
    public static final String CATEGORY = "custom";

    private final CustomRuleSpec spec;
    private final Schema schema;
    private final JsonNode schemaJson;
    private final Optional<Predicate<Map<String, String>>> selector;
    private final Optional<ExpressionEngine.ExpressionCheck> expression;

    /** A rule with a CEL expression instead of a schema when {@code expression} is present. */
    public CustomRule(
            CustomRuleSpec spec,
            Schema schema,
            JsonNode schemaJson,
            Optional<Predicate<Map<String, String>>> selector,
            Optional<ExpressionEngine.ExpressionCheck> expression) {
        this.spec = spec;
        this.schema = schema;
        this.schemaJson = schemaJson;
        this.selector = selector;
        this.expression = expression;
    }

    public CustomRuleSpec spec() {
        return spec;
    }

    /** The catalogue entry of this rule (custom rules carry no annotation: their metadata is configuration). */
    public RuleDescriptor descriptor() {
        String rationale = "Declared in " + spec.origin() + ": " + (spec.podTemplate() ? "in every pod template, " : "")
                + (spec.pointer().isEmpty() ? "the whole object" : "the part at " + spec.pointer())
                + (expression.isPresent()
                        ? " must satisfy the rule's CEL expression."
                        : " must satisfy the rule's JSON Schema.");
        return new RuleDescriptor(
                this,
                spec.id(),
                CATEGORY,
                spec.severity(),
                spec.summary(),
                rationale,
                spec.remediation(),
                true,
                spec.kinds(),
                List.of(),
                spec.origin());
    }

    /** The engine hands the rule only objects of its kinds (the descriptor's); the selector is the rule's own. */
    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (selector.isPresent() && !selector.get().test(manifest.labels())) {
            return;
        }
        for (YamlNode start : starts(manifest)) {
            for (YamlNode target : select(start, spec.pointer())) {
                if (expression.isPresent()) {
                    expression
                            .get()
                            .check(YamlJson.toJson(target, true), spec.message())
                            .ifPresent(message -> ctx.report(target, message));
                    continue;
                }
                for (SchemaProblem p :
                        JsonSchemas.validate(schema, schemaJson, target, YamlJson.toJson(target, true))) {
                    report(p, ctx);
                }
            }
        }
    }

    private List<YamlNode> starts(Manifest manifest) {
        if (!spec.podTemplate()) {
            return List.of(manifest.root());
        }
        return PodSpecs.of(manifest)
                .<List<YamlNode>>map(pod -> List.of(pod.owner()))
                .orElse(List.of());
    }

    private void report(SchemaProblem p, RuleContext ctx) {
        String path = JsonPointers.toPath(p.pointer());
        String message = spec.message() + " (" + (path.isEmpty() ? "" : path + ": ") + p.detail() + ")";
        if (p.key().isPresent() && p.node() instanceof MappingNode m) {
            ctx.reportKey(m, p.key().get(), message);
        } else {
            ctx.report(p.node(), message);
        }
    }

    /**
     * The nodes a pointer selects from {@code start}; a {@code *} token stands for every item of a sequence
     * (or every value of a mapping). Parts that are absent select nothing: to require a field, point at its
     * parent and list the field under {@code required}.
     */
    public static List<YamlNode> select(YamlNode start, String pointer) {
        List<YamlNode> current = List.of(start);
        for (String token : JsonPointers.tokens(pointer)) {
            List<YamlNode> next = new ArrayList<>();
            for (YamlNode node : current) {
                if (token.equals("*")) {
                    if (node instanceof SequenceNode s) {
                        next.addAll(s.items());
                    } else if (node instanceof MappingNode m) {
                        m.entries().forEach(e -> next.add(e.value()));
                    }
                } else {
                    node.child(token).ifPresent(next::add);
                }
            }
            current = next;
        }
        // Kubernetes treats a null field as absent
        return current.stream()
                .filter(n -> !(n instanceof dev.kubelint.core.yaml.ScalarNode s && s.isNull()))
                .toList();
    }
}
