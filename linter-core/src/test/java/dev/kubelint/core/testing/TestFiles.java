package dev.kubelint.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files that tests write below their temporary folder. */
public final class TestFiles {

    private TestFiles() {}

    /** Writes {@code text} in UTF-8 to {@code relative} below {@code dir}, creating the folders on the way. */
    public static Path write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
