package dev.kubelint.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.input.CoreRule;
import dev.kubelint.core.source.SourceLoader;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ReadLimits.Limit;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each reader limit has a safe default, can be raised through {@link LintRequest#withLimits}, and when hit gives
 * an input-limit finding that names the limit and says how to raise it.
 */
class ReadLimitsTest {

    private static final RuleCatalog CORE = RuleCatalog.of(CoreRule.descriptors());

    @TempDir
    Path dir;

    private List<Finding> lint(String text, ReadLimits limits) throws Exception {
        Files.writeString(dir.resolve("input.yaml"), text, StandardCharsets.UTF_8);
        return new Linter()
                .lint(LintRequest.of(List.of("input.yaml"), dir, CORE)
                        .withLimits(limits)
                        .withJobs(1))
                .findings();
    }

    private void assertLimit(String text, Limit limit, long low, String position) throws Exception {
        ReadLimits tight = ReadLimits.DEFAULTS.with(limit, low);
        List<Finding> hit = lint(text, tight);
        assertEquals(1, hit.size(), hit.toString());
        Finding f = hit.get(0);
        assertEquals("input-limit", f.ruleId());
        assertEquals(position, f.location().line() + ":" + f.location().column());
        assertTrue(f.message().contains(limit.key()), "names the limit: " + f.message());
        assertTrue(f.message().contains("--limit " + limit.key() + "=N"), "says how to raise it: " + f.message());
        assertEquals(List.of(), lint(text, ReadLimits.DEFAULTS), "the default lets this input through");
    }

    @Test
    void fileSize() throws Exception {
        assertLimit("a: " + "x".repeat(5000) + "\n", Limit.FILE_SIZE, 1000, "1:1");
    }

    @Test
    void documentsPerFile() throws Exception {
        assertLimit("---\na: 1\n".repeat(30), Limit.DOCUMENTS, 10, "21:1");
    }

    @Test
    void nestingDepth() throws Exception {
        assertLimit("a: " + "[".repeat(40) + "]".repeat(40) + "\n", Limit.DEPTH, 20, "1:23");
    }

    @Test
    void aliasExpansion() throws Exception {
        StringBuilder text = new StringBuilder("x0: &a0 [0, 0]\n");
        for (int i = 1; i <= 10; i++) {
            text.append("x")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [*a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append("]\n");
        }
        assertLimit(text.toString(), Limit.ALIAS_NODES, 1000, "8:15");
    }

    @Test
    void scalarLength() throws Exception {
        assertLimit("a: b\nc: " + "x".repeat(5000) + "\n", Limit.SCALAR_LENGTH, 1000, "2:4");
    }

    @Test
    void theDefaultsFitRealManifestsAndStopHostileOnes() {
        ReadLimits d = ReadLimits.DEFAULTS;
        assertEquals(16L * 1024 * 1024, d.maxFileBytes());
        assertEquals(20_000, d.maxDocuments());
        assertEquals(256, d.maxDepth());
        assertEquals(100_000, d.maxAliasNodes());
        assertEquals(2 * 1024 * 1024, d.maxScalarLength());
    }

    /** The bytes this thread allocated while running {@code task}. */
    private static long allocated(Runnable task) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        task.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("fifty-megabytes.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write("data: ".getBytes(StandardCharsets.US_ASCII));
            file.setLength(50L * 1024 * 1024); // sparse: nothing is written to disk
        }
        SourceScanner.Input input = new SourceScanner.Input(Optional.of(big), "fifty-megabytes.yaml");
        SourceLoader loader = new SourceLoader(ReadLimits.DEFAULTS);
        loader.load(input, java.io.InputStream.nullInputStream()); // warm up
        SourceLoader.Loaded[] loaded = new SourceLoader.Loaded[1];
        long refused = allocated(() -> loaded[0] = loader.load(input, java.io.InputStream.nullInputStream()));
        assertTrue(loaded[0].source().isEmpty());
        assertTrue(loaded[0].problem().orElseThrow().message().contains(Limit.FILE_SIZE.key()));
        assertTrue(refused < 1024 * 1024, "refusing the file allocated " + refused + " bytes: it was read");

        // the measurement does see a read: the same file under a raised limit costs its size and more
        SourceLoader generous = new SourceLoader(ReadLimits.DEFAULTS.with(Limit.FILE_SIZE, 64L * 1024 * 1024));
        long read = allocated(() -> loaded[0] = generous.load(input, java.io.InputStream.nullInputStream()));
        assertTrue(read >= 50L * 1024 * 1024, "reading the file allocated only " + read + " bytes");
    }

    @Test
    void theSizeLimitMessageNamesEachNumberOnce() {
        SourceLoader loader = new SourceLoader(ReadLimits.DEFAULTS.with(Limit.FILE_SIZE, 1000));
        byte[] text = ("a: " + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8);
        SourceScanner.Input stdin = new SourceScanner.Input(Optional.empty(), "<stdin>");
        String piped = loader.load(stdin, new java.io.ByteArrayInputStream(text))
                .problem()
                .orElseThrow()
                .message();
        assertTrue(
                piped.startsWith("input is longer than the limit of 1000 bytes (max-file-bytes); it was not read"),
                piped);
        Path file = dir.resolve("big.yaml");
        try {
            Files.write(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String regular = loader.load(
                        new SourceScanner.Input(Optional.of(file), "big.yaml"), java.io.InputStream.nullInputStream())
                .problem()
                .orElseThrow()
                .message();
        assertTrue(
                regular.startsWith("file has 5004 bytes, more than the limit of 1000 bytes (max-file-bytes)"), regular);
    }
}
