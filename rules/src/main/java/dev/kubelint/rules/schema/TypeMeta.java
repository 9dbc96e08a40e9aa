package dev.kubelint.rules.schema;

import java.util.Optional;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.schemas.GroupVersionKind;

/** An object's apiVersion and kind, when both are usable strings (missing-type-meta reports the rest). */
final class TypeMeta {

    private TypeMeta() {
    }

    static Optional<GroupVersionKind> of(Manifest manifest) {
        MappingNode root = manifest.root();
        Optional<String> apiVersion = root.string("apiVersion");
        Optional<String> kind = root.string("kind");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        return GroupVersionKind.of(apiVersion.get(), kind.get());
    }

    /** The apiVersion value, for findings about it (the object when absent). */
    static YamlNode apiVersionNode(Manifest manifest) {
        return manifest.root().get("apiVersion").orElse(manifest.root());
    }

    static YamlNode kindNode(Manifest manifest) {
        return manifest.root().get("kind").orElse(manifest.root());
    }
}
