package dev.kubelint.schemas;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.util.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue of the bundled Kubernetes schemas: for each bundled Kubernetes release, the API versions it
 * serves (one official OpenAPI document each) and the kinds each serves, read from the documents'
 * {@code x-kubernetes-group-version-kind}. The bundle is derived from the documents by {@link BundleGenerator}
 * and stores each distinct component schema once; this class assembles a kind's schema from it the first time it
 * is asked for, and keeps it for the life of the JVM.
 */
public final class BuiltinSchemas {

    static final String BUNDLE = "/dev/kubelint/schemas/bundle/";

    private static final class Holder {
        static final BuiltinSchemas INSTANCE = new BuiltinSchemas();
    }

    /** A kind's entry in a release's index: the component that is its root. */
    record Entry(String definition) {}

    /** A release's index: API versions and their kinds, and where each component is in the bundle, by name. */
    private record Release(String version, Map<String, Map<String, Entry>> apiVersions, Map<String, Integer> offsets) {
        String definition(GroupVersionKind gvk) {
            Map<String, Entry> kinds = apiVersions.get(gvk.apiVersion());
            Entry entry = kinds == null ? null : kinds.get(gvk.kind());
            return entry == null ? null : entry.definition();
        }
    }

    private final Map<String, Release> releases = new ConcurrentHashMap<>();
    private final Map<String, Optional<KindSchema>> schemas = new ConcurrentHashMap<>();
    private final Lazy<Components> components =
            Lazy.of(() -> new Components(readBytes(BUNDLE + BundleGenerator.COMPONENTS)));
    private volatile Set<String> groups;

