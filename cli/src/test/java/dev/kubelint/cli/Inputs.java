package dev.kubelint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small manifests with findings the engine reports by itself, whatever rules are installed. */
final class Inputs {

    static final String POD = manifest("pod.yaml");

    /** duplicate-key (error) at 7:3. */
    static final String DUP = manifest("dup.yaml");

    /** duplicate-key (error) at 5:24, after CJK text, an umlaut and a tab: terminal cell 32. */
    static final String WIDE = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\n"
            + "data: {\"\u65e5\u672c\u8a9e\": \"v\u00e4rde\",\t\"\u65e5\u672c\u8a9e\": \"x\"}\n";

    /** yaml-tag (warning) at 6:8. */
    static final String TAGGED = manifest("tagged.yaml");

    /** A valid ConfigMap, then yaml-syntax (error) at 7:1, past the last line. */
    static final String BROKEN = manifest("broken.yaml");

    private Inputs() {}

    /** The text of a manifest that the tests share, from {@code src/test/resources/manifests}. */
    static String manifest(String name) {
        try (InputStream in = Inputs.class.getResourceAsStream("/manifests/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test manifest " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All of them under k8s/: 3 errors, 1 warning in 5 files with 5 objects. */
    static Cli all(Cli cli) throws IOException {
        return cli.file("k8s/pod.yaml", POD)
                .file("k8s/dup.yaml", DUP)
                .file("k8s/wide.yaml", WIDE)
                .file("k8s/tagged.yaml", TAGGED)
                .file("k8s/broken.yaml", BROKEN);
    }
}
