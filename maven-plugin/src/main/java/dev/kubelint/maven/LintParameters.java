package dev.kubelint.maven;

import dev.kubelint.core.run.LintRequestBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the plugin's goals that lint ({@code check}, {@code report}) were told: where the manifests are and how to
 * lint them. Each goal declares the parameters (Maven injects them into the goal's own fields) and hands them here,
 * where they become the folders to lint and the request, the same way for every goal.
 *
 * <p>The declarations cannot move into a common base class: Maven injects a goal's parameters only into fields of
 * the goal's own class and its superclasses, and {@code report} must extend {@code AbstractMavenReport} (whose
 * {@code execute} is final and renders the page, with injected fields of its own), while {@code check} must not be
 * a report. Nesting them in one parameter object would change how POMs configure the plugin. So the goals share
 * this record instead: everything but the field declarations.
 */
record LintParameters(
        File baseDirectory,
        List<File> sourceDirectories,
        List<String> includes,
        List<String> excludes,
        File configFile,
        String kubernetesVersion,
        Boolean strict,
        String selector,
        String failOn,
        List<File> policies) {

    /** Where manifests are looked for when {@code sourceDirectories} is not set: the first that exists is used. */
    static final List<String> DEFAULT_SOURCE_DIRECTORIES =
            List.of("src/main/k8s", "src/main/kubernetes", "src/main/jkube", "k8s", "src/main/helm");

    /** The configured folders that exist, or the first default folder that exists. */
    List<Path> sources() {
        List<Path> found = new ArrayList<>();
        for (String name : sourceNames()) {
            Path path = baseDirectory.toPath().resolve(name).normalize();
            if (Files.exists(path)) {
                found.add(path.toAbsolutePath());
                if (sourceDirectories == null || sourceDirectories.isEmpty()) {
                    break;
                }
            }
        }
        return found;
    }

    /** The configured folders that do not exist, as shown relative to {@code root} (default folders are optional). */
    List<String> missingSources(Path root) {
        if (sourceDirectories == null || sourceDirectories.isEmpty()) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (String name : sourceNames()) {
            Path path = baseDirectory.toPath().resolve(name).normalize();
            if (!Files.exists(path)) {
                missing.add(shown(path, root));
            }
        }
        return missing;
    }

    /** The folders looked for, for the message that none exists. */
    String lookedFor() {
        return sourceNames().stream()
                .map(name -> shown(baseDirectory.toPath().resolve(name), baseDirectory.toPath()))
                .collect(Collectors.joining(", "));
    }

    private List<String> sourceNames() {
        if (sourceDirectories == null || sourceDirectories.isEmpty()) {
            return DEFAULT_SOURCE_DIRECTORIES;
        }
        return sourceDirectories.stream().map(File::getPath).toList();
    }

    /** The same translation as the command line's: only the syntax of the options differs. */
    LintRequestBuilder request(Path root, List<Path> sources) {
        LintRequestBuilder builder = new LintRequestBuilder(
                        root, sources.stream().map(Path::toString).toList())
                .includes(includes == null ? List.of() : includes)
                .excludes(excludes == null ? List.of() : excludes)
                .failOn(failOn == null ? "error" : failOn)
                .ruleClassLoader(LintParameters.class.getClassLoader());
        if (configFile != null) {
            builder.configFile(baseDirectory.toPath().resolve(configFile.toPath()));
        }
        if (kubernetesVersion != null && !kubernetesVersion.isBlank()) {
            builder.kubernetesVersion(kubernetesVersion);
        }
        if (strict != null) {
            builder.strict(strict);
        }
        if (selector != null && !selector.isBlank()) {
            builder.selector(selector);
        }
        if (policies != null) {
            policies.forEach(p ->
                    builder.policy(baseDirectory.toPath().resolve(p.toPath()).toString()));
        }
        return builder;
    }

    /** Relative to the folder when inside it, as the engine shows files; absolute otherwise. */
    static String shown(Path file, Path folder) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = folder.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute)
                .toString()
                .replace(File.separatorChar, '/');
    }
}
