package dev.kubelint.cli;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.source.SourceExcerpt;
import dev.kubelint.core.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --stdin-filename NAME}: what standard input is called in the reports, so that an editor or a pre-commit
 * hook that pipes a file's text gets findings on that file's path (annotations, SARIF locations, baselines).
 */
final class StdinName {

    private StdinName() {}

    /** The result with standard input named {@code name} wherever it appears. */
    static LintResult apply(LintResult result, String name) {
        Map<String, SourceExcerpt> sources = new LinkedHashMap<>(result.sources());
        SourceExcerpt stdin = sources.remove(SourceFile.STDIN);
        if (stdin != null) {
            sources.put(name, stdin);
        }
        List<LintResult.FileSummary> files = result.files().stream()
                .map(f -> !f.file().equals(SourceFile.STDIN)
                        ? f
                        : new LintResult.FileSummary(
                                name,
                                f.objectCount(),
                                f.objects().stream()
                                        .map(o -> new LintResult.ObjectSummary(
                                                o.documentIndex(), o.object(), rename(o.location(), name)))
                                        .toList()))
                .toList();
        return new LintResult(
                result.settings(),
                result.catalog(),
                rename(result.findings(), name),
                rename(result.suppressed(), name),
                files,
                sources,
                result.elapsed(),
                result.baseline(),
                result.skipped(),
                result.notes());
    }

    private static List<Finding> rename(List<Finding> findings, String name) {
        return findings.stream()
                .map(f -> new Finding(
                        f.ruleId(),
                        f.severity(),
                        rename(f.location(), name),
                        f.message(),
                        f.related().stream().map(l -> rename(l, name)).toList(),
                        f.suppression()
                                .map(s -> new dev.kubelint.core.finding.Suppression(
                                        s.kind(), s.reason(), rename(s.location(), name)))))
                .toList();
    }

    private static Location rename(Location l, String name) {
        return l.file().equals(SourceFile.STDIN)
                ? new Location(name, l.documentIndex(), l.span(), l.jsonPointer(), l.object())
                : l;
    }
}
