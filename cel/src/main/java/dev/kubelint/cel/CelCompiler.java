package dev.kubelint.cel;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Compiles expressions over a fixed set of variables in a {@link KubernetesCel} environment. Thread-safe. */
public final class CelCompiler {

    /** The API server's limit on the length of one expression ({@code MaxRequestSizeBytes}-derived). */
    public static final int MAX_EXPRESSION_LENGTH = 1024 * 1024;

    /** The most compilations a caching compiler keeps. */
    private static final int CACHE_LIMIT = 20_000;

    private final KubernetesCel environment;
    private final Cel cel;
    private final Map<String, Compilation> cache;

    CelCompiler(KubernetesCel environment, Cel cel, boolean caching) {
        this.environment = environment;
        this.cel = cel;
        this.cache = caching ? new ConcurrentHashMap<>() : null;
    }

    public KubernetesCel environment() {
        return environment;
    }

    /**
     * Parses and type-checks an expression.
     *
     * @return the compiled expression, or the problems in the API server's words ("ERROR: &lt;input&gt;:1:5:
     * undefined field 'foo'"), one line each
     */
    public Compilation compile(String source) {
        if (cache == null) {
            return compileNow(source);
        }
        Compilation c = cache.get(source);
        if (c == null) {
            c = compileNow(source);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(source, c);
            }
        }
        return c;
    }

    private Compilation compileNow(String source) {
        CelValidationResult result;
        try {
            result = cel.compile(source);
        } catch (RuntimeException e) {
            return Compilation.failed(List.of("ERROR: <input>: " + e.getMessage()));
        }
        if (result.hasError()) {
            List<String> problems = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                problems.add(issue.toDisplayString(result.getSource())
                        .lines()
                        .findFirst()
                        .orElse(issue.getMessage()));
            }
            return Compilation.failed(problems);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return Compilation.of(new CelExpression(source, ast, cel.createProgram(ast)));
        } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
            return Compilation.failed(List.of("ERROR: <input>: " + e.getMessage()));
        }
    }
}
