package dev.kubelint.rules.admission;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.kubelint.cel.CelCompiler;
import dev.kubelint.cel.Compilation;
import dev.kubelint.cel.KubernetesCel;
import dev.kubelint.cel.SchemaTypes;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.schemas.BuiltinSchemas;
import dev.kubelint.schemas.GroupVersionKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API server's type checking of a policy: each expression (match conditions, variables, validations and their
 * message expressions) compiled again with {@code object} and
 * {@code oldObject} typed by the schema of every built-in kind the policy's resource rules name explicitly (rules with
 * wildcards are not checked, as the API server does not check them). The API server accepts a policy that fails type
 * checking and records the problems as warnings in its {@code status.typeChecking}; the expression then fails at
 * run time on the objects it does not fit, where the failure policy decides. So a type error is a warning here.
 */
final class TypeChecks {

    /** How deep references are followed: deeper parts of a schema are typed dyn. */
    private static final int MAX_DEPTH = 24;

    /**
     * Two lists of different object types joined ({@code object.spec.containers + object.spec.ephemeralContainers}):
     * the values join at run time, so the checker's complaint is left out.
     */
    private static final java.util.regex.Pattern JOINED_LISTS = java.util.regex.Pattern.compile(
            "found no matching overload for '_\\+_' applied to '\\(list\\([^']*\\), list\\([^']*\\)\\)'");

    private static final Map<String, Optional<CelCompiler>> COMPILERS = new ConcurrentHashMap<>();

    private TypeChecks() {}

    /**
     * Type-checks the policy's expressions, reporting what fails; returns, for each validation, the apiVersion and
     * kind ("apps/v1 Deployment") its expression failed against, whose objects need no second finding from it.
     */
    static Map<Policy.Validation, Set<String>> check(Policy p, List<JsonNode> crds, RuleContext ctx) {
        Map<Policy.Validation, Set<String>> failed = new IdentityHashMap<>();
        String release = ctx.settings().kubernetesVersion();
        Map<GroupVersionKind, Optional<CelCompiler>> compilers = new LinkedHashMap<>();
        for (GroupVersionKind gvk : kinds(p.matchConstraints(), release)) {
            compilers.put(gvk, COMPILERS.computeIfAbsent(release + " " + gvk, k -> compiler(release, gvk)));
        }
        customKinds(p.matchConstraints(), crds, release, compilers);
        for (Map.Entry<GroupVersionKind, Optional<CelCompiler>> e : compilers.entrySet()) {
            GroupVersionKind gvk = e.getKey();
            Optional<CelCompiler> compiler = e.getValue();
            if (compiler.isEmpty()) {
                continue;
            }
            String against = "type checking against " + gvk.apiVersion() + ", Kind=" + gvk.kind() + ": ";
            for (Policy.Named n : p.matchConditions()) {
                check(compiler.get(), n.expression() != null, n.source(), n.location(), against, ctx);
            }
            for (Policy.Named n : p.variables()) {
                check(compiler.get(), n.expression() != null, n.source(), n.location(), against, ctx);
            }
            for (Policy.Validation v : p.validations()) {
                if (!check(compiler.get(), v.expression() != null, v.source(), v.location(), against, ctx)) {
                    failed.computeIfAbsent(v, k -> new HashSet<>()).add(gvk.apiVersion() + " " + gvk.kind());
                }
                check(
                        compiler.get(),
                        v.messageExpression() != null,
                        v.messageSource(),
                        v.messageLocation(),
                        against,
                        ctx);
            }
        }
        return failed;
    }

    /** Compiles an expression that compiled with dyn variables again with typed ones, reporting what fails. */
    private static boolean check(
            CelCompiler compiler, boolean compiled, String source, Location at, String against, RuleContext ctx) {
        if (!compiled) {
            return true;
        }
        Compilation c = compiler.compile(source);
        List<String> problems = c.problems().stream()
                .filter(problem -> !JOINED_LISTS.matcher(problem).find())
                .toList();
        if (!problems.isEmpty()) {
            ctx.report(
                    at,
                    against + String.join("; ", problems)
                            + " (the API server accepts the policy with this warning; the expression fails"
                            + " at run time on such objects)",
                    Severity.WARNING);
        }
        return problems.isEmpty();
    }

    /** The built-in kinds the policy's resource rules name without wildcards. */
    static Set<GroupVersionKind> kinds(JsonNode matchConstraints, String release) {
        Set<GroupVersionKind> kinds = new LinkedHashSet<>();
        BuiltinSchemas schemas = BuiltinSchemas.get();
        if (!schemas.isBundled(release)) {
            return kinds;
        }
        for (JsonNode rule : matchConstraints.path("resourceRules")) {
            for (String group : strings(rule.path("apiGroups"))) {
                for (String version : strings(rule.path("apiVersions"))) {
                    String apiVersion = GroupVersionKind.apiVersion(group, version);
                    for (String resource : strings(rule.path("resources"))) {
                        for (String kind : schemas.kinds(release, apiVersion)) {
                            if (Matching.guessPlural(kind).equals(resource)) {
                                kinds.add(new GroupVersionKind(group, version, kind));
                            }
                        }
                    }
                }
            }
        }
        return kinds;
    }

