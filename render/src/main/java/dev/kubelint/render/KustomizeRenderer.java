package dev.kubelint.render;

import dev.kubelint.core.render.FolderRenderer;
import dev.kubelint.core.render.RenderTarget;
import dev.kubelint.core.render.RenderedFile;
import dev.kubelint.core.render.Rendering;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Kustomize folder (one with a {@code kustomization.yaml} that is not a Component) with {@code kubectl
 * kustomize}, or {@code kustomize build}, found on the PATH. The folder is built through a kustomization of
 * kubelint's own in a temporary folder that names it as its only resource and asks for origin annotations, so the
 * user's files are never changed and every rendered object says which file it came from; the annotation is taken
 * out again before linting. No plugins and no Helm inflation are enabled, and the network is kept out of reach.
 * Without either tool the folder is linted raw, and the run says so once.
 */
public final class KustomizeRenderer implements FolderRenderer {

    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** The notice when neither tool is there. */
    static final String NO_TOOL = "Kustomize folders were linted raw, file by file: neither kubectl nor kustomize is on"
            + " the PATH. Install kubectl (it builds kustomizations with kubectl kustomize) to lint the objects they"
            + " render, with findings at their source lines.";

    private static final long TIMEOUT_SECONDS = 60;
    private static final long MAX_OUTPUT_BYTES = 64L * 1024 * 1024;
    private static final Pattern COMPONENT = Pattern.compile("(?m)^kind:\\s*Component\\s*$");
    private static final Pattern ORIGIN_FILE = Pattern.compile("(?m)^\\s*(path|configuredIn):\\s*(\\S.*?)\\s*$");

    private final Supplier<String> pathVariable;

    public KustomizeRenderer() {
        this(() -> System.getenv("PATH"));
    }

    /** A renderer that looks for its tools in the given PATH (tests simulate a machine without them). */
    KustomizeRenderer(Supplier<String> pathVariable) {
        this.pathVariable = pathVariable;
    }

    @Override
    public String name() {
        return "Kustomize folder";
    }

