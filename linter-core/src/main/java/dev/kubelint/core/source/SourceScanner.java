package dev.kubelint.core.source;

import dev.kubelint.core.render.FolderRenderer;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the paths a user gave into the list of inputs to lint: files as given, folders walked recursively in
 * sorted order (hidden folders skipped, symbolic link loops detected), {@code -} for standard input, filtered by
 * include and exclude globs.
 */
public final class SourceScanner {

    /**
     * One input to read. {@code path} is empty for standard input; {@code skipped} says why a file found in a
     * folder is deliberately not read (the engine reports it as a finding instead); {@code named} says that the
     * user named the file (or standard input) rather than a folder holding it.
     */
    public record Input(
            java.util.Optional<Path> path, String displayName, java.util.Optional<String> skipped, boolean named) {
        public Input(java.util.Optional<Path> path, String displayName) {
            this(path, displayName, java.util.Optional.empty(), true);
        }

        public Input(java.util.Optional<Path> path, String displayName, java.util.Optional<String> skipped) {
            this(path, displayName, skipped, false);
        }

        public boolean isStdin() {
            return path.isEmpty();
        }

        // written out: a record's generated equals and hashCode are bootstrapped through method handles on first
        // use, which a single-file run pays for in its start-up (docs/performance.md)
        @Override
        public boolean equals(Object other) {
            return other instanceof Input i
                    && path.equals(i.path)
                    && displayName.equals(i.displayName)
                    && skipped.equals(i.skipped)
                    && named == i.named;
        }

        @Override
        public int hashCode() {
            return (path.hashCode() * 31 + displayName.hashCode()) * 31 + skipped.hashCode();
        }
    }

    /**
     * The inputs found, the folders a renderer renders (a Helm chart, a Kustomize folder) and the paths that could
     * not be used (a usage error for the caller).
     */
    public record Scan(List<Input> inputs, List<Folder> folders, List<String> errors) {
        public Scan(List<Input> inputs, List<String> errors) {
            this(inputs, List.of(), errors);
        }
    }

    /** A folder to render, with the folder the scan walked to find it. */
    public record Folder(Path path, Path scanRoot, FolderRenderer renderer) {}

    private static final Set<String> EXTENSIONS = Set.of(".yaml", ".yml", ".json");

    private final Path workingDirectory;
    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;
    private final List<String> includeGlobs;
    private final List<String> excludeGlobs;
    private final List<FolderRenderer> renderers;

    public SourceScanner(Path workingDirectory, List<String> includeGlobs, List<String> excludeGlobs) {
        this(workingDirectory, includeGlobs, excludeGlobs, List.of());
    }

    /** A scanner that also finds the folders the renderers render. */
    public SourceScanner(
            Path workingDirectory,
            List<String> includeGlobs,
            List<String> excludeGlobs,
            List<FolderRenderer> renderers) {
        this.renderers = List.copyOf(renderers);
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.includeGlobs = List.copyOf(includeGlobs);
        this.excludeGlobs = List.copyOf(excludeGlobs);
        this.includes = includeGlobs.stream().map(SourceScanner::matcher).toList();
        this.excludes = excludeGlobs.stream().map(SourceScanner::matcher).toList();
    }

    /** Checks a glob's syntax; returns a message when it is invalid. */
    public static java.util.Optional<String> checkGlob(String glob) {
        try {
            matcher(glob);
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(
                    "invalid glob '" + glob + "': " + e.getMessage().split("\n")[0]);
        }
    }

