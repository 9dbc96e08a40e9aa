package dev.kubelint.rules.admission;

import dev.kubelint.cel.CelCompiler;
import dev.kubelint.cel.CelExpression;
import dev.kubelint.cel.Compilation;
import dev.kubelint.cel.KubernetesCel;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A ValidatingAdmissionPolicy of the scan, its expressions compiled in the CEL environment of the target release
 * (variables of type dyn: the objects a policy matches may be of any kind). An expression that does not compile is
 * reported at its place in the policy and left out; the policy's other expressions still apply.
 */
record Policy(
        String name,
        Location location,
        boolean failClosed,
        String paramApiVersion,
        String paramKind,
        Location paramKindLocation,
        JsonNode matchConstraints,
        List<Named> matchConditions,
        List<Named> variables,
        List<Validation> validations) {

    /** The variables of an admission policy's expressions, as the API server declares them. */
    static final List<String> VARIABLES =
            List.of("object", "oldObject", "request", "params", "namespaceObject", "authorizer", "variables");

    /**
     * A named expression (match condition, variable) and where its expression is; {@code expression} is null when it
     * did not compile.
     */
    record Named(String name, String source, CelExpression expression, Location location) {}

    record Validation(
            String source,
            CelExpression expression,
            String message,
            String messageSource,
            CelExpression messageExpression,
            String reason,
            Location location,
            Location messageLocation) {}

    /** Where a node of a policy or binding is: in a scanned file, or in a file of policies given apart. */
    interface Locator {
        Location locate(YamlNode node);
    }

    static Policy read(JsonNode json, MappingNode root, RuleContext ctx, String release) {
        return read(json, root, ctx::locate, ctx, release);
    }

    static Policy read(JsonNode json, MappingNode root, Locator at, RuleContext ctx, String release) {
        String name = json.path("metadata").path("name").asString("");
        JsonNode spec = json.path("spec");
        CelCompiler compiler = KubernetesCel.forRelease(release).dynamicCompiler(VARIABLES, List.of());
        boolean failClosed = !"Ignore".equals(spec.path("failurePolicy").asString("Fail"));
        JsonNode paramKind = spec.path("paramKind");
        Compiler c = new Compiler(compiler, root, at, ctx);
        List<Named> conditions = c.named(spec.path("matchConditions"), "/spec/matchConditions");
        List<Named> variables = c.named(spec.path("variables"), "/spec/variables");
        List<Validation> validations = new ArrayList<>();
        JsonNode vs = spec.path("validations");
        for (int i = 0; vs.isArray() && i < vs.size(); i++) {
            JsonNode v = vs.get(i);
            String pointer = "/spec/validations/" + i;
            String source = v.path("expression").asString("");
            CelExpression expression =
                    c.compile(source, pointer + "/expression", "spec.validations[" + i + "].expression");
            String messageSource = v.path("messageExpression").asString("");
            CelExpression messageExpression = messageSource.isBlank()
                    ? null
                    : c.compile(
                            messageSource,
                            pointer + "/messageExpression",
                            "spec.validations[" + i + "].messageExpression");
            validations.add(new Validation(
                    source,
                    expression,
                    v.path("message").asString(""),
                    messageSource,
                    messageExpression,
                    v.path("reason").asString(""),
                    at.locate(root.nearest(pointer + "/expression")),
                    at.locate(root.nearest(pointer + "/messageExpression"))));
        }
        return new Policy(
                name,
                at.locate(root),
                failClosed,
                paramKind.path("apiVersion").asString(""),
                paramKind.path("kind").asString(""),
                at.locate(root.nearest("/spec/paramKind/kind")),
                spec.path("matchConstraints"),
                conditions,
                variables,
                validations);
    }

    /** Compiles a policy's expressions, reporting those that do not compile at their place. */
    private record Compiler(CelCompiler compiler, MappingNode root, Locator at, RuleContext ctx) {

        List<Named> named(JsonNode list, String pointer) {
            List<Named> named = new ArrayList<>();
            String path = pointer.substring(1).replace('/', '.');
            for (int i = 0; list.isArray() && i < list.size(); i++) {
                JsonNode n = list.get(i);
                String source = n.path("expression").asString("");
                String where = pointer + "/" + i + "/expression";
                named.add(new Named(
                        n.path("name").asString(""),
                        source,
                        compile(source, where, path + "[" + i + "].expression"),
                        at.locate(root.nearest(where))));
            }
            return named;
        }

        CelExpression compile(String source, String pointer, String path) {
            if (source.isBlank()) {
                return null;
            }
            Compilation c = compiler.compile(source);
            if (!c.ok()) {
                ctx.report(at.locate(root.nearest(pointer)), path + ": " + c.message());
                return null;
            }
            return c.expression().orElseThrow();
        }
    }
}