    @Override
    public boolean renders(Path folder) {
        Optional<Path> file = kustomizationFile(folder);
        if (file.isEmpty()) {
            return false;
        }
        try {
            // a Component is applied by the kustomizations that name it, never built on its own
            return !COMPONENT
                    .matcher(Files.readString(file.get(), StandardCharsets.UTF_8))
                    .find();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    @Override
    public boolean ownsFolder() {
        return false;
    }

    static Optional<Path> kustomizationFile(Path folder) {
        for (String name : FILE_NAMES) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    @Override
    public Rendering render(RenderTarget target) {
        String path = pathVariable.get();
        Optional<ExternalTool> kubectl = ExternalTool.find("kubectl", path);
        Optional<ExternalTool> kustomize =
                kubectl.isPresent() ? Optional.empty() : ExternalTool.find("kustomize", path);
        if (kubectl.isEmpty() && kustomize.isEmpty()) {
            return Rendering.raw(NO_TOOL);
        }
        Path kustomization =
                kustomizationFile(target.folder()).orElse(target.folder().resolve(FILE_NAMES.get(0)));
        Path work = null;
        try {
            work = Files.createTempDirectory("kubelint-kustomize").toRealPath();
            String relative =
                    work.relativize(target.folder().toRealPath()).toString().replace('\\', '/');
            Files.writeString(
                    work.resolve("kustomization.yaml"),
                    "resources:\n- " + relative + "\nbuildMetadata: [originAnnotations]\n",
                    StandardCharsets.UTF_8);
            List<String> arguments =
                    kubectl.isPresent() ? List.of("kustomize", work.toString()) : List.of("build", work.toString());
            ExternalTool tool = kubectl.isPresent() ? kubectl.get() : kustomize.get();
            String command = kubectl.isPresent() ? "kubectl kustomize" : "kustomize build";
            ExternalTool.Result result = tool.run(arguments, work, TIMEOUT_SECONDS, MAX_OUTPUT_BYTES);
            Set<Path> consumed = consumed(target, kustomization);
            if (result.timedOut()) {
                return Rendering.failed(
                        kustomization, command + " did not finish within " + TIMEOUT_SECONDS + " seconds", consumed);
            }
            if (result.exitCode() != 0) {
                return Rendering.failed(
                        kustomization, command + " failed: " + message(result.err(), work, target), consumed);
            }
            RenderedDocuments documents = new RenderedDocuments();
            for (String doc : RenderedDocuments.split(result.out())) {
                Origin origin = origin(doc, work, kustomization, target);
                consumed.add(origin.file());
                documents.add(origin.file(), origin.document());
            }
            List<RenderedFile> files = documents.files(target);
            return new Rendering(files, consumed, Optional.empty(), Optional.empty(), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return Rendering.failed(
                    kustomization, "the Kustomize folder could not be rendered: " + e.getMessage(), Set.of());
        } finally {
            delete(work);
        }
    }

    /** A document without its origin annotation, and the file the annotation names. */
    private record Origin(String document, Path file) {}

    /**
     * Takes the origin annotation out of a rendered document (and the annotations key, when it held nothing
     * else), and resolves the file it names; an object whose origin is unknown or outside both the scan and
     * the working directory is put on the kustomization file.
     */
    static Origin origin(String document, Path work, Path kustomization, RenderTarget target) throws IOException {
        Path scanRoot = target.folder();
        Path realRoot = scanRoot.toRealPath();
        String[] lines = document.split("\n", -1);
        StringBuilder kept = new StringBuilder(document.length());
        Path file = kustomization;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("config.kubernetes.io/origin:")) {
                int indent = line.length() - trimmed.length();
                int j = i + 1;
                StringBuilder block = new StringBuilder();
                while (j < lines.length && (lines[j].isBlank() || indentOf(lines[j]) > indent)) {
                    block.append(lines[j]).append('\n');
                    j++;
                }
                Matcher m = ORIGIN_FILE.matcher(block);
                if (m.find()) {
                    // named relative to the temporary folder; shown as a path from the rendered folder
                    Path named = scanRoot.resolve(realRoot.relativize(
                                            work.resolve(unquote(m.group(2))).normalize())
                                    .toString())
                            .normalize();
                    if (target.inScope(named) && Files.isRegularFile(named)) {
                        file = named;
                    }
                }
                boolean annotationsOnly = i > 0
                        && lines[i - 1].stripLeading().equals("annotations:")
                        && indentOf(lines[i - 1]) < indent
                        && (j >= lines.length || lines[j].isBlank() || indentOf(lines[j]) <= indentOf(lines[i - 1]));
                if (annotationsOnly) {
                    kept.setLength(kept.length() - lines[i - 1].length() - 1);
                }
                i = j - 1;
                continue;
            }
            kept.append(line);
            if (i < lines.length - 1) {
                kept.append('\n');
            }
        }
        return new Origin(kept.toString(), file);
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** The tool's error without the temporary folder's name, on one line per problem. */
    private static String message(String err, Path work, RenderTarget target) {
        String text = err.replace(work.toString() + "/", "")
                .replace(work.toString(), "")
                .replace(target.scanRoot().toString() + "/", "");
        List<String> lines = text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("# Warning"))
                .toList();
        return lines.isEmpty() ? "no message" : String.join("; ", lines.subList(0, Math.min(3, lines.size())));
    }

    /**
     * The files a kustomization reads besides the resources its objects come from: its own file, its patches,
     * and those of the bases and components it names inside the scan. They are partial objects, not manifests.
     */
    static Set<Path> consumed(RenderTarget target, Path kustomization) {
        Set<Path> consumed = new HashSet<>();
        collect(kustomization, target.scanRoot(), target.workingDirectory(), consumed, new HashSet<>());
        return consumed;
    }

    private static void collect(
            Path kustomization, Path scanRoot, Path workingDirectory, Set<Path> consumed, Set<Path> seen) {
        if (!seen.add(kustomization) || seen.size() > 256) {
            return;
        }
        consumed.add(kustomization.toAbsolutePath().normalize());
        Path folder = kustomization.getParent();
        String text = RenderedDocuments.readOrEmpty(kustomization);
        for (YamlDocument doc : new YamlReader(ReadLimits.DEFAULTS)
                .read(kustomization.toString(), text)
                .documents()) {
            if (doc.root().isEmpty() || !(doc.root().get() instanceof MappingNode root)) {
                continue;
            }
            List<String> files = new ArrayList<>();
            strings(root.get("patchesStrategicMerge"), files);
            for (String key : List.of("patches", "patchesJson6902", "replacements")) {
                root.sequence(key)
                        .ifPresent(s -> s.items().forEach(item -> {
                            if (item instanceof MappingNode m) {
                                m.string("path").ifPresent(files::add);
                            } else {
                                strings(item, files);
                            }
                        }));
            }
            List<String> folders = new ArrayList<>();
            for (String key : List.of("resources", "bases", "components")) {
                strings(root.get(key), folders);
            }
            for (String f : files) {
                resolve(folder, f, scanRoot, workingDirectory)
                        .filter(Files::isRegularFile)
                        .ifPresent(consumed::add);
            }
            for (String f : folders) {
                resolve(folder, f, scanRoot, workingDirectory)
                        .filter(Files::isDirectory)
                        .flatMap(KustomizeRenderer::kustomizationFile)
                        .ifPresent(k -> collect(k, scanRoot, workingDirectory, consumed, seen));
            }
        }
    }

    private static Optional<Path> resolve(Path folder, String name, Path scanRoot, Path workingDirectory) {
        try {
            Path p = folder.resolve(name).toAbsolutePath().normalize();
            return p.startsWith(scanRoot) || p.startsWith(workingDirectory) ? Optional.of(p) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static void strings(Optional<YamlNode> node, List<String> into) {
        node.ifPresent(n -> strings(n, into));
    }

    private static void strings(YamlNode node, List<String> into) {
        if (node instanceof SequenceNode s) {
            s.items().forEach(i -> strings(i, into));
        } else if (node instanceof ScalarNode s && s.isString()) {
            into.add(s.asText());
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind is harmless
        }
    }
}