    private BuiltinSchemas() {}

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
        return Collections.unmodifiableSortedSet(
                new TreeSet<>(index(kubernetesVersion).keySet()));
    }

    public boolean serves(String kubernetesVersion, String apiVersion) {
        return index(kubernetesVersion).containsKey(apiVersion);
    }

    /** The kinds an API version serves in a Kubernetes version; empty when it does not serve the API version. */
    public SortedSet<String> kinds(String kubernetesVersion, String apiVersion) {
        Map<String, Entry> kinds = index(kubernetesVersion).get(apiVersion);
        return kinds == null
                ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(kinds.keySet()));
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
     * Does now what the first object of a Kubernetes version would do anyway: reads the version's index and the
     * bundle's component schemas. A command-line run calls this on a second thread
     * while it reads its options and configuration, so that the first object does not wait for it. The validator
     * itself is not set up here: objects that the fast check calls valid never need it.
     */
    public void warmUp(String kubernetesVersion) {
        if (isBundled(kubernetesVersion)) {
            index(kubernetesVersion);
            components();
        }
    }

    /** The schema of a built-in kind, loaded on first use. */
    public Optional<KindSchema> find(String kubernetesVersion, GroupVersionKind gvk) {
        Release release = release(kubernetesVersion);
        String definition = release.definition(gvk);
        if (definition == null) {
            return Optional.empty();
        }
        return schemas.computeIfAbsent(
                kubernetesVersion + " " + gvk, k -> Optional.of(newSchema(release, gvk, definition)));
    }

    /**
     * The OpenAPI schema of a built-in kind as one document ({@code {"components":{"schemas":{...}}}}) and the name
     * of its root component, for those who need the types rather than validation (CEL type checking).
     */
    public Optional<Map.Entry<String, JsonNode>> openApi(String kubernetesVersion, GroupVersionKind gvk) {
        if (!isBundled(kubernetesVersion)) {
            return Optional.empty();
        }
        Release release = release(kubernetesVersion);
        String definition = release.definition(gvk);
        return definition == null
                ? Optional.empty()
                : Optional.of(Map.entry(definition, document(release, definition)));
    }

    private KindSchema newSchema(Release release, GroupVersionKind gvk, String definition) {
        String file =
                (gvk.group().isEmpty() ? "core/" : gvk.group() + "/") + gvk.version() + "/" + gvk.kind() + ".json";
        return new KindSchema(
                gvk,
                "Kubernetes " + release.version(),
                new KindSchema.Source(
                        "kubelint:/builtin/" + release.version() + "/" + file,
                        "/components/schemas/" + definition,
                        strict -> prepare(document(release, definition), strict)),
                SchemaEngine.shared(),
                Optional.empty());
    }

    /**
     * A kind's schema as one document: its root component and every component it references, parsed afresh from
     * the bundle, so that the two compiled variants (strict or not) share nothing. Each component's line in the
     * bundle names the components it references, so the document is put together as text and parsed once.
     */
    private JsonNode document(Release release, String root) {
        Components store = components();
        StringBuilder text = new StringBuilder(64 * 1024).append("{\"components\":{\"schemas\":{");
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            Integer offset = release.offsets().get(name);
            if (offset == null || !seen.add(name)) {
                continue; // done, or a reference the documents do not resolve either
            }
            Components.Line line = store.line(offset);
            // component names are Go type names: nothing in them needs escaping
            text.append(seen.size() == 1 ? "\"" : ",\"")
                    .append(name)
                    .append("\":")
                    .append(line.json());
            todo.addAll(line.refs());
        }
        return JsonTrees.parse(text.append("}}}").toString());
    }

    /**
     * Marks quantities for parsing and, when strict, closes the object schemas.
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
        return document(release(newest), SchemaTrees.OBJECT_META)
                .path("components")
                .path("schemas");
    }

    private Map<String, Map<String, Entry>> index(String kubernetesVersion) {
        return release(kubernetesVersion).apiVersions();
    }

    private Release release(String kubernetesVersion) {
        if (!isBundled(kubernetesVersion)) {
            throw new IllegalArgumentException("kubelint has no schemas for Kubernetes " + kubernetesVersion
                    + "; it bundles " + String.join(", ", kubernetesVersions()));
        }
        return releases.computeIfAbsent(kubernetesVersion, BuiltinSchemas::readRelease);
    }

    private Components components() {
        return components.get();
    }

    /**
     * A release's index ({@code 1.31.txt}, written by {@link BundleGenerator}): tab-separated lines
     * {@code api <apiVersion>}, {@code kind <apiVersion> <kind> <component>} and
     * {@code schema <component> <digest>}.
     */
    private static Release readRelease(String kubernetesVersion) {
        String text = readText(BUNDLE + kubernetesVersion + ".txt");
        Map<String, Map<String, Entry>> apiVersions = new TreeMap<>();
        Map<String, Integer> offsets = new HashMap<>(2048);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            String line = text.substring(start, end);
            start = end + 1;
            int tab = line.indexOf('\t');
            int tab2 = line.indexOf('\t', tab + 1);
            String type = line.substring(0, Math.max(tab, 0));
            if (type.equals("schema") && tab2 > 0) {
                offsets.put(line.substring(tab + 1, tab2), Integer.valueOf(line.substring(line.lastIndexOf('\t') + 1)));
            } else if (type.equals("kind") && tab2 > 0) {
                String[] f = line.split("\t");
                apiVersions.get(f[1]).put(f[2], new Entry(f[3]));
            } else if (type.equals("api")) {
                apiVersions.put(line.substring(tab + 1), new LinkedHashMap<>());
            } else if (!type.equals("format") || Integer.parseInt(line.substring(tab + 1)) != BundleGenerator.FORMAT) {
                throw new IllegalStateException("unexpected line in the bundled index of Kubernetes "
                        + kubernetesVersion + " (format " + BundleGenerator.FORMAT + "): " + line);
            }
        }
        apiVersions.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return new Release(kubernetesVersion, Collections.unmodifiableMap(apiVersions), offsets);
    }

    /**
     * The distinct component schemas of every release, one line each: digest, the names of the components it
     * references (comma-separated, or -), JSON text, separated by spaces. Only the lines a kind needs are decoded.
     */
    private static final class Components {
        private final byte[] bytes;

        /** One component: the names it references and its JSON text. */
        record Line(List<String> refs, String json) {}

        Components(byte[] bytes) {
            this.bytes = bytes;
        }

        Line line(int offset) {
            int refs = offset + BundleGenerator.DIGEST_LENGTH + 1;
            int json = refs;
            while (bytes[json] != ' ') {
                json++;
            }
            int end = json;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String names = new String(bytes, refs, json - refs, StandardCharsets.UTF_8);
            return new Line(
                    names.equals("-") ? List.of() : List.of(names.split(",")),
                    new String(bytes, json + 1, end - json - 1, StandardCharsets.UTF_8));
        }
    }

    private static String readText(String resource) {
        return new String(readBytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(String resource) {
        try (InputStream in = BuiltinSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the bundled schema file " + resource + " is missing from the class" + " path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
