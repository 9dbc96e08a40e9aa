package dev.kubelint.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.kubelint.core.custom.JsonTrees;

/**
 * Derives the bundle {@link BuiltinSchemas} reads from the vendored OpenAPI documents; the build runs it after
 * compiling ({@code process-classes}). For each Kubernetes version it writes one small schema per kind (the
 * kind's component and every component it references, with descriptions and other non-validating keywords
 * removed: about a tenth of the size) and an index of the API versions and kinds served. A run-time lookup then
 * reads a few kilobytes instead of a two-megabyte document.
 *
 * <p>Usage: {@code BundleGenerator <openapi folder> <bundle output folder>}. Versions whose output is newer than
 * their documents are skipped.
 */
public final class BundleGenerator {

    /** Bumped when the output format changes, so that stale output is rewritten. */
    static final int FORMAT = 2;

    private static final Pattern DOCUMENT = Pattern.compile("api__v1_openapi\\.json|apis__([^_]+)__([^_]+)_openapi\\.json");
    private static final Pattern VERSION_FOLDER = Pattern.compile("v(\\d+\\.\\d+)");
    private static final String META_TYPES = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    /** Where a kind's schema was found: the document's API version and the component name. */
    private record Source(String documentApiVersion, JsonNode components, String definition) {
    }

    private BundleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BundleGenerator <openapi folder> <bundle output folder>");
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        try (Stream<Path> folders = Files.list(input)) {
            for (Path folder : folders.sorted().toList()) {
                Matcher m = VERSION_FOLDER.matcher(folder.getFileName().toString());
                if (Files.isDirectory(folder) && m.matches()) {
                    generate(folder, output.resolve(m.group(1)), m.group(1));
                }
            }
        }
    }

    static void generate(Path documents, Path output, String kubernetesVersion) throws IOException {
        List<Path> files = documentFiles(documents);
        Path indexFile = output.resolve("index.json");
        if (upToDate(files, indexFile)) {
            return;
        }
        Map<String, Map<String, List<Source>>> found = new TreeMap<>();
        for (Path file : files) {
            String apiVersion = apiVersionOf(file.getFileName().toString());
            JsonNode components = JsonTrees.parse(Files.readAllBytes(file)).path("components").path("schemas");
            for (Map.Entry<String, JsonNode> component : components.properties()) {
                if (component.getKey().startsWith(META_TYPES)) {
                    continue;
                }
                for (JsonNode gvk : component.getValue().path("x-kubernetes-group-version-kind")) {
                    String kindApiVersion = GroupVersionKind.apiVersion(gvk.path("group").asString(),
                            gvk.path("version").asString());
                    found.computeIfAbsent(kindApiVersion, k -> new TreeMap<>())
                            .computeIfAbsent(gvk.path("kind").asString(), k -> new ArrayList<>())
                            .add(new Source(apiVersion, components, component.getKey()));
                }
            }
        }
        ObjectNode index = JsonTrees.nodes().objectNode();
        index.put("format", FORMAT);
        index.put("kubernetesVersion", kubernetesVersion);
        ObjectNode apiVersions = index.putObject("apiVersions");
        for (Path file : files) {
            String apiVersion = apiVersionOf(file.getFileName().toString());
            ObjectNode kinds = apiVersions.putObject(apiVersion);
            for (Map.Entry<String, List<Source>> kind : found.getOrDefault(apiVersion, Map.of()).entrySet()) {
                Source source = preferred(apiVersion, kind.getValue());
                String name = folderOf(apiVersion) + "/" + kind.getKey() + ".json";
                write(output.resolve(name), kindDocument(source));
                ObjectNode entry = kinds.putObject(kind.getKey());
                entry.put("file", name);
                entry.put("definition", source.definition());
            }
        }
        write(indexFile, index);
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

    private static JsonNode kindDocument(Source source) {
        ObjectNode document = JsonTrees.nodes().objectNode();
        ObjectNode schemas = document.putObject("components").putObject("schemas");
        for (String name : SchemaTrees.closure(source.components(), source.definition())) {
            schemas.set(name, SchemaTrees.stripped(source.components().get(name)));
        }
        return document;
    }

    private static List<Path> documentFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> DOCUMENT.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    static String apiVersionOf(String fileName) {
        Matcher m = DOCUMENT.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an OpenAPI document name: " + fileName);
        }
        return m.group(1) == null ? "v1" : m.group(1) + "/" + m.group(2);
    }

    private static String folderOf(String apiVersion) {
        return apiVersion.indexOf('/') < 0 ? "core/" + apiVersion : apiVersion;
    }

    private static boolean upToDate(List<Path> inputs, Path indexFile) throws IOException {
        if (!Files.exists(indexFile)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(indexFile);
        for (Path input : inputs) {
            if (Files.getLastModifiedTime(input).compareTo(built) > 0) {
                return false;
            }
        }
        return JsonTrees.parse(Files.readAllBytes(indexFile)).path("format").asInt() == FORMAT;
    }

    private static void write(Path file, JsonNode node) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, JsonTrees.write(node));
    }
}
