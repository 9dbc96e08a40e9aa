package dev.kubelint.bench.jmh;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.LabelSelectorException;

/**
 * The label selector: parsing kubectl's string grammar (as {@code -l} and rule scopes give it) and matching a
 * typical set of labels.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LabelSelectorBenchmark {

    @Param({"equality", "set-based"})
    public String kind;

    private static final Map<String, String> SELECTORS = Map.of(
            "equality", "app.kubernetes.io/name=catalog,tier!=cache",
            "set-based", "app.kubernetes.io/name in (catalog,checkout),environment notin (dev),!legacy,team");

    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", "catalog",
            "app.kubernetes.io/part-of", "shop", "team", "storefront", "tier", "backend", "environment", "prod");

    private String text;
    private LabelSelector selector;

    @Setup
    public void setUp() throws LabelSelectorException {
        text = SELECTORS.get(kind);
        selector = LabelSelector.parse(text);
        if (!selector.matches(LABELS)) {
            throw new IllegalStateException(text + " should match " + LABELS);
        }
    }

    @Benchmark
    public LabelSelector parse() throws LabelSelectorException {
        return LabelSelector.parse(text);
    }

    @Benchmark
    public boolean match() {
        return selector.matches(LABELS);
    }
}
