package dev.kubelint.core.engine;

import dev.kubelint.core.baseline.Baseline;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.source.SourceExcerpt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run found, in the deterministic order of {@link Finding#ORDER}.
 *
 * @param findings   active findings
 * @param suppressed findings silenced by an annotation or comment, with their reasons
 * @param files      per input, in scan order: its name and objects
 * @param sources    per input with findings, the lines they start on, for code frames
 * @param baseline   the findings a baseline file accepts (not among {@code findings}) and its entries that matched
 *                   nothing
 * @param skipped    files found in folders that were not linted because they are not Kubernetes manifests (Helm
 *                   values, CI configuration, ...), in scan order
 * @param notes      what the run could not do the usual way and how to get it (said once each), such as folders
 *                   linted raw for want of a rendering tool
 */
public record LintResult(
        LintSettings settings,
        RuleCatalog catalog,
        List<Finding> findings,
        List<Finding> suppressed,
        List<FileSummary> files,
        Map<String, SourceExcerpt> sources,
        Duration elapsed,
        BaselineOutcome baseline,
        List<SkippedFile> skipped,
        List<String> notes) {

    /**
     * What a baseline did to a run.
     *
     * @param used    whether a baseline file was applied
     * @param matched the findings it accepts, in {@link Finding#ORDER}; they count for no threshold
     * @param stale   its entries that matched no finding: the problem is gone, and the entry can go too
     */
    public record BaselineOutcome(boolean used, List<Finding> matched, List<Baseline.Entry> stale) {
        public static final BaselineOutcome NONE = new BaselineOutcome(false, List.of(), List.of());

        public BaselineOutcome {
            matched = List.copyOf(matched);
            stale = List.copyOf(stale);
        }
    }

    /** A file found in a folder and left out because it is not a manifest, and what it looked like. */
    public record SkippedFile(String file, String reason) {}

    /** A result of a run without a baseline, skipped files or notes. */
    public LintResult(
            LintSettings settings,
            RuleCatalog catalog,
            List<Finding> findings,
            List<Finding> suppressed,
            List<FileSummary> files,
            Map<String, SourceExcerpt> sources,
            Duration elapsed) {
        this(
                settings,
                catalog,
                findings,
                suppressed,
                files,
                sources,
                elapsed,
                BaselineOutcome.NONE,
                List.of(),
                List.of());
    }

    /**
     * One input: its name, how many objects it holds and, when the request asked for them
     * ({@link LintRequest#objectSummaries()}), those objects.
     */
    public record FileSummary(String file, int objectCount, List<ObjectSummary> objects) {
        public FileSummary {
            objects = List.copyOf(objects);
            if (!objects.isEmpty() && objects.size() != objectCount) {
                throw new IllegalArgumentException(
                        "object count " + objectCount + " but " + objects.size() + " objects");
            }
        }

        /** A file with its objects listed. */
        public FileSummary(String file, List<ObjectSummary> objects) {
            this(file, objects.size(), objects);
        }
    }

    /** One object of an input, for reports that list every object (JUnit). */
    public record ObjectSummary(int documentIndex, ObjectRef object, Location location) {}

    public LintResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        files = List.copyOf(files);
        sources = Map.copyOf(sources);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** The same run with these active findings and what the baseline accepted. */
    public LintResult withBaseline(List<Finding> active, BaselineOutcome outcome) {
        return new LintResult(settings, catalog, active, suppressed, files, sources, elapsed, outcome, skipped, notes);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public int fileCount() {
        return files.size();
    }

    public long objectCount() {
        return files.stream().mapToLong(FileSummary::objectCount).sum();
    }

    /** Whether any active finding is at least as serious as the threshold (none: never). */
    public boolean fails(Optional<Severity> threshold) {
        return threshold.isPresent()
                && findings.stream().anyMatch(f -> f.severity().atLeast(threshold.get()));
    }

    public Optional<SourceExcerpt> source(String file) {
        return Optional.ofNullable(sources.get(file));
    }
}
