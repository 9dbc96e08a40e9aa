package dev.kubelint.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code .kubelint.yaml} that applies to the scanned paths: from each path (a folder, or the folder of
 * a file; the working directory for standard input) upward, up to the nearest of the repository root (a folder
 * that holds {@code .git}), the user's home folder and the working directory. A path outside all three is
 * governed only by a file in its own folder: discovery never climbs through shared folders such as {@code /tmp}
 * (where anyone may leave a {@code .kubelint.yaml}) to the filesystem root.
 */
public final class ConfigDiscovery {

    private final Path workingDirectory;
    private final Optional<Path> home;

    public ConfigDiscovery(Path workingDirectory) {
        this(workingDirectory, home());
    }

    /** With the home folder given (tests). */
    ConfigDiscovery(Path workingDirectory, Optional<Path> home) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.home = home.map(h -> h.toAbsolutePath().normalize());
    }

    private static Optional<Path> home() {
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home));
    }

    /**
     * The one configuration file for all inputs, if any. Inputs without a file of their own use the one found
     * for the others; inputs in different projects with different files are an error, because one run has one
     * configuration.
     */
    public Optional<Path> find(List<String> inputs) throws ConfigException {
        Map<Path, String> found = new LinkedHashMap<>();
        for (String input : inputs) {
            Optional<Path> start = start(input);
            if (start.isEmpty()) {
                continue;
            }
            search(start.get()).ifPresent(file -> found.putIfAbsent(file, input));
        }
        if (found.size() > 1) {
            StringBuilder which = new StringBuilder();
            found.forEach((file, input) -> which.append(which.length() == 0 ? "" : ", ")
                    .append(show(file))
                    .append(" (for ")
                    .append(input)
                    .append(')'));
            throw new ConfigException(ConfigProblem.of(
                    "",
                    "the scanned paths have different configuration files: " + which
                            + "; scan them separately, or choose one with --config FILE"));
        }
        return found.keySet().stream().findFirst();
    }

    /**
     * The nearest configuration file at or above {@code folder}, up to the root of its repository; outside a
     * repository up to the home folder or the working directory (whichever holds it); outside all of them only in
     * {@code folder} itself.
     */
    Optional<Path> search(Path folder) {
        Path start = folder.toAbsolutePath().normalize();
        Optional<Path> top = repositoryRoot(start)
                .or(() -> home.filter(start::startsWith))
                .or(() -> Optional.of(workingDirectory).filter(start::startsWith));
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(ConfigReader.FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (top.isEmpty() || dir.equals(top.get())) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The nearest folder at or above {@code dir} that holds {@code .git} (a folder in a clone, a file in a worktree). */
    private static Optional<Path> repositoryRoot(Path dir) {
        for (Path up = dir; up != null; up = up.getParent()) {
            if (Files.exists(up.resolve(".git"))) {
                return Optional.of(up);
            }
        }
        return Optional.empty();
    }

    private Optional<Path> start(String input) {
        if (input.equals("-")) {
            return Optional.of(workingDirectory);
        }
        Path path = workingDirectory.resolve(input).normalize();
        if (Files.isDirectory(path)) {
            return Optional.of(path);
        }
        if (Files.exists(path)) {
            return Optional.ofNullable(path.getParent());
        }
        // a path that does not exist is reported by the scanner
        return Optional.empty();
    }

    private String show(Path file) {
        return file.startsWith(workingDirectory)
                ? workingDirectory.relativize(file).toString().replace('\\', '/')
                : file.toString();
    }
}
