package dev.kubelint.bench.jmh;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.kubelint.bench.BenchData;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.rule.RuleCatalog;

/**
 * The engine on one in-memory file of 100 documents (standard input, one job), with every rule the class path
 * provides ("all", as the command line runs), with none ("none": reading, the manifest model and the engine's
 * own bookkeeping), or with one rule given by its id. The difference to "none" is the cost of those rules.
 *
 * <p>The input is 100 generated documents of the benchmark folders' mix ("mix"), or 100 copies of one embedded
 * document, each with its own name ("pod", "deployment", "service", "namespace", "configmap"): with
 * {@code -p rules=schema-conformance -p input=pod} this measures schema validation per kind.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RulePassBenchmark {

    /** "all", "none", or a rule id. */
    @Param({"all", "none"})
    public String rules;

    @Param({"mix"})
    public String input;

    private byte[] bytes;
    private LintRequest request;
    private final Linter linter = new Linter();

    @Setup
    public void setUp() throws Linter.InputException {
        String text = input.equals("mix") ? BenchData.stream(100) : BenchData.repeated(input, 100);
        bytes = text.getBytes(StandardCharsets.UTF_8);
        RuleCatalog all = RuleCatalog.load(RulePassBenchmark.class.getClassLoader());
        RuleCatalog catalog = switch (rules) {
            case "all" -> all;
            case "none" -> RuleCatalog.of(List.of());
            default -> RuleCatalog.of(List.of(all.find(rules).orElseThrow(
                    () -> new IllegalArgumentException("no rule " + rules + " on the class path"))));
        };
        request = LintRequest.of(List.of("-"), Paths.get("").toAbsolutePath(), catalog).withJobs(1);
        LintResult check = lint();
        if (check.files().get(0).objectCount() < 90) {
            throw new IllegalStateException("expected 100 objects, got " + check.files().get(0).objectCount());
        }
        System.err.println("# " + catalog.all().size() + " rules, " + check.findings().size() + " findings per run");
    }

    @Benchmark
    public LintResult lint() throws Linter.InputException {
        return linter.lint(request.withStdin(new ByteArrayInputStream(bytes)));
    }
}
