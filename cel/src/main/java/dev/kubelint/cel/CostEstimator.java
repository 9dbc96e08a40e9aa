package dev.kubelint.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The worst-case cost of an expression, estimated before it runs as CEL's cost estimator does it for the API server:
 * one unit per step, string operations by a tenth of the string's length, list operations by the list's size,
 * and comprehensions by the size of what they range over times the cost of one iteration. Sizes come from the
 * schema ({@code maxItems}, {@code maxProperties}, {@code maxLength}); without them, from the largest request the
 * API server accepts ({@link KubernetesCel#MAX_REQUEST_SIZE_BYTES}) and the smallest element the schema allows.
 */
public final class CostEstimator {

    /** What is known of a sub-expression: its schema (if any), its largest size and its cost. */
    private record Estimate(JsonNode schema, long size, long cost) {}

    private final Map<String, JsonNode> scope = new HashMap<>();
    private final CelAbstractSyntaxTree ast;

    private CostEstimator(CelAbstractSyntaxTree ast) {
        this.ast = ast;
    }

    /** Whether the checker typed the expression as a string, bytes, list or map (whose size matters). */
    private boolean sized(CelExpr e) {
        Optional<CelType> t = ast.getType(e.id());
        if (t.isEmpty()) {
            return true;
        }
        CelKind k = t.get().kind();
        return k == CelKind.STRING || k == CelKind.BYTES || k == CelKind.LIST || k == CelKind.MAP || k == CelKind.DYN;
    }

    /** The estimated cost of a rule whose {@code self} (and {@code oldSelf}) have the given schema. */
    public static long estimate(CelExpression expression, JsonNode selfSchema, boolean resourceRoot) {
        CostEstimator e = new CostEstimator(expression.ast());
        e.scope.put("self", selfSchema);
        e.scope.put("oldSelf", selfSchema);
        return e.estimate(expression.ast().getExpr()).cost();
    }

    /** The estimated cost of an expression over variables with the given schemas (absent: unknown values). */
    public static long estimate(CelExpression expression, Map<String, JsonNode> variables) {
        CostEstimator e = new CostEstimator(expression.ast());
        e.scope.putAll(variables);
        return e.estimate(expression.ast().getExpr()).cost();
    }

    private static long add(long... values) {
        long sum = 0;
        for (long v : values) {
            sum = ValidationRules.saturatedAdd(sum, v);
        }
        return sum;
    }

    private static long multiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** The largest number of elements (or characters) a value of the schema can have in one request. */
    static long maxSize(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return KubernetesCel.MAX_REQUEST_SIZE_BYTES;
        }
        String type = schema.path("type").asString("");
        switch (type) {
            case "array": {
                if (schema.path("maxItems").isNumber()) {
                    return schema.path("maxItems").asLong();
                }
                return (KubernetesCel.MAX_REQUEST_SIZE_BYTES - 2) / (minSerializedSize(schema.get("items")) + 1);
            }
            case "object": {
                if (schema.path("maxProperties").isNumber()) {
                    return schema.path("maxProperties").asLong();
                }
                JsonNode additional = schema.get("additionalProperties");
                if (additional != null && additional.isObject()) {
                    // "k":v, : at least a one-character key, quotes, colon, comma
                    return (KubernetesCel.MAX_REQUEST_SIZE_BYTES - 2) / (minSerializedSize(additional) + 5);
                }
                JsonNode properties = schema.get("properties");
                return properties != null ? properties.size() : KubernetesCel.MAX_REQUEST_SIZE_BYTES / 5;
            }
            case "string": {
                if (schema.path("maxLength").isNumber()) {
                    return schema.path("maxLength").asLong();
                }
                String format = schema.path("format").asString("");
                if (format.equals("date-time") || format.equals("date") || format.equals("duration")) {
                    return 64;
                }
                return KubernetesCel.MAX_REQUEST_SIZE_BYTES - 2;
            }
            default:
                return 1;
        }
    }

    /** The smallest a serialised value of the schema can be, in bytes. */
    private static long minSerializedSize(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return 1;
        }
        if (SchemaTypes.isTrue(schema, "x-kubernetes-int-or-string")) {
            return 1;
        }
        switch (schema.path("type").asString("")) {
            case "string":
                return 2 + Math.max(0, schema.path("minLength").asLong(0));
            case "boolean":
                return 4;
            case "object":
            case "array":
                return 2;
            default:
                return 1;
        }
    }

    private Estimate unknown(long cost) {
        return new Estimate(null, KubernetesCel.MAX_REQUEST_SIZE_BYTES, cost);
    }

    private Estimate estimate(CelExpr e) {
        switch (e.exprKind().getKind()) {
            case CONSTANT: {
                CelConstant c = e.constant();
                long size = c.getKind() == CelConstant.Kind.STRING_VALUE
                        ? c.stringValue().length()
                        : c.getKind() == CelConstant.Kind.BYTES_VALUE
                                ? c.bytesValue().size()
                                : 1;
                return new Estimate(null, size, 0);
            }
            case IDENT: {
                String name = e.ident().name();
                if (scope.containsKey(name)) {
                    JsonNode s = scope.get(name);
                    return new Estimate(s, s == null && !sized(e) ? 1 : maxSize(s), 1);
                }
                // an accumulator of a macro, or a variable of unknown size
                return name.startsWith("@") || name.startsWith("__") || !sized(e)
                        ? new Estimate(null, 1, 1)
                        : unknown(1);
            }
            case SELECT: {
                Estimate operand = estimate(e.select().operand());
                JsonNode s = member(operand.schema(), e.select().field());
                if (s == null && !sized(e)) {
                    return new Estimate(null, 1, e.select().testOnly() ? operand.cost() : add(operand.cost(), 1));
                }
                long cost = e.select().testOnly() ? operand.cost() : add(operand.cost(), 1);
                return new Estimate(s, s == null ? KubernetesCel.MAX_REQUEST_SIZE_BYTES : maxSize(s), cost);
            }
            case LIST: {
                long cost = 1;
                for (CelExpr x : e.list().elements()) {
                    cost = add(cost, estimate(x).cost());
                }
                return new Estimate(null, e.list().elements().size(), cost);
            }
            case MAP: {
                long cost = 1;
                for (var entry : e.map().entries()) {
                    cost = add(
                            cost,
                            estimate(entry.key()).cost(),
                            estimate(entry.value()).cost());
                }
                return new Estimate(null, e.map().entries().size(), cost);
            }
            case STRUCT:
                return unknown(1);
            case COMPREHENSION:
                return comprehension(e);
            case CALL:
                return call(e);
            default:
                return unknown(1);
        }
    }

    private static JsonNode member(JsonNode schema, String field) {
        if (schema == null) {
            return null;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.has(field)) {
            return properties.get(field);
        }
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && additional.isObject() ? additional : null;
    }

    private static JsonNode element(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        if (schema.has("items")) {
            return schema.get("items");
        }
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && additional.isObject() ? additional : null;
    }

    private Estimate comprehension(CelExpr e) {
        var c = e.comprehension();
        Estimate range = estimate(c.iterRange());
        JsonNode rangeSchema = range.schema();
        boolean isMap =
                rangeSchema != null && "object".equals(rangeSchema.path("type").asString(""));
        JsonNode elementSchema = isMap ? null : element(rangeSchema);
        JsonNode saved1 = scope.get(c.iterVar());
        boolean had1 = scope.containsKey(c.iterVar());
        String var2 = c.iterVar2();
        boolean had2 = var2 != null && !var2.isEmpty() && scope.containsKey(var2);
        JsonNode saved2 = had2 ? scope.get(var2) : null;
        if (var2 != null && !var2.isEmpty()) {
            // two variables: index (or key) and value
            scope.put(c.iterVar(), null);
            scope.put(var2, isMap ? element(rangeSchema) : elementSchema);
        } else {
            scope.put(c.iterVar(), isMap ? null : elementSchema);
        }
        Estimate init = estimate(c.accuInit());
        Estimate condition = estimate(c.loopCondition());
        Estimate step = estimate(c.loopStep());
        Estimate result = estimate(c.result());
        restore(c.iterVar(), had1, saved1);
        if (var2 != null && !var2.isEmpty()) {
            restore(var2, had2, saved2);
        }
        long perIteration = add(condition.cost(), step.cost());
        long cost = add(range.cost(), init.cost(), multiply(range.size(), perIteration), result.cost());
        // a filter gives elements of the range: they keep its schema
        Optional<CelType> type = ast.getType(e.id());
        JsonNode schema =
                type.isPresent() && type.equals(ast.getType(c.iterRange().id())) ? rangeSchema : null;
        return new Estimate(schema, range.size(), cost);
    }

    private void restore(String name, boolean had, JsonNode saved) {
        if (had) {
            scope.put(name, saved);
        } else {
            scope.remove(name);
        }
    }

    private Estimate call(CelExpr e) {
        var call = e.call();
        String fn = call.function();
        Estimate target = call.target().isPresent() ? estimate(call.target().get()) : null;
        Estimate[] args = new Estimate[call.args().size()];
        long cost = target == null ? 0 : target.cost();
        for (int i = 0; i < args.length; i++) {
            args[i] = estimate(call.args().get(i));
            cost = add(cost, args[i].cost());
        }
        Estimate first = target != null ? target : args.length > 0 ? args[0] : null;
        long firstSize = first == null ? 1 : first.size();
        switch (fn) {
            case "_[_]": {
                JsonNode s = element(args[0].schema());
                if (s == null && !sized(e)) {
                    return new Estimate(null, 1, add(cost, 1));
                }
                return new Estimate(s, s == null ? KubernetesCel.MAX_REQUEST_SIZE_BYTES : maxSize(s), add(cost, 1));
            }
            case "_&&_", "_||_", "_?_:_", "@not_strictly_false":
                // logical operators cost their operands only
                return new Estimate(null, 1, cost);
            case "!_", "-_", "size", "has":
                return new Estimate(null, 1, add(cost, 1));
            case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_": {
                long size = sized(call.args().get(0)) ? Math.min(args[0].size(), args[1].size()) : 0;
                return new Estimate(null, 1, add(cost, 1 + size / 10));
            }
            case "@in": {
                return new Estimate(null, 1, add(cost, args[1].size()));
            }
            case "_+_": {
                if (!sized(e)) {
                    return new Estimate(null, 1, add(cost, 1));
                }
                long size = add(args[0].size(), args[1].size());
                return new Estimate(null, size, add(cost, 1 + size / 10));
            }
            case "matches", "find", "findAll": {
                Estimate regex = target != null ? args[0] : args[1];
                long strCost = (firstSize + 9) / 10;
                long reCost = (regex.size() + 3) / 4;
                return new Estimate(null, firstSize, add(cost, multiply(Math.max(1, strCost), Math.max(1, reCost))));
            }
            case "contains",
                    "startsWith",
                    "endsWith",
                    "indexOf",
                    "lastIndexOf",
                    "lowerAscii",
                    "upperAscii",
                    "trim",
                    "replace",
                    "split",
                    "substring",
                    "charAt",
                    "join",
                    "quantity",
                    "isQuantity",
                    "url",
                    "isURL",
                    "ip",
                    "isIP",
                    "cidr",
                    "isCIDR",
                    "semver",
                    "isSemver",
                    "validate",
                    "string",
                    "bytes",
                    "isSorted",
                    "sum",
                    "min",
                    "max",
                    "sets.contains",
                    "sets.intersects",
                    "sets.equivalent": {
                long size = firstSize;
                if (fn.startsWith("sets.") && args.length == 2) {
                    size = multiply(args[0].size(), args[1].size());
                }
                return new Estimate(
                        null,
                        firstSize,
                        add(
                                cost,
                                1
                                        + size / 10
                                        + (fn.equals("isSorted")
                                                        || fn.startsWith("sets.")
                                                        || fn.equals("sum")
                                                        || fn.equals("min")
                                                        || fn.equals("max")
                                                ? size
                                                : 0)));
            }
            default:
                return new Estimate(null, firstSize, add(cost, 1));
        }
    }
}
