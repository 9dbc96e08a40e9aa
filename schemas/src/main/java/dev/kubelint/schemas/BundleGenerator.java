package dev.kubelint.schemas;

import dev.kubelint.core.custom.JsonTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the schema bundle that {@link BuiltinSchemas} reads from the official Kubernetes OpenAPI v3 documents:
 * one folder per minor release ({@code v1.23}, ..., {@code v1.35}) of per-group-version documents
 * ({@code api__v1_openapi.json}, {@code apis__apps__v1_openapi.json}, ...).
 *
 * <p>The bundle is content addressed. Each component schema that some kind needs is stripped of descriptions and
 * other keywords that do not validate (about a tenth of its size) and stored once in {@value #COMPONENTS}, one
 * line each, under the first 16 hex digits of the SHA-256 of its JSON text and with the names of the components it
 * references; most components are the same in many
 * releases. IntOrString and Quantity are described as the documents of 1.24 and later describe them. Each release has a small text index ({@code 1.31.txt}): the API versions it serves (one per
 * document), the kinds each serves with the component that is their root, and the digest of every component its
 * kinds need, by name. {@value #SOURCES} records the SHA-256 of every document the bundle was made from.
 *
 * <p>The output depends only on the documents' bytes: the same documents always give the same files, so the
 * bundle is committed and a test checks that it is what this generator makes. Usage:
 * {@code BundleGenerator <folder of release folders> <bundle output folder>}; it replaces the output folder's
 * bundle files.
 */
public final class BundleGenerator {

    /** Bumped when the output format changes. */
    static final int FORMAT = 4;

    static final String COMPONENTS = "components.txt";
    static final String SOURCES = "documents.sha256";
    static final int DIGEST_LENGTH = 16;

    private static final Pattern DOCUMENT =
            Pattern.compile("api__v1_openapi\\.json|apis__([^_]+)__([^_]+)_openapi\\.json");
    private static final Pattern RELEASE_FOLDER = Pattern.compile("v1\\.(\\d+)");
    private static final String META_TYPES = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    /** Names that need no escaping in JSON text or in the index. */
    private static final Pattern COMPONENT_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * The two special types as the documents of 1.24 and later describe them. Those of 1.23 call both strings
     * ({@code {"type":"string","format":"int-or-string"}} and {@code {"type":"string"}}), though the API server of
     * 1.23 takes {@code port: 8080} and {@code cpu: 1} as it always has; every release gets the later description.
     */
    private static final Map<String, String> SINCE_1_24 = Map.of(
            SchemaTrees.INT_OR_STRING,
                    "{\"format\":\"int-or-string\",\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}",
            SchemaTrees.QUANTITY, "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]}");

    /** Where a kind's schema was found: the document's API version and the component name. */
    private record Source(String documentApiVersion, String definition) {}

    /** What one release contributes: its index lines and the components they name. */
    private record Release(String version, List<String> lines, Map<String, String> digests) {}

    private BundleGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: BundleGenerator <folder of release folders> <bundle output folder>");
        }
        Map<String, byte[]> files = generate(Path.of(args[0]));
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        try (Stream<Path> old = Files.list(output)) {
            for (Path file : old.toList()) {
                if (Files.isRegularFile(file)
                        && !files.containsKey(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(output.resolve(file.getKey()), file.getValue());
        }
        System.out.println("BundleGenerator: wrote " + files.size() + " files to " + output);
    }

    /** The bundle's files (name to content) for the release folders found in {@code input}. */
    static Map<String, byte[]> generate(Path input) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> list = Files.list(input)) {
            list.filter(f -> Files.isDirectory(f)
                            && RELEASE_FOLDER
                                    .matcher(f.getFileName().toString())
                                    .matches())
                    .forEach(folders::add);
        }
        folders.sort((a, b) -> Integer.compare(minor(a), minor(b)));
        if (folders.isEmpty()) {
            throw new IOException("no release folders (v1.N) in " + input);
        }
        Map<String, byte[]> out = new TreeMap<>();
        // component text by digest, and the name and release it was first seen under (for a stable, compact order)
        Map<String, String> texts = new HashMap<>();
        Map<String, String> orderKeys = new HashMap<>();
        StringBuilder sources = new StringBuilder();
        List<Release> releases = new ArrayList<>();
        for (Path folder : folders) {
            Release release = release(folder, texts, sources);
            for (Map.Entry<String, String> e : release.digests().entrySet()) {
                orderKeys.putIfAbsent(e.getValue(), e.getKey() + String.format(" %03d", minor(folder)));
            }
            releases.add(release);
        }
        List<String> digests = new ArrayList<>(texts.keySet());
        digests.sort((a, b) -> {
            int byName = orderKeys.get(a).compareTo(orderKeys.get(b));
            return byName != 0 ? byName : a.compareTo(b);
        });
        // a line per component: digest, the components it references (or -), its JSON text
        ByteArrayOutputStream components = new ByteArrayOutputStream();
        Map<String, Integer> offsets = new HashMap<>();
        for (String digest : digests) {
            offsets.put(digest, components.size());
            JsonNode schema = JsonTrees.parse(texts.get(digest));
            Set<String> refs = new LinkedHashSet<>();
            SchemaTrees.forEachSchema(schema, SchemaTrees.Position.STRUCTURAL, (node, position) -> {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isString() && ref.stringValue().startsWith(SchemaTrees.COMPONENTS_PREFIX)) {
                    refs.add(ref.stringValue().substring(SchemaTrees.COMPONENTS_PREFIX.length()));
                }
            });
            String line =
                    digest + " " + (refs.isEmpty() ? "-" : String.join(",", refs)) + " " + texts.get(digest) + "\n";
            components.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
        out.put(COMPONENTS, components.toByteArray());
        for (Release release : releases) {
            StringBuilder index = new StringBuilder();
            index.append("format\t").append(FORMAT).append('\n');
            release.lines().forEach(line -> index.append(line).append('\n'));
            // where each component's line starts in the components file, so that a run reads no more than it needs
            release.digests()
                    .forEach((name, digest) -> index.append("schema\t")
                            .append(name)
                            .append('\t')
                            .append(digest)
                            .append('\t')
                            .append(offsets.get(digest))
                            .append('\n'));
            out.put(release.version() + ".txt", index.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.put(SOURCES, sources.toString().getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static Release release(Path folder, Map<String, String> texts, StringBuilder sources) throws IOException {
        String version = folder.getFileName().toString().substring(1);
        List<Path> files = documentFiles(folder);
        // a component is the same in every document of a release that carries it, but for ObjectMeta in the
        // apiregistration documents of 1.23 and 1.24 (without the clusterName of every other document): the first
        // document in name order, api__v1_openapi.json, is the one kept
        ObjectNode components = JsonTrees.nodes().objectNode();
        Map<String, Map<String, List<Source>>> found = new TreeMap<>();
        List<String> apiVersions = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            sources.append(sha256(bytes))
                    .append("  v")
                    .append(version)
                    .append('/')
                    .append(file.getFileName())
                    .append('\n');
            String apiVersion = apiVersionOf(file.getFileName().toString());
            apiVersions.add(apiVersion);
            JsonNode schemas = JsonTrees.parse(bytes).path("components").path("schemas");
            for (Map.Entry<String, JsonNode> component : schemas.properties()) {
                if (!components.has(component.getKey())) {
                    components.set(component.getKey(), component.getValue());
                }
                if (component.getKey().startsWith(META_TYPES)) {
                    continue;
                }
                for (JsonNode gvk : component.getValue().path("x-kubernetes-group-version-kind")) {
                    String kindApiVersion = GroupVersionKind.apiVersion(
                            gvk.path("group").asString(), gvk.path("version").asString());
                    found.computeIfAbsent(kindApiVersion, k -> new TreeMap<>())
                            .computeIfAbsent(gvk.path("kind").asString(), k -> new ArrayList<>())
                            .add(new Source(apiVersion, component.getKey()));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        Set<String> roots = new TreeSet<>();
        apiVersions.sort(null);
        for (String apiVersion : apiVersions) {
            lines.add("api\t" + apiVersion);
        }
        for (String apiVersion : apiVersions) {
            for (Map.Entry<String, List<Source>> kind :
                    found.getOrDefault(apiVersion, Map.of()).entrySet()) {
                String definition = preferred(apiVersion, kind.getValue()).definition();
                lines.add("kind\t" + apiVersion + "\t" + kind.getKey() + "\t" + definition);
                roots.add(definition);
            }
        }
        Set<String> needed = new TreeSet<>();
        for (String root : roots) {
            needed.addAll(SchemaTrees.closure(components, root));
        }
        Map<String, String> digests = new TreeMap<>();
        for (String name : needed) {
            JsonNode schema = SINCE_1_24.containsKey(name)
                    ? JsonTrees.parse(SINCE_1_24.get(name))
                    : SchemaTrees.stripped(components.get(name));
            String text = new String(JsonTrees.write(schema), StandardCharsets.UTF_8);
            if (text.indexOf('\n') >= 0 || !COMPONENT_NAME.matcher(name).matches()) {
                throw new IllegalStateException("a component BuiltinSchemas cannot read: " + name);
            }
            String digest = sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, DIGEST_LENGTH);
            String before = texts.putIfAbsent(digest, text);
            if (before != null && !before.equals(text)) {
                throw new IllegalStateException("two components share the digest " + digest);
            }
            digests.put(name, digest);
        }
        return new Release(version, lines, digests);
    }

    /**
     * A kind's schema normally comes from its own API version's document; a few subresource kinds (policy/v1
     * Eviction, autoscaling/v1 Scale, authentication.k8s.io/v1 TokenRequest) appear only in other documents.
     */
    private static Source preferred(String apiVersion, List<Source> sources) {
        for (Source s : sources) {
            if (s.documentApiVersion().equals(apiVersion)) {
                return s;
            }
        }
        for (Source s : sources) {
            if (s.documentApiVersion().equals("v1")) {
                return s;
            }
        }
        return sources.get(0);
    }

    private static List<Path> documentFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(
                            f -> DOCUMENT.matcher(f.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    static String apiVersionOf(String fileName) {
        Matcher m = DOCUMENT.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an OpenAPI document name: " + fileName);
        }
        return m.group(1) == null ? "v1" : m.group(1) + "/" + m.group(2);
    }

    private static int minor(Path folder) {
        Matcher m = RELEASE_FOLDER.matcher(folder.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a release folder: " + folder);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
