package dev.kubelint.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * A compiled, type-checked expression, ready to evaluate any number of times from any thread. Evaluation is
 * metered: every evaluated step costs one unit plus one per ten characters or elements of the value it produces
 * (the API server's traversal cost), and an evaluation stops with {@link Evaluation#costLimitExceeded()} as soon as
 * it passes its limit, so that no expression can hang a scan.
 */
public final class CelExpression {

    private final String source;
    private final CelAbstractSyntaxTree ast;
    private final CelRuntime.Program program;

    CelExpression(String source, CelAbstractSyntaxTree ast, CelRuntime.Program program) {
        this.source = source;
        this.ast = ast;
        this.program = program;
    }

    public String source() {
        return source;
    }

    public CelAbstractSyntaxTree ast() {
        return ast;
    }

    /** The type the checker found for the whole expression. */
    public CelType resultType() {
        return ast.getResultType();
    }

    /** Whether the expression refers to a variable (such as {@code oldSelf}) anywhere. */
    public boolean references(String variable) {
        return references(ast.getExpr(), variable);
    }

    private static boolean references(CelExpr e, String variable) {
        return switch (e.exprKind().getKind()) {
            case IDENT -> e.ident().name().equals(variable);
            case SELECT -> references(e.select().operand(), variable);
            case CALL ->
                (e.call().target().isPresent() && references(e.call().target().get(), variable))
                        || e.call().args().stream().anyMatch(a -> references(a, variable));
            case LIST -> e.list().elements().stream().anyMatch(a -> references(a, variable));
            case MAP ->
                e.map().entries().stream()
                        .anyMatch(en -> references(en.key(), variable) || references(en.value(), variable));
            case STRUCT -> e.struct().entries().stream().anyMatch(en -> references(en.value(), variable));
            case COMPREHENSION ->
                references(e.comprehension().iterRange(), variable)
                        || references(e.comprehension().accuInit(), variable)
                        || references(e.comprehension().loopCondition(), variable)
                        || references(e.comprehension().loopStep(), variable)
                        || references(e.comprehension().result(), variable);
            default -> false;
        };
    }

    /** Thrown by the meter to stop an evaluation. */
    private static final class CostLimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CostLimitExceeded() {
            super("operation cancelled: actual cost limit exceeded", null, false, false);
        }
    }

    /** Counts the cost of an evaluation. */
    private static final class Meter implements CelEvaluationListener {
        private final long limit;
        private long cost;

        Meter(long limit) {
            this.limit = limit;
        }

        @Override
        public void callback(CelExpr expr, Object value) {
            long c = 1;
            if (value instanceof String s) {
                c += s.length() / 10;
            } else if (value instanceof java.util.Collection<?> l) {
                c += l.size() / 10;
            } else if (value instanceof Map<?, ?> m) {
                c += m.size() / 10;
            } else if (value instanceof CelByteString b) {
                c += b.size() / 10;
            }
            cost += c;
            if (cost > limit) {
                throw new CostLimitExceeded();
            }
        }
    }

    /**
     * Evaluates the expression.
     *
     * @param activation the values of the variables (as {@link CelValues} makes them)
     * @param costLimit  the largest cost allowed; evaluation stops beyond it
     */
    public Evaluation evaluate(Map<String, ?> activation, long costLimit) {
        Meter meter = new Meter(costLimit);
        try {
            Object value = program.trace(activation, meter);
            return new Evaluation(value, null, meter.cost, false);
        } catch (CostLimitExceeded e) {
            return new Evaluation(null, e.getMessage(), meter.cost, true);
        } catch (CelEvaluationException e) {
            if (hasCause(e, CostLimitExceeded.class)) {
                return new Evaluation(null, "operation cancelled: actual cost limit exceeded", meter.cost, true);
            }
            return new Evaluation(null, EvaluationErrors.goText(e), meter.cost, false);
        } catch (RuntimeException | StackOverflowError e) {
            if (hasCause(e, CostLimitExceeded.class)) {
                return new Evaluation(null, "operation cancelled: actual cost limit exceeded", meter.cost, true);
            }
            return new Evaluation(null, "internal error: " + e, meter.cost, false);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return source;
    }
}
