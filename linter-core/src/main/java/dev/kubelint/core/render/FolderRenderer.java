package dev.kubelint.core.render;

import java.nio.file.Path;

/**
 * Turns a folder that is not plain manifests (a Helm chart, a Kustomize folder) into the objects it stands for,
 * so that they are linted as the cluster would receive them. Renderers are found with {@link java.util.ServiceLoader}
 * (see {@link RenderSetup#discover()}); the engine asks each one about every folder a scan walks, so
 * {@link #renders(Path)} must be cheap (a marker file's existence).
 */
public interface FolderRenderer {

    /** What the renderer renders, for messages: {@code Helm chart}, {@code Kustomize folder}. */
    String name();

    /** Whether the folder is one this renderer renders. */
    boolean renders(Path folder);

    /**
     * Whether every file under a rendered folder belongs to it, so that the walk does not read them raw (a chart:
     * its templates are not manifests). Otherwise the rendering says which files it consumed.
     */
    boolean ownsFolder();

    /** Renders the folder. Never throws for a bad folder: a failure is a {@link Rendering#failed} result. */
    Rendering render(RenderTarget target);
}
