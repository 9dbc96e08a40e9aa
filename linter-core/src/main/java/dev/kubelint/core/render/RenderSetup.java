package dev.kubelint.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The renderers of a run and the chart values they use.
 *
 * @param renderers folder renderers, asked in order (the first that renders a folder gets it)
 * @param values    values for chart templates
 */
public record RenderSetup(List<FolderRenderer> renderers, ChartValues values) {

    /** No rendering: every folder is walked for plain manifests. */
    public static final RenderSetup NONE = new RenderSetup(List.of(), ChartValues.NONE);

    public RenderSetup {
        renderers = List.copyOf(renderers);
    }

    /** The renderers on the class path ({@code META-INF/services/dev.kubelint.core.render.FolderRenderer}). */
    public static RenderSetup discover(ClassLoader loader, ChartValues values) {
        List<FolderRenderer> found = new ArrayList<>();
        ServiceLoader.load(FolderRenderer.class, loader).forEach(found::add);
        return new RenderSetup(found, values);
    }

    public RenderSetup withValues(ChartValues value) {
        return new RenderSetup(renderers, value);
    }
}
