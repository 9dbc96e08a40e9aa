package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing in a manifest makes kubelint reach the network: not a tag naming a URL class, not a schema reference,
 * not a URL in a value. Every HTTP or socket connection through Java's networking asks the default
 * {@link ProxySelector} first, so a recording one sees any attempt.
 */
class HostileNetworkTest {

    @TempDir
    Path dir;

    /** Records every destination asked about and refuses to route it. */
    static final class RecordingSelector extends ProxySelector {
        final List<URI> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<Proxy> select(URI uri) {
            asked.add(uri);
            throw new IllegalStateException("kubelint tried to reach " + uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            asked.add(uri);
        }
    }

    @Test
    void noManifestMakesKubelintReachTheNetwork() throws Exception {
        Files.writeString(
                dir.resolve("refs.yaml"),
                String.join(
                        "\n",
                        "apiVersion: v1",
                        "kind: ConfigMap",
                        "metadata:",
                        "  name: refs",
                        "  annotations:",
                        "    schema: http://127.0.0.1:9/schema.json",
                        "$schema: http://127.0.0.1:9/draft/schema",
                        "$ref: http://127.0.0.1:9/definitions.json#/Pod",
                        "data:",
                        "  $ref: https://127.0.0.1:9/external.json",
                        "---",
                        "apiVersion: example.com/v1",
                        "kind: Widget",
                        "metadata: {name: w}",
                        "spec:",
                        "  $ref: file:///etc/passwd",
                        "  url: !!java.net.URL [\"http://127.0.0.1:9/\"]",
                        "  loader: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]",
                        ""));
        Path tags = HostileCorpus.resources().resolve("tags");
        ProxySelector previous = ProxySelector.getDefault();
        RecordingSelector recording = new RecordingSelector();
        ProxySelector.setDefault(recording);
        try {
            CliRun run = CliRun.run(dir, List.of("--format", "json", "refs.yaml", tags.toString()))
                    .assertCalm();
            HostileInputTest.assertLinted(run, 7);
            assertTrue(
                    run.findings().stream().noneMatch(f -> f.message().contains("root:")),
                    "file:///etc/passwd was read");
            assertEquals(List.of(), recording.asked, "kubelint tried to reach the network");

            // the guard itself works: a real attempt is seen
            assertThrows(
                    Exception.class,
                    () -> URI.create("http://127.0.0.1:9/")
                            .toURL()
                            .openConnection()
                            .connect());
            assertEquals(1, recording.asked.size(), "the recording selector saw the control attempt");
        } finally {
            ProxySelector.setDefault(previous);
        }
    }
}
