package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.rule.LintSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BundleGeneratorTest {

    /**
     * The committed bundle is exactly what the generator makes from the official documents: regenerate it with
     * {@code BundleGenerator <documents> schemas/src/main/resources/dev/kubelint/schemas/bundle} when it is not.
     */
    @Test
    void theCommittedBundleIsWhatTheGeneratorMakesFromTheDocuments() throws IOException {
        Map<String, byte[]> generated = BundleGenerator.generate(OpenApiDocuments.folder());
        Set<String> committed = new TreeSet<>();
        try (Stream<Path> files = Files.list(OpenApiDocuments.BUNDLE)) {
            files.forEach(f -> committed.add(f.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(generated.keySet()), committed, "the bundle's files");
        for (Map.Entry<String, byte[]> file : generated.entrySet()) {
            String expected = new String(file.getValue(), StandardCharsets.UTF_8);
            String actual = Files.readString(OpenApiDocuments.BUNDLE.resolve(file.getKey()));
            // assertEquals on two large texts prints them whole: say where they part instead
            int at = 0;
            while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
                at++;
            }
            assertTrue(
                    expected.equals(actual),
                    file.getKey() + " differs from the generator's output at character " + at + ": "
                            + excerpt(actual, at) + " instead of " + excerpt(expected, at));
        }
    }

    @Test
    void theBundleHasEveryReleaseOnceAndEachComponentOnce() throws IOException {
        Set<String> releases = new TreeSet<>();
        for (String version : LintSettings.KUBERNETES_VERSIONS) {
            assertTrue(Files.exists(OpenApiDocuments.BUNDLE.resolve(version + ".txt")), version);
            releases.add(version);
        }
        assertEquals(13, releases.size());
        Set<String> digests = new TreeSet<>();
        Set<String> texts = new TreeSet<>();
        for (String line : Files.readAllLines(OpenApiDocuments.BUNDLE.resolve(BundleGenerator.COMPONENTS))) {
            assertTrue(digests.add(line.substring(0, BundleGenerator.DIGEST_LENGTH)), "a digest stored twice");
            assertTrue(texts.add(line.substring(BundleGenerator.DIGEST_LENGTH + 1)), "a schema stored twice");
        }
        // far fewer distinct schemas than the 13 releases name (about 7,500)
        int named = 0;
        for (String version : releases) {
            for (String line : Files.readAllLines(OpenApiDocuments.BUNDLE.resolve(version + ".txt"))) {
                if (line.startsWith("schema\t")) {
                    named++;
                    assertTrue(digests.contains(line.split("\t")[2]), line);
                }
            }
        }
        assertTrue(digests.size() * 4 < named, digests.size() + " distinct schemas for " + named + " named");
    }

    private static String excerpt(String text, int at) {
        return "\"" + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)) + "\"";
    }
}
