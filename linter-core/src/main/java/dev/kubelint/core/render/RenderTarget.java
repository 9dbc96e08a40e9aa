package dev.kubelint.core.render;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * One folder to render.
 *
 * @param folder            the folder, absolute
 * @param scanRoot          the folder the scan walked, absolute: a renderer reads nothing outside it and the
 *                          working directory of its own accord
 * @param kubernetesVersion the Kubernetes version the run validates against ({@code 1.35})
 * @param values            values for chart templates
 * @param displayNames      the name findings show for a path
 * @param workingDirectory  the run's working directory, absolute
 */
public record RenderTarget(
        Path folder,
        Path scanRoot,
        String kubernetesVersion,
        ChartValues values,
        Function<Path, String> displayNames,
        Path workingDirectory) {

    public RenderTarget(
            Path folder,
            Path scanRoot,
            String kubernetesVersion,
            ChartValues values,
            Function<Path, String> displayNames) {
        this(folder, scanRoot, kubernetesVersion, values, displayNames, scanRoot);
    }

    /** Whether a file is one a rendering may name: inside the scanned folder or the working directory. */
    public boolean inScope(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return p.startsWith(scanRoot) || p.startsWith(workingDirectory);
    }

    public String displayName(Path path) {
        return displayNames.apply(path);
    }
}
