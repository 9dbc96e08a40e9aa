package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The official OpenAPI documents the bundle is made from: a folder of release folders ({@code v1.23} ...
 * {@code v1.35}), given with {@code -Dkubelint.openapi=PATH} or found as {@code ../shared/k8s-openapi} beside the
 * repository. They are not part of the repository (about 110 MB); tests that need them are skipped without them.
 */
final class OpenApiDocuments {

    static final Path BUNDLE = Path.of("src/main/resources/dev/kubelint/schemas/bundle");

    private OpenApiDocuments() {}

    /** The folder, or a skipped test that says where it was looked for. */
    static Path folder() {
        String given = System.getProperty("kubelint.openapi");
        // the tests run in the module's folder, one below the repository's
        Path folder = given != null
                ? Path.of(given)
                : Path.of("")
                        .toAbsolutePath()
                        .getParent()
                        .resolveSibling("shared")
                        .resolve("k8s-openapi");
        assumeTrue(
                Files.isDirectory(folder.resolve("v1.35")),
                "skipped: the Kubernetes OpenAPI documents are not at " + folder
                        + " (give their folder with -Dkubelint.openapi=PATH to compare the bundle with them)");
        return folder;
    }
}
