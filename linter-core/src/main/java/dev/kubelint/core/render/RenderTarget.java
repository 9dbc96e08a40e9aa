package dev.kubelint.core.render;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * One folder to render.
 *
 * @param folder            the folder, absolute
 * @param scanRoot          the folder the scan walked, absolute: a renderer reads nothing outside it of its own accord
 * @param kubernetesVersion the Kubernetes version the run validates against ({@code 1.35})
 * @param values            values for chart templates
 * @param displayNames      the name findings show for a path
 */
public record RenderTarget(Path folder, Path scanRoot, String kubernetesVersion, ChartValues values,
                           Function<Path, String> displayNames) {

    public String displayName(Path path) {
        return displayNames.apply(path);
    }
}
