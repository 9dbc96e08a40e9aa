package dev.kubelint.core.render;

import java.nio.file.Path;

/**
 * The objects a rendering made from one source file (a chart template, a Kustomize resource), as YAML, and how
 * to trace their positions back to that file.
 *
 * @param original    the source file, absolute
 * @param displayName the name findings show for it
 * @param text        the rendered documents
 * @param trace       maps positions in {@code text} to positions in the source file
 */
public record RenderedFile(Path original, String displayName, String text, LineTracer trace) {}