    private static PathMatcher matcher(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    public Scan scan(List<String> arguments) {
        Set<Input> inputs = new LinkedHashSet<>();
        Set<Folder> folders = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-")) {
                inputs.add(new Input(java.util.Optional.empty(), SourceFile.STDIN));
                continue;
            }
            Path path = workingDirectory.resolve(argument).normalize();
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
                errors.add("no such file or directory: " + argument);
            } else if (Files.isDirectory(path)) {
                walk(path, inputs, folders, errors);
            } else if (!Files.isReadable(path)) {
                inputs.add(new Input(java.util.Optional.of(path), displayName(path)));
            } else {
                // a file named explicitly is read whatever its extension; globs still apply
                if (selected(path, path.getParent() == null ? path : path.getParent())) {
                    inputs.add(new Input(java.util.Optional.of(path), displayName(path)));
                }
            }
        }
        // a file named and also found in a named folder is read once, as named
        java.util.Map<List<Object>, Input> unique = new java.util.LinkedHashMap<>();
        for (Input input : inputs) {
            unique.merge(
                    List.of(input.path(), input.displayName(), input.skipped()), input, (a, b) -> a.named() ? a : b);
        }
        return new Scan(List.copyOf(unique.values()), List.copyOf(folders), errors);
    }

    /**
     * Walks a folder. Symbolic links are followed while they stay inside the folder (loops are detected and each
     * file read once); a link that leads outside it is not followed, so that scanning a checked-out repository
     * never reads, say, a link to a secret elsewhere on the machine. Named pipes, sockets and devices are not
     * read either, so a scan never blocks on one. Both are reported; a file named explicitly is always read.
     */
    private void walk(Path root, Set<Input> inputs, Set<Folder> folders, List<String> errors) {
        Path inside = realPath(root);
        java.util.Map<Path, java.util.Optional<String>> found = new java.util.TreeMap<>();
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root) && isHidden(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (!dir.equals(root) && leavesFolder(dir, inside)) {
                                if (selected(dir, root)) {
                                    found.put(dir, java.util.Optional.of(outsideMessage(dir)));
                                }
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            for (FolderRenderer renderer : renderers) {
                                if (renderer.renders(dir)) {
                                    folders.add(new Folder(
                                            dir.toAbsolutePath().normalize(),
                                            root.toAbsolutePath().normalize(),
                                            renderer));
                                    return renderer.ownsFolder()
                                            ? FileVisitResult.SKIP_SUBTREE
                                            : FileVisitResult.CONTINUE;
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!hasManifestExtension(file) || isHidden(file) || !selected(file, root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) {
                                // a link whose target is missing: the engine reports it as unreadable
                                found.put(file, java.util.Optional.empty());
                            } else if (leavesFolder(file, inside)) {
                                found.put(file, java.util.Optional.of(outsideMessage(file)));
                            } else if (attrs.isRegularFile()) {
                                found.put(file, java.util.Optional.empty());
                            } else if (attrs.isOther()) {
                                found.put(
                                        file,
                                        java.util.Optional.of(
                                                "not a regular file (a named pipe, socket or device), so it"
                                                        + " was not read: kubelint reads such a file only when it is named explicitly"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (hasManifestExtension(file) && selected(file, root)) {
                                // unreadable: the engine reports it as a finding on the file
                                found.put(file, java.util.Optional.empty());
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            errors.add("cannot read folder " + displayName(root) + ": " + e.getMessage());
        }
        found.forEach(
                (file, skipped) -> inputs.add(new Input(java.util.Optional.of(file), displayName(file), skipped)));
    }

    /** The path with symbolic links resolved; when it cannot be resolved (it does not exist), absolute and normalized. */
    public static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * The real path of a file that may not exist yet (a report to be written): its nearest folder that exists with
     * symbolic links resolved, and the rest of the path as it is.
     */
    public static Path realPathOfNew(Path path) {
        Path existing = path.toAbsolutePath().normalize();
        while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return realPath(existing)
                .resolve(existing.relativize(path.toAbsolutePath().normalize()));
    }

    /** Whether a symbolic link (or a path under one) resolves outside the folder being walked. */
    private static boolean leavesFolder(Path path, Path inside) {
        return Files.isSymbolicLink(path) && !realPath(path).startsWith(inside);
    }

    private String outsideMessage(Path link) {
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            target = "a path";
        }
        return "symbolic link to " + target + ", outside the folder being scanned, so it was not read: name the target"
                + " as a path to lint it";
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null
                && name.toString().startsWith(".")
                && !name.toString().equals(".")
                && !name.toString().equals("..");
    }

    private static boolean hasManifestExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot));
    }

    /** Applies the globs to the path relative to the scanned folder (and to the path as shown). */
    private boolean selected(Path file, Path root) {
        if (includes.isEmpty() && excludes.isEmpty()) {
            return true;
        }
        List<Path> candidates = new ArrayList<>(3);
        candidates.add(root.relativize(file));
        candidates.add(file.getFileName());
        Path shown = java.nio.file.Paths.get(displayName(file));
        if (!shown.isAbsolute()) {
            candidates.add(shown);
        }
        boolean included = includes.isEmpty() || candidates.stream().anyMatch(c -> matches(includes, includeGlobs, c));
        boolean excluded = candidates.stream().anyMatch(c -> matches(excludes, excludeGlobs, c));
        return included && !excluded;
    }

    private static boolean matches(List<PathMatcher> matchers, List<String> globs, Path relative) {
        for (int i = 0; i < matchers.size(); i++) {
            if (matchers.get(i).matches(relative)) {
                return true;
            }
            // "**/x.yaml" should also match "x.yaml" at the top of the folder
            String glob = globs.get(i);
            if (glob.startsWith("**/") && matcher(glob.substring(3)).matches(relative)) {
                return true;
            }
        }
        return false;
    }

    /** Relative to the working directory when inside it, "/"-separated. */
    public String displayName(Path path) {
        return shown(workingDirectory, path);
    }

    /** A path as findings name it: relative to {@code workingDirectory} when inside it, "/"-separated. */
    public static String displayName(Path workingDirectory, Path path) {
        return shown(workingDirectory.toAbsolutePath().normalize(), path);
    }

    /**
     * The files of one location read apart from the scan (a folder of policies, a schema location): the file itself,
     * or the folder's YAML and JSON files and below, found as the scan finds its inputs (hidden files and folders
     * passed over, a link that leads out of the folder reported in {@link Input#skipped}, not read), in name order.
     * Names are relative to the location's parent folder.
     */
    public static Scan location(Path location) {
        Path absolute = location.toAbsolutePath().normalize();
        Path parent = absolute.getParent() == null ? absolute : absolute.getParent();
        return new SourceScanner(parent, List.of(), List.of()).scan(List.of(absolute.toString()));
    }

    private static String shown(Path workingDirectory, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String shown = absolute.startsWith(workingDirectory)
                ? workingDirectory.relativize(absolute).toString()
                : absolute.toString();
        if (shown.isEmpty()) {
            shown = ".";
        }
        return shown.replace(java.io.File.separatorChar, '/');
    }
}
