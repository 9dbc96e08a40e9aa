package dev.kubelint.core.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What rendering one folder gave.
 *
 * @param files    the rendered objects, per source file
 * @param consumed files the rendering read, which are therefore not linted raw as well (absolute, normalized)
 * @param failure  why the folder did not render (the tool's own message): one finding on {@code failureFile}
 * @param failureFile the file the failure is reported on (the chart's {@code Chart.yaml}, the {@code kustomization.yaml})
 * @param notice   when the folder could not be rendered for want of a tool: what to do, said once per run; its
 *                 files are then linted raw
 */
public record Rendering(
        List<RenderedFile> files,
        Set<Path> consumed,
        Optional<String> failure,
        Optional<Path> failureFile,
        Optional<String> notice) {

    public Rendering {
        files = List.copyOf(files);
        consumed = Set.copyOf(consumed);
    }

    public static Rendering of(List<RenderedFile> files, Set<Path> consumed) {
        return new Rendering(files, consumed, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Rendering failed(Path file, String message, Set<Path> consumed) {
        return new Rendering(List.of(), consumed, Optional.of(message), Optional.of(file), Optional.empty());
    }

    /** Not rendered: the folder's files are linted raw, and the notice is said once. */
    public static Rendering raw(String notice) {
        return new Rendering(List.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.of(notice));
    }
}
