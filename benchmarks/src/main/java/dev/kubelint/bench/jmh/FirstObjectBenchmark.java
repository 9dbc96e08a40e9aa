package dev.kubelint.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.kubelint.bench.BenchData;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlReader;
import dev.kubelint.schemas.BuiltinSchemas;
import dev.kubelint.schemas.GroupVersionKind;
import dev.kubelint.schemas.SchemaProblem;

/**
 * The first object's latency in a fresh JVM: finding the bundled schema of its kind (reading the release's index
 * and the schemas it needs from the jar), preparing it and validating the object, once per fork. The object is
 * read before the measurement. Run with several forks for a spread: {@code bench/jmh.sh FirstObject -f 20}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 10, jvmArgsAppend = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstObjectBenchmark {

    @Param({"pod", "deployment"})
    public String input;

    @Param({"1.35"})
    public String kubernetesVersion;

    private MappingNode object;
    private GroupVersionKind gvk;

    @Setup
    public void setUp() {
        object = (MappingNode) new YamlReader().read(input, BenchData.document(input)).documents().get(0).root()
                .orElseThrow();
        gvk = GroupVersionKind.of(object.string("apiVersion").orElseThrow(), object.string("kind").orElseThrow())
                .orElseThrow();
        if (!LintSettings.KUBERNETES_VERSIONS.contains(kubernetesVersion)) {
            throw new IllegalStateException("not a bundled release: " + kubernetesVersion);
        }
    }

    @Benchmark
    public List<SchemaProblem> firstObject() {
        List<SchemaProblem> problems = BuiltinSchemas.get().find(kubernetesVersion, gvk).orElseThrow()
                .validate(object, true);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the " + input + " document should be valid: " + problems);
        }
        return problems;
    }
}
