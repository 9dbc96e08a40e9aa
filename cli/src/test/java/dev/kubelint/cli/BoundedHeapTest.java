package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Files under the size limit built to exhaust memory are checked in a child JVM with a heap of 512 MiB, and the
 * report stays small: the per-file budgets (nodes, findings per rule, message length) hold whatever the file.
 */
class BoundedHeapTest {

    @TempDir
    Path dir;

    private static String justUnderTheAliasBudget() {
        return "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d]\n";
    }

    /** One value of a megabyte under an anchor, and 3,000 keys that alias it, as labels and as annotations. */
    private static String aliasedMegabyte(String field) {
        StringBuilder b =
                new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  " + field + ":\n");
        b.append("    a: &v ").append("x".repeat(1024 * 1024)).append('\n');
        for (int i = 0; i < 3000; i++) {
            b.append("    k").append(i).append(": *v\n");
        }
        return b.toString();
    }

    @Test
    void hostileFilesUnderTheSizeLimitAreCheckedIn512MiB() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("alias-documents.yaml"), ("---\n" + justUnderTheAliasBudget()).repeat(1000));
        Files.writeString(in.resolve("aliased-label.yaml"), aliasedMegabyte("labels"));
        Files.writeString(in.resolve("aliased-annotation.yaml"), aliasedMegabyte("annotations"));
        StringBuilder keys = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n");
        for (int i = 0; i < 1_000_000; i++) {
            keys.append("  k: v\n");
        }
        Files.writeString(in.resolve("duplicate-keys.yaml"), keys);
        for (Path p : List.of(in.resolve("alias-documents.yaml"), in.resolve("duplicate-keys.yaml"))) {
            assertTrue(Files.size(p) < 16L * 1024 * 1024, p + " is under the size limit");
        }

        Path report = dir.resolve("report.json");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--format",
                "json",
                "-o",
                report.toString(),
                "--jobs",
                "1",
                in.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "a guard against hangs, not a performance target");
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertFalse(out.contains("OutOfMemoryError"), out);
        assertEquals(Main.FINDINGS, process.exitValue(), out);

        assertTrue(Files.size(report) < 20L * 1024 * 1024, "the report has " + Files.size(report) + " bytes");
        JsonNode json = Consumers.json(Files.readString(report, StandardCharsets.UTF_8));
        List<String> messages = new ArrayList<>();
        json.get("findings")
                .forEach(f -> messages.add(f.get("file").asString() + " "
                        + f.get("ruleId").asString() + " " + f.get("message").asString()));
        assertTrue(
                messages.stream()
                        .anyMatch(m -> m.contains("alias-documents.yaml input-limit")
                                && m.contains("more than 1000000 nodes")),
                String.join("\n", messages).substring(0, 2000));
        assertTrue(messages.stream()
                .anyMatch(m -> m.contains("duplicate-keys.yaml") && m.contains("more than 1000000 nodes")));
        for (String aliased : List.of("aliased-label.yaml", "aliased-annotation.yaml")) {
            assertTrue(
                    messages.stream().anyMatch(m -> m.contains(aliased + " input-limit aliases copy more than")),
                    aliased + ": " + messages);
        }
        assertTrue(messages.stream().allMatch(m -> m.length() < 5000), "messages quoting the megabyte are cut");
    }
}
