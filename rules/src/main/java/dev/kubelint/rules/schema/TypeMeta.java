package dev.kubelint.rules.schema;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.schemas.ApiLifecycle;
import dev.kubelint.schemas.GroupVersionKind;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An object's apiVersion and kind, when both are usable strings (missing-type-meta reports the rest). */
final class TypeMeta {

    private TypeMeta() {}

    /** Keys of the per-object resolutions, one per Kubernetes version. */
    private static final Map<String, Object> RESOLUTION_KEYS = new ConcurrentHashMap<>();

    /** The object's type, read once per object (several rules ask, some of them under the engine's lock). */
    static Optional<GroupVersionKind> of(Manifest manifest) {
        return manifest.derived(TypeMeta.class, TypeMeta::read);
    }

    /** What the bundled schemas of a Kubernetes version say about the object's type, once per object and version. */
    static ApiLifecycle.Resolution resolve(Manifest manifest, GroupVersionKind gvk, String kubernetesVersion) {
        Object key = RESOLUTION_KEYS.computeIfAbsent(kubernetesVersion, v -> new Object());
        return manifest.derived(key, m -> RunSchemas.lifecycle().resolve(kubernetesVersion, gvk));
    }

    private static Optional<GroupVersionKind> read(Manifest manifest) {
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
