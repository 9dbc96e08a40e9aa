package dev.kubelint.schemas;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: YAML text to trees and to schema problems. */
final class Yaml {

    private Yaml() {}

    /** The text of a manifest that the tests share, from {@code src/test/resources/manifests}. */
    static String manifest(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/manifests", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MappingNode parse(String text) {
        ReadResult read = new YamlReader().read("test.yaml", text);
        if (!read.problems().isEmpty()) {
            throw new AssertionError("test YAML does not read: " + read.problems());
        }
        return (MappingNode) read.documents().get(0).root().orElseThrow();
    }

    /** Validates against the built-in schema of the object's own apiVersion and kind. */
    static List<SchemaProblem> validate(String kubernetesVersion, String text, boolean strict) {
        MappingNode root = parse(text);
        GroupVersionKind gvk = GroupVersionKind.of(
                        root.string("apiVersion").orElseThrow(),
                        root.string("kind").orElseThrow())
                .orElseThrow();
        KindSchema schema = BuiltinSchemas.get()
                .find(kubernetesVersion, gvk)
                .orElseThrow(() -> new AssertionError("no schema for " + gvk));
        return schema.validate(root, strict);
    }

    static List<SchemaProblem> validate(String text) {
        return validate("1.35", text, true);
    }

    static List<String> messages(List<SchemaProblem> problems) {
        return problems.stream().map(SchemaProblem::message).toList();
    }
}
