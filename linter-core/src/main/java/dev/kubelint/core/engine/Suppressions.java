package dev.kubelint.core.engine;

import java.util.List;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.source.SourceFile;

/**
 * Applies suppression annotations ({@code ignore.kubelint.dev/<rule-id>: "<reason>"}) and line comments
 * ({@code # kubelint-ignore: <rule-id> -- <reason>}) to the findings of one file.
 */
final class Suppressions {

    private final boolean enabled;

    Suppressions(boolean enabled) {
        this.enabled = enabled;
    }

    List<Finding> apply(SourceFile source, List<Manifest> manifests, List<Finding> findings) {
        return findings;
    }

    List<Finding> applyCrossObject(List<Finding> findings) {
        return findings;
    }
}