    /**
     * The custom kinds the policy's resource rules name without wildcards, each served version with a schema typed
     * by it: the schema's own fields, with {@code apiVersion}, {@code kind} and {@code metadata} added (metadata dyn,
     * as the schema does not describe it).
     */
    private static void customKinds(
            JsonNode matchConstraints,
            List<JsonNode> crds,
            String release,
            Map<GroupVersionKind, Optional<CelCompiler>> compilers) {
        for (JsonNode rule : matchConstraints.path("resourceRules")) {
            List<String> groups = strings(rule.path("apiGroups"));
            List<String> versions = strings(rule.path("apiVersions"));
            List<String> resources = strings(rule.path("resources"));
            for (JsonNode crd : crds) {
                String group = crd.path("group").asString("");
                String kind = crd.path("names").path("kind").asString("");
                if (kind.isEmpty()
                        || !groups.contains(group)
                        || !resources.contains(crd.path("names").path("plural").asString(""))) {
                    continue;
                }
                for (JsonNode version : crd.path("versions")) {
                    String name = version.path("name").asString("");
                    JsonNode schema = version.path("schema").path("openAPIV3Schema");
                    if (!version.path("served").asBoolean(false)
                            || !versions.contains(name)
                            || !schema.path("properties").isObject()) {
                        continue;
                    }
                    GroupVersionKind gvk = new GroupVersionKind(group, name, kind);
                    compilers.putIfAbsent(gvk, Optional.of(customCompiler(release, gvk, schema)));
                }
            }
        }
    }

    private static CelCompiler customCompiler(String release, GroupVersionKind gvk, JsonNode schema) {
        ObjectNode root = ((ObjectNode) schema).deepCopy();
        ObjectNode properties = root.putObject("properties");
        properties.setAll((ObjectNode) schema.path("properties"));
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        SchemaTypes types = new SchemaTypes(gvk.group().replace('.', '_') + "." + gvk.version() + "." + gvk.kind());
        return compiler(release, types, types.typeOf(root, false));
    }

    /** The explicit values of a list; none when it has a wildcard or a subresource. */
    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        for (JsonNode n : list) {
            String s = n.asString("");
            if (s.contains("*") || s.contains("/")) {
                return List.of();
            }
            values.add(s);
        }
        return values;
    }

    private static Optional<CelCompiler> compiler(String release, GroupVersionKind gvk) {
        Optional<Map.Entry<String, JsonNode>> openApi = BuiltinSchemas.get().openApi(release, gvk);
        if (openApi.isEmpty()) {
            return Optional.empty();
        }
        JsonNode components = openApi.get().getValue().path("components").path("schemas");
        JsonNode root = inline(components.path(openApi.get().getKey()), components, 0);
        SchemaTypes types = new SchemaTypes(gvk.group().replace('.', '_') + "." + gvk.version() + "." + gvk.kind());
        // the schema has apiVersion, kind and the whole ObjectMeta: not the root of a custom resource
        return Optional.of(compiler(release, types, types.typeOf(root, false)));
    }

    private static CelCompiler compiler(String release, SchemaTypes types, CelType object) {
        Map<String, CelType> variables = new LinkedHashMap<>();
        for (String name : Policy.VARIABLES) {
            variables.put(name, name.equals("object") || name.equals("oldObject") ? object : SimpleType.DYN);
        }
        return KubernetesCel.forRelease(release).compiler(variables, types);
    }

    /** A schema with its references ({@code $ref}, a single {@code allOf}) replaced by what they name. */
    private static JsonNode inline(JsonNode schema, JsonNode components, int depth) {
        if (!schema.isObject() || depth > MAX_DEPTH) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode target = schema;
        if (schema.has("$ref")) {
            target = components.path(name(schema.path("$ref").asString("")));
        } else if (schema.path("allOf").isArray() && schema.path("allOf").size() == 1) {
            target = components.path(
                    name(schema.path("allOf").get(0).path("$ref").asString("")));
        }
        if (target != schema) {
            return inline(target, components, depth + 1);
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            ObjectNode inlined = copy.putObject("properties");
            for (Map.Entry<String, JsonNode> e : properties.properties()) {
                inlined.set(e.getKey(), inline(e.getValue(), components, depth + 1));
            }
        }
        if (schema.path("items").isObject()) {
            copy.set("items", inline(schema.path("items"), components, depth + 1));
        }
        if (schema.path("additionalProperties").isObject()) {
            copy.set("additionalProperties", inline(schema.path("additionalProperties"), components, depth + 1));
        }
        return copy;
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
