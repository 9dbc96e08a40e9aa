package dev.kubelint.core.manifest;

import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One Kubernetes object of the input: a document, or an item of a {@code kind: List} document. Its
 * {@link #root()} is the object's mapping; pointers of its nodes are from the document root, so an item of a
 * List has pointers under {@code /items/N}.
 */
public final class Manifest {

    private final SourceFile source;
    private final int documentIndex;
    private final MappingNode root;
    private final ObjectRef ref;
    /** Views computed by {@link #derived}; null until the first. */
    private Map<Object, Object> derived;

    public Manifest(SourceFile source, int documentIndex, MappingNode root) {
        this.source = source;
        this.documentIndex = documentIndex;
        this.root = root;
        MappingNode metadata = root.mapping("metadata").orElse(null);
        this.ref = new ObjectRef(
                root.scalar("apiVersion").map(s -> s.asText()).orElse(""),
                root.scalar("kind").map(s -> s.asText()).orElse(""),
                metadata == null
                        ? ""
                        : metadata.scalar("namespace").map(s -> s.asText()).orElse(""),
                metadata == null
                        ? ""
                        : metadata.scalar("name")
                                .map(s -> s.asText())
                                .or(() -> metadata.scalar("generateName").map(s -> s.asText() + "*"))
                                .orElse(""));
    }

    /**
     * The objects this document holds, as the engine checks them: the document itself, or, when it is a
     * {@code kind: List} (a kind ending in {@code List}, with {@code items}), each item in order. An item that is not
     * a mapping is no object; it is handed to {@code notAnObject}.
     */
    public List<Manifest> objects(Consumer<YamlNode> notAnObject) {
        Optional<SequenceNode> items = root.sequence("items");
        if (!kind().endsWith("List") || items.isEmpty()) {
            return List.of(this);
        }
        List<Manifest> objects = new ArrayList<>();
        for (YamlNode item : items.get().items()) {
            if (item instanceof MappingNode mapping) {
                objects.add(new Manifest(source, documentIndex, mapping));
            } else {
                notAnObject.accept(item);
            }
        }
        return objects;
    }

    public SourceFile source() {
        return source;
    }

    public int documentIndex() {
        return documentIndex;
    }

    public MappingNode root() {
        return root;
    }

    public ObjectRef ref() {
        return ref;
    }

    public String apiVersion() {
        return ref.apiVersion();
    }

    public String kind() {
        return ref.kind();
    }

    /** The API group: "" for the core group ({@code v1}), "apps" for {@code apps/v1}. */
    public String group() {
        int slash = ref.apiVersion().indexOf('/');
        return slash < 0 ? "" : ref.apiVersion().substring(0, slash);
    }

    public String name() {
        return ref.name();
    }

    /** The namespace the manifest names, empty when it names none. */
    public String namespace() {
        return ref.namespace();
    }

    /** Whether this object is an item of a List document rather than a document of its own. */
    public boolean isListItem() {
        return !root.pointer().isEmpty();
    }

    public Optional<MappingNode> metadata() {
        return root.mapping("metadata");
    }

    /** The object's labels (string values only), in source order. */
    public java.util.Map<String, String> labels() {
        return stringMap("labels");
    }

    public java.util.Map<String, String> annotations() {
        return stringMap("annotations");
    }

    private java.util.Map<String, String> stringMap(String key) {
        return metadata()
                .flatMap(m -> m.mapping(key))
                .map(MappingNode::scalarTexts)
                .orElseGet(java.util.LinkedHashMap::new);
    }

    /**
     * A view of this object that many rules need (its pod spec, see {@link dev.kubelint.core.kube.PodSpecs#of}),
     * computed on the first request and kept for the object's lifetime, so that it is built once per object
     * rather than once per rule. {@code key} names the view (the class that owns it); {@code compute} must
     * depend on nothing but the manifest and must not return null.
     */
    public synchronized <T> T derived(Object key, Function<Manifest, T> compute) {
        if (derived == null) {
            derived = new HashMap<>(4);
        }
        @SuppressWarnings("unchecked")
        T value = (T) derived.get(key);
        if (value == null) {
            value = compute.apply(this);
            derived.put(key, value);
        }
        return value;
    }

    @Override
    public String toString() {
        return source.displayName() + "#" + documentIndex + " " + ref.describe();
    }
}
