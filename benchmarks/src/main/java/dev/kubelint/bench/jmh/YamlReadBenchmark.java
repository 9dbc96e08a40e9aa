package dev.kubelint.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.YamlReader;

/**
 * Reading: decoding a file's bytes ({@link SourceLoader#decode}) and composing its YAML into the tree with
 * positions ({@link YamlReader#read}), per document kind and for a file of ten generated documents.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class YamlReadBenchmark {

    /** An embedded document, or "stream10": ten generated documents, as in a file of the 10k folder. */
    @Param({"pod", "deployment", "service", "namespace", "stream10"})
    public String input;

    private String text;
    private byte[] bytes;
    private YamlReader reader;
    private SourceScanner.Input source;

    @Setup
    public void setUp() {
        text = input.equals("stream10") ? BenchData.stream(10) : BenchData.document(input);
        bytes = text.getBytes(StandardCharsets.UTF_8);
        reader = new YamlReader();
        source = new SourceScanner.Input(Optional.empty(), SourceFile.STDIN);
        ReadResult check = reader.read(input, text);
        if (check.documents().isEmpty()) {
            throw new IllegalStateException("the benchmark input reads as nothing");
        }
    }

    @Benchmark
    public ReadResult read() {
        return reader.read(input, text);
    }

    @Benchmark
    public SourceLoader.Loaded decode() {
        return SourceLoader.decode(source, bytes);
    }
}
