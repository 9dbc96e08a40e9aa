package dev.kubelint.schemas;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.rule.LintSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue of the bundled Kubernetes schemas: for each bundled Kubernetes version, the API versions it
 * serves (one vendored OpenAPI document each) and the kinds each serves, read from the documents'
 * {@code x-kubernetes-group-version-kind}. The build derives one small schema per kind from the documents
 * ({@code BundleGenerator}); this class loads a kind's schema the first time it is asked for, and keeps it for
 * the life of the JVM.
 */
public final class BuiltinSchemas {

    static final String BUNDLE = "/dev/kubelint/schemas/bundle/";

    private static final class Holder {
        static final BuiltinSchemas INSTANCE = new BuiltinSchemas();
    }

    /** A kind's entry in a version's index: its schema file and the component that is its root. */
    record Entry(String file, String definition) {
    }

    private final Map<String, Map<String, Map<String, Entry>>> indexes = new ConcurrentHashMap<>();
    private final Map<String, Optional<KindSchema>> schemas = new ConcurrentHashMap<>();
    private volatile Set<String> groups;

    private BuiltinSchemas() {
    }

    public static BuiltinSchemas get() {
        return Holder.INSTANCE;
    }

    /** The bundled Kubernetes versions, oldest first. */
    public List<String> kubernetesVersions() {
        return LintSettings.KUBERNETES_VERSIONS;
    }

    public boolean isBundled(String kubernetesVersion) {
        return kubernetesVersions().contains(kubernetesVersion);
    }

