package dev.kubelint.core.engine;

import dev.kubelint.core.kube.ToolKinds;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.YamlDocument;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the files a folder walk finds that are not Kubernetes manifests: Helm values and chart metadata,
 * Kustomize files, CI and tool configuration, OpenAPI and JSON Schema documents. Only a file none of whose
 * documents carries {@code apiVersion} or {@code kind} (or that holds only objects of tools, such as a
 * Kustomization) is one: a broken manifest, a file some of whose documents are typed, keeps its findings.
 */
final class NotManifests {

    /** A line that starts a manifest's type, at any indentation: a broken manifest still has one. */
    private static final Pattern TYPE_LINE = Pattern.compile("(?m)^[ \\t]*[\"']?(apiVersion|kind)[\"']?[ \\t]*:");

    private NotManifests() {}

    /** Why the file is not a manifest, or empty when it is (or may be) one. */
    static Optional<String> reason(SourceFile source, ReadResult read) {
        String name = fileName(source.displayName());
        if (read.problems().stream().anyMatch(p -> p.kind() == dev.kubelint.core.yaml.ReadProblem.Kind.LIMIT)) {
            // read only in part: what it holds cannot be told
            return Optional.empty();
        }
        boolean problems = read.problems().stream()
                .anyMatch(p -> p.kind() == dev.kubelint.core.yaml.ReadProblem.Kind.SYNTAX
                        || p.kind() == dev.kubelint.core.yaml.ReadProblem.Kind.ENCODING);
        boolean chartFile = name.equals("chart.yaml") || name.equals("chart.lock");
        String tool = null;
        boolean untyped = false;
        boolean named = false;
        String shape = null;
        for (YamlDocument doc : read.documents()) {
            if (doc.root().isEmpty()) {
                continue;
            }
            if (!(doc.root().get() instanceof MappingNode root)) {
                untyped = true;
                continue;
            }
            Optional<String> kind = root.string("kind");
            if (kind.isPresent()) {
                String apiVersion = root.string("apiVersion").orElse("");
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                String t = ToolKinds.tool(group, kind.get());
                if (t == null) {
                    return Optional.empty();
                }
                tool = t;
                continue;
            }
            if ((root.has("apiVersion") || root.has("kind")) && !chartFile) {
                return Optional.empty();
            }
            untyped = true;
            named |= root.mapping("metadata").map(m -> m.has("name")).orElse(false);
            if (shape == null) {
                shape = shape(root, name);
            }
        }
        if (named && !chartFile) {
            // an object that lost its apiVersion and kind: missing-type-meta says so
            return Optional.empty();
        }
        if (problems && !chartFile && TYPE_LINE.matcher(source.text()).find()) {
            // a document that did not parse may be a broken manifest
            return Optional.empty();
        }
        if (tool != null && !untyped) {
            return Optional.of("configuration of " + tool);
        }
        if (chartFile) {
            return Optional.of("Helm chart metadata");
        }
        if (shape != null) {
            return Optional.of(shape);
        }
        if (tool != null) {
            return Optional.of("configuration of " + tool);
        }
        return Optional.of(
                problems
                        ? "not YAML that kubectl reads, and no apiVersion or kind in it"
                        : read.documents().stream().anyMatch(d -> d.root().isPresent())
                                ? "no document has apiVersion or kind"
                                : "no documents");
    }

    /** What a document without apiVersion and kind looks like, when it is recognisable. */
    private static String shape(MappingNode root, String fileName) {
        if (root.has("openapi") || root.has("swagger")) {
            return "an OpenAPI document";
        }
        if (root.has("$schema") || root.has("$defs") || root.has("definitions") && root.has("type")) {
            return "a JSON Schema";
        }
        if (fileName.startsWith("values") || fileName.endsWith("-values.yaml") || fileName.endsWith("_values.yaml")) {
            return "Helm values";
        }
        if (fileName.startsWith("kustomization.")
                || root.has("resources")
                        && (root.has("namePrefix")
                                || root.has("commonLabels")
                                || root.has("patches")
                                || root.has("images")
                                || root.has("components"))) {
            return "Kustomize configuration";
        }
        if (root.has("jobs") && (root.has("on") || root.has("true"))) {
            return "a GitHub Actions workflow";
        }
        if (root.has("stages") || root.has("include") && root.has("variables")) {
            return "GitLab CI configuration";
        }
        if (root.has("services") && (fileName.contains("compose") || root.has("volumes") || root.has("networks"))) {
            return "a Docker Compose file";
        }
        if (fileName.startsWith("mkdocs.") || root.has("site_name")) {
            return "MkDocs configuration";
        }
        if (root.has("repos") && fileName.contains("pre-commit")) {
            return "pre-commit configuration";
        }
        if (root.has("linters") || root.has("linters-settings") || root.has("rules") && fileName.contains("lint")) {
            return "linter configuration";
        }
        return null;
    }

    private static String fileName(String displayName) {
        int slash = displayName.lastIndexOf('/');
        return displayName.substring(slash + 1).toLowerCase(Locale.ROOT);
    }
}
