package dev.kubelint.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the {@code .kubelint.yaml} that applies to the scanned paths: from each path (a folder, or the folder of
 * a file; the working directory for standard input) upward, stopping at the repository root (a folder that
 * holds {@code .git}) or at the filesystem root.
 */
public final class ConfigDiscovery {

    private final Path workingDirectory;

    public ConfigDiscovery(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
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
            found.forEach((file, input) -> which.append(which.length() == 0 ? "" : ", ").append(show(file))
                    .append(" (for ").append(input).append(')'));
            throw new ConfigException(ConfigProblem.of("", "the scanned paths have different configuration files: "
                    + which + "; scan them separately, or choose one with --config FILE"));
        }
        return found.keySet().stream().findFirst();
    }

    /** The nearest configuration file at or above {@code folder}, within its repository. */
    public static Optional<Path> search(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        while (dir != null) {
            Path candidate = dir.resolve(ConfigReader.FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            // .git is a folder in a clone and a file in a worktree or submodule: either marks the root
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.empty();
            }
            dir = dir.getParent();
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
        return file.startsWith(workingDirectory) ? workingDirectory.relativize(file).toString().replace('\\', '/')
                : file.toString();
    }
}
