package dev.kubelint.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The manifests the tests lint, kept as files under {@code src/test/resources/manifests}. */
final class Manifests {

    private static final Path FOLDER = Path.of("src/test/resources/manifests");

    private Manifests() {}

    static String read(String name) {
        try {
            return Files.readString(FOLDER.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
