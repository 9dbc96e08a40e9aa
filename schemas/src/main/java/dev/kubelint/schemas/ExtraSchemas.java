package dev.kubelint.schemas;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadProblem;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schemas for kinds Kubernetes does not build in, read from folders ({@code --schema-location}):
 * <ul>
 * <li>CustomResourceDefinition manifests ({@code .yaml}, {@code .yml}, {@code .json}; several per file, or a
 * {@code List} of them): each served version's schema validates that group, version and kind;</li>
 * <li>JSON Schema files, one per kind and version, named in lower case as kubeconform's catalogues name them:
 * {@code <group>/<kind>_<version>.json} (the CRDs-catalog layout), {@code <kind>_<version>.json}
 * (openapi2jsonschema's output for CRDs; any group), {@code <kind>-<group>-<version>.json} with the whole group
 * or its first label (the kubernetes-json-schema layout), or {@code <kind>-<version>.json} for the core group.</li>
 * </ul>
 * Folders are searched recursively; other files are ignored. A location may also be a single file. References between JSON Schema files
 * ({@code "$ref": "_definitions.json#/definitions/..."}) are resolved inside the folders, never fetched.
 * Built-in kinds always use the bundled schemas.
 */
public final class ExtraSchemas {

    private static final int CACHED = 4;
    private static final Map<List<String>, ExtraSchemas> CACHE =
            Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, ExtraSchemas> eldest) {
                    return size() > CACHED;
                }
            });

    /** Something wrong with a schema file; line 0 when it concerns the whole file. */
    public record Problem(Path file, int line, String message) {}

    private static final ExtraSchemas EMPTY = new ExtraSchemas(List.of(), Map.of(), Map.of(), List.of());

    private final List<Path> roots;
    private final Map<String, CustomResourceDefinitions.Definition> definitions;
    private final Map<String, Path> schemaFiles;
    private final List<Problem> problems;
    private final Map<String, Optional<KindSchema>> fileSchemas = new java.util.concurrent.ConcurrentHashMap<>();
    private final SchemaEngine engine;

    private ExtraSchemas(
            List<Path> roots,
            Map<String, CustomResourceDefinitions.Definition> definitions,
            Map<String, Path> schemaFiles,
            List<Problem> problems) {
        this.roots = roots;
        this.definitions = definitions;
        this.schemaFiles = schemaFiles;
        this.problems = List.copyOf(problems);
        this.engine = schemaFiles.isEmpty() ? SchemaEngine.shared() : SchemaEngine.withResources(this::resource);
    }

    public static ExtraSchemas empty() {
        return EMPTY;
    }

    /**
     * The schemas of some folders. Loaded once per JVM for the same folders and files: a long-lived process (the
     * Maven plugin) sees edits, because the cache key includes each file's size and modification time.
     */
    public static ExtraSchemas load(List<Path> locations) {
        if (locations.isEmpty()) {
            return EMPTY;
        }
        List<Path> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        for (Path location : locations) {
            Path root = location.toAbsolutePath().normalize();
            roots.add(Files.isRegularFile(root) && root.getParent() != null ? root.getParent() : root);
            files.addAll(list(root, problems));
        }
        List<String> key = new ArrayList<>();
        for (Path f : files) {
            key.add(f + "|" + stamp(f));
        }
        if (!problems.isEmpty()) {
            return read(roots, files, problems);
        }
        return CACHE.computeIfAbsent(key, k -> read(roots, files, new ArrayList<>()));
    }

    /** The schema of a custom resource or other extra kind. */
    public Optional<KindSchema> find(GroupVersionKind gvk) {
        CustomResourceDefinitions.Definition d = definitions.get(groupKind(gvk.group(), gvk.kind()));
        if (d != null && d.serves(gvk.version())) {
            return d.versions().get(gvk.version());
        }
        return fileSchema(gvk);
    }

    /** Whether a CustomResourceDefinition or schema file covers the kind in any version. */
    public boolean knows(GroupVersionKind gvk) {
        return definitions.containsKey(groupKind(gvk.group(), gvk.kind()))
                || find(gvk).isPresent();
    }

    /** The definition of a group and kind, for "does not serve version" messages. */
    public Optional<CustomResourceDefinitions.Definition> definition(String group, String kind) {
        return Optional.ofNullable(definitions.get(groupKind(group, kind)));
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean isEmpty() {
        return definitions.isEmpty() && schemaFiles.isEmpty();
    }

    private static String groupKind(String group, String kind) {
        return kind + "." + group;
    }

    private Optional<KindSchema> fileSchema(GroupVersionKind gvk) {
        if (schemaFiles.isEmpty()) {
            return Optional.empty();
        }
        for (String name : candidateNames(gvk)) {
            Path file = schemaFiles.get(name);
            if (file != null) {
                return fileSchemas.computeIfAbsent(
                        gvk + " " + file,
                        k -> Optional.of(new KindSchema(
                                gvk,
                                "schema file " + file,
                                new KindSchema.Source(fileIri(file), "", strict -> prepareFile(file, strict)),
                                engine,
                                Optional.empty())));
            }
        }
        return Optional.empty();
    }

    /** The file names that can hold a kind's schema, in the order they are tried. */
    static List<String> candidateNames(GroupVersionKind gvk) {
        String kind = gvk.kind().toLowerCase(Locale.ROOT);
        String group = gvk.group().toLowerCase(Locale.ROOT);
        String version = gvk.version().toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        if (group.isEmpty()) {
            names.add(kind + "-" + version + ".json");
            names.add(kind + "_" + version + ".json");
            return names;
        }
        names.add(group + "/" + kind + "_" + version + ".json");
        names.add(kind + "-" + group + "-" + version + ".json");
        int dot = group.indexOf('.');
        if (dot > 0) {
            names.add(kind + "-" + group.substring(0, dot) + "-" + version + ".json");
        }
        names.add(kind + "_" + version + ".json");
        return names;
    }

    private static ExtraSchemas read(List<Path> roots, List<Path> files, List<Problem> problems) {
        Map<String, CustomResourceDefinitions.Definition> definitions = new LinkedHashMap<>();
        Map<String, Path> schemaFiles = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<JsonNode> crds =
                        name.endsWith(".json") ? jsonDefinitions(text) : yamlDefinitions(file, text, problems);
                if (!crds.isEmpty()) {
                    for (JsonNode crd : crds) {
                        addDefinition(crd, file, definitions, problems);
                    }
                } else if (name.endsWith(".json")) {
                    String parent = file.getParent() == null
                            ? ""
                            : file.getParent().getFileName().toString().toLowerCase(Locale.ROOT);
                    schemaFiles.putIfAbsent(parent + "/" + name, file);
                    schemaFiles.putIfAbsent(name, file);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new Problem(file, 0, "cannot read schema file: " + e.getMessage()));
            }
        }
        return new ExtraSchemas(roots, definitions, schemaFiles, problems);
    }

    private static void addDefinition(
            JsonNode crd, Path file, Map<String, CustomResourceDefinitions.Definition> into, List<Problem> problems) {
        Optional<CustomResourceDefinitions.Definition> read = CustomResourceDefinitions.read(crd, file.toString());
        if (read.isEmpty()) {
            problems.add(new Problem(file, 0, "a CustomResourceDefinition without spec.group or spec.names.kind"));
            return;
        }
        CustomResourceDefinitions.Definition d = read.get();
        d.problems().forEach(p -> problems.add(new Problem(file, 0, p)));
        CustomResourceDefinitions.Definition previous = into.putIfAbsent(groupKind(d.group(), d.kind()), d);
        if (previous != null) {
            problems.add(new Problem(
                    file,
                    0,
                    "CustomResourceDefinition " + d.name() + " is defined again; the one in " + previous.origin()
                            + " is used"));
        }
    }

    /** CRDs in a JSON file: the file is one, or a List of them; a JSON Schema file gives none. */
    private static List<JsonNode> jsonDefinitions(String text) {
        JsonNode root = JsonTrees.parse(text);
        List<JsonNode> result = new ArrayList<>();
        collect(root, result);
        return result;
    }

    private static void collect(JsonNode object, List<JsonNode> into) {
        if (CustomResourceDefinitions.isDefinition(
                object.path("apiVersion").asString(""), object.path("kind").asString(""))) {
            into.add(object);
        } else if (object.path("kind").asString("").endsWith("List")) {
            object.path("items").forEach(item -> collect(item, into));
        }
    }

    private static List<JsonNode> yamlDefinitions(Path file, String text, List<Problem> problems) {
        ReadResult read = new YamlReader().read(file.toString(), text);
        for (ReadProblem p : read.problems()) {
            if (p.kind() != ReadProblem.Kind.DUPLICATE_KEY) {
                problems.add(new Problem(file, p.span().start().line(), p.message()));
            }
        }
        List<JsonNode> result = new ArrayList<>();
        for (YamlDocument doc : read.documents()) {
            doc.root().filter(r -> r instanceof MappingNode).ifPresent(r -> collectYaml((MappingNode) r, result));
        }
        return result;
    }

    private static void collectYaml(MappingNode object, List<JsonNode> into) {
        String apiVersion = object.string("apiVersion").orElse("");
        String kind = object.string("kind").orElse("");
        if (CustomResourceDefinitions.isDefinition(apiVersion, kind)) {
            into.add(YamlToJson.convert(object).json());
        } else if (kind.endsWith("List")) {
            object.sequence("items")
                    .map(SequenceNode::mappings)
                    .orElse(List.of())
                    .forEach(i -> collectYaml(i, into));
        }
    }

    /**
     * The schema files of a location: the file itself, or the folder's YAML and JSON files and below in name order,
     * found as a scan finds its inputs: hidden files and folders are passed over, and a symbolic link that leads out
     * of the folder is a problem, not read.
     */
    private static List<Path> list(Path root, List<Problem> problems) {
        if (!Files.isRegularFile(root) && !Files.isDirectory(root)) {
            problems.add(new Problem(root, 0, "the schema location does not exist"));
            return List.of();
        }
        SourceScanner.Scan scan = SourceScanner.location(root);
        scan.errors().forEach(e -> problems.add(new Problem(root, 0, e)));
        List<Path> files = new ArrayList<>();
        for (SourceScanner.Input input : scan.inputs()) {
            Path file = input.path().orElseThrow();
            input.skipped().ifPresentOrElse(why -> problems.add(new Problem(file, 0, why)), () -> files.add(file));
        }
        return files;
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String fileIri(Path file) {
        return "kubelint:/file" + file.toUri().getRawPath();
    }

    /** A JSON Schema file made ready: no $schema (the OpenAPI dialect applies), closed objects when strict. */
    private JsonNode prepareFile(Path file, boolean strict) {
        try {
            JsonNode document = JsonTrees.parse(Files.readAllBytes(file));
            if (document instanceof ObjectNode object) {
                object.remove("$schema");
                object.remove("id");
                object.remove("$id");
                if (strict) {
                    SchemaTrees.closeObjects(object);
                }
            }
            return document;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read schema file " + file, e);
        }
    }

    /** Serves a referenced schema file, only from inside the schema locations. */
    private String resource(String iri) {
        boolean strict = iri.startsWith("kubelint:/strict/file/");
        if (!strict && !iri.startsWith("kubelint:/lenient/file/")) {
            return null;
        }
        Path file;
        try {
            file = Path.of(java.net.URI.create("file://" + iri.substring(iri.indexOf("/file/") + "/file".length())))
                    .normalize();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (roots.stream().noneMatch(file::startsWith) || !Files.isRegularFile(file)) {
            return null;
        }
        return new String(JsonTrees.write(prepareFile(file, strict)), StandardCharsets.UTF_8);
    }
}
