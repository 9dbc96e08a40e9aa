package dev.kubelint.bench.jmh;

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
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlReader;
import dev.kubelint.schemas.BuiltinSchemas;
import dev.kubelint.schemas.GroupVersionKind;
import dev.kubelint.schemas.KindSchema;
import dev.kubelint.schemas.SchemaProblem;
import dev.kubelint.schemas.YamlToJson;
import tools.jackson.databind.JsonNode;

/**
 * Schema work per kind, on a valid embedded document: the YAML-to-JSON bridge ({@link YamlToJson#convert}),
 * validation of the converted tree against the strict schema of the newest bundled Kubernetes version, and both
 * as the schema rule runs them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchemaBenchmark {

    @Param({"pod", "deployment", "service", "namespace", "configmap"})
    public String input;

    private MappingNode object;
    private JsonNode json;
    private KindSchema schema;

    @Setup
    public void setUp() {
        object = (MappingNode) new YamlReader().read(input, BenchData.document(input)).documents().get(0).root()
                .orElseThrow();
        GroupVersionKind gvk = GroupVersionKind.of(object.string("apiVersion").orElseThrow(),
                object.string("kind").orElseThrow()).orElseThrow();
        schema = BuiltinSchemas.get().find(LintSettings.NEWEST_KUBERNETES_VERSION, gvk).orElseThrow();
        json = YamlToJson.convert(object).json();
        List<SchemaProblem> problems = schema.validate(json, true);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the " + input + " document should be valid: " + problems);
        }
    }

    @Benchmark
    public YamlToJson.Conversion bridge() {
        return YamlToJson.convert(object);
    }

    @Benchmark
    public List<SchemaProblem> validate() {
        return schema.validate(json, true);
    }

    @Benchmark
    public List<SchemaProblem> convertAndValidate() {
        return schema.validate(object, true);
    }
}