    /** The API versions ("v1", "apps/v1", ...) a Kubernetes version serves, sorted. */
    public SortedSet<String> apiVersions(String kubernetesVersion) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(index(kubernetesVersion).keySet()));
    }

    public boolean serves(String kubernetesVersion, String apiVersion) {
        return index(kubernetesVersion).containsKey(apiVersion);
    }

    /** The kinds an API version serves in a Kubernetes version; empty when it does not serve the API version. */
    public SortedSet<String> kinds(String kubernetesVersion, String apiVersion) {
        Map<String, Entry> kinds = index(kubernetesVersion).get(apiVersion);
        return kinds == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(kinds.keySet()));
    }

    public boolean serves(String kubernetesVersion, GroupVersionKind gvk) {
        return kinds(kubernetesVersion, gvk.apiVersion()).contains(gvk.kind());
    }

    /** The API versions that serve a kind in a Kubernetes version, the preferred one first. */
    public List<String> apiVersionsServing(String kubernetesVersion, String kind) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Map<String, Entry>> e : index(kubernetesVersion).entrySet()) {
            if (e.getValue().containsKey(kind)) {
                result.add(e.getKey());
            }
        }
        result.sort((a, b) -> {
            GroupVersionKind ga = GroupVersionKind.of(a, kind).orElseThrow();
            GroupVersionKind gb = GroupVersionKind.of(b, kind).orElseThrow();
            int byVersion = ApiVersionOrder.PREFERRED_FIRST.compare(ga.version(), gb.version());
            return byVersion != 0 ? byVersion : a.compareTo(b);
        });
        return result;
    }

    /** Every API group that some bundled version serves ("" is the core group). */
    public Set<String> groups() {
        Set<String> g = groups;
        if (g == null) {
            Set<String> all = new TreeSet<>();
            for (String version : kubernetesVersions()) {
                for (String apiVersion : index(version).keySet()) {
                    int slash = apiVersion.indexOf('/');
                    all.add(slash < 0 ? "" : apiVersion.substring(0, slash));
                }
            }
            g = Collections.unmodifiableSet(all);
            groups = g;
        }
        return g;
    }

    /**
     * Does now what the first object of a Kubernetes version would do anyway: reads the version's index (and with
     * it loads the JSON parser that reads each kind's schema). A command-line run calls this on a second thread
     * while it reads its options and configuration, so that the first object does not wait for it. The validator
     * itself is not set up here: objects that the fast check calls valid never need it.
     */
    public void warmUp(String kubernetesVersion) {
        if (isBundled(kubernetesVersion)) {
            index(kubernetesVersion);
        }
    }

    /** The schema of a built-in kind, loaded on first use. */
    public Optional<KindSchema> find(String kubernetesVersion, GroupVersionKind gvk) {
        Map<String, Entry> kinds = index(kubernetesVersion).get(gvk.apiVersion());
        if (kinds == null || !kinds.containsKey(gvk.kind())) {
            return Optional.empty();
        }
        return schemas.computeIfAbsent(kubernetesVersion + " " + gvk, k -> Optional.of(newSchema(kubernetesVersion,
                gvk, kinds.get(gvk.kind()))));
    }

    private KindSchema newSchema(String kubernetesVersion, GroupVersionKind gvk, Entry entry) {
        String resource = BUNDLE + kubernetesVersion + "/" + entry.file();
        String fragment = "/components/schemas/" + entry.definition();
        return new KindSchema(gvk, "Kubernetes " + kubernetesVersion, "kubelint:/builtin/" + kubernetesVersion + "/"
                + entry.file(), fragment, strict -> prepare(read(resource), strict), SchemaEngine.shared());
    }

    /**
     * Marks quantities for parsing and, when strict, closes the object schemas. The generated file is read afresh
     * for each strictness, so the two compiled variants share nothing.
     */
    static JsonNode prepare(JsonNode document, boolean strict) {
        JsonNode components = document.path("components").path("schemas");
        if (components.get(SchemaTrees.QUANTITY) instanceof ObjectNode quantity) {
            quantity.put("format", KubeFormats.QUANTITY);
        }
        if (strict) {
            components.forEach(SchemaTrees::closeObjects);
        }
        return document;
    }

    /**
     * The component schemas that ObjectMeta needs, from the newest bundled version; custom resources get the
     * same metadata validation as built-in objects.
     */
    JsonNode objectMetaComponents() {
        String newest = kubernetesVersions().get(kubernetesVersions().size() - 1);
        Entry configMap = index(newest).get("v1").get("ConfigMap");
        JsonNode components = read(BUNDLE + newest + "/" + configMap.file()).path("components").path("schemas");
        ObjectNode result = JsonTrees.nodes().objectNode();
        for (String name : SchemaTrees.closure(components, SchemaTrees.OBJECT_META)) {
            result.set(name, components.get(name));
        }
        return result;
    }

    private Map<String, Map<String, Entry>> index(String kubernetesVersion) {
        if (!isBundled(kubernetesVersion)) {
            throw new IllegalArgumentException("kubelint has no schemas for Kubernetes " + kubernetesVersion
                    + "; it bundles " + String.join(", ", kubernetesVersions()));
        }
        return indexes.computeIfAbsent(kubernetesVersion, BuiltinSchemas::readIndex);
    }

    private static Map<String, Map<String, Entry>> readIndex(String kubernetesVersion) {
        JsonNode index = read(BUNDLE + kubernetesVersion + "/index.json");
        Map<String, Map<String, Entry>> result = new TreeMap<>();
        for (Map.Entry<String, JsonNode> apiVersion : index.path("apiVersions").properties()) {
            Map<String, Entry> kinds = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> kind : apiVersion.getValue().properties()) {
                kinds.put(kind.getKey(), new Entry(kind.getValue().path("file").asString(),
                        kind.getValue().path("definition").asString()));
            }
            result.put(apiVersion.getKey(), Collections.unmodifiableMap(kinds));
        }
        return Collections.unmodifiableMap(result);
    }

    private static JsonNode read(String resource) {
        InputStream in = BuiltinSchemas.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the bundled schema " + resource + " is missing from the class path;"
                    + " the schemas module generates it when it is built with Maven");
        }
        return JsonTrees.parse(in);
    }
}
