package dev.kubelint.core.report;

import dev.kubelint.core.finding.Severity;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to render a report.
 *
 * @param workingDirectory the scan's base folder (file names in results are relative to it)
 * @param color            whether to use ANSI colours (text only)
 * @param showSource       whether to show the source line under each finding (text only)
 * @param showSummary      whether to end with the summary line (text and github; off for --quiet)
 * @param toolVersion      kubelint's version, for reports that name their tool
 * @param failuresFrom     the least severity that is a failed test in JUnit (the build's failure threshold;
 *                         empty: none is); by default every finding is one
 * @param verbose          text: also list the files left out as not manifests
 */
public record ReportOptions(
        Path workingDirectory,
        boolean color,
        boolean showSource,
        boolean showSummary,
        String toolVersion,
        Optional<Severity> failuresFrom,
        boolean verbose) {

    public ReportOptions(
            Path workingDirectory, boolean color, boolean showSource, boolean showSummary, String toolVersion) {
        this(workingDirectory, color, showSource, showSummary, toolVersion, Optional.of(Severity.INFO), false);
    }

    public ReportOptions(Path workingDirectory, boolean color, boolean showSource, String toolVersion) {
        this(workingDirectory, color, showSource, true, toolVersion);
    }

    /** No colours, no code frames, a summary line: what a file or a program reads best. */
    public static ReportOptions plain(Path workingDirectory) {
        return new ReportOptions(workingDirectory, false, false, true, Version.current());
    }

    public ReportOptions withColor(boolean value) {
        return new ReportOptions(workingDirectory, value, showSource, showSummary, toolVersion, failuresFrom, verbose);
    }

    public ReportOptions withShowSource(boolean value) {
        return new ReportOptions(workingDirectory, color, value, showSummary, toolVersion, failuresFrom, verbose);
    }

    public ReportOptions withShowSummary(boolean value) {
        return new ReportOptions(workingDirectory, color, showSource, value, toolVersion, failuresFrom, verbose);
    }

    /** JUnit failures only from this severity up (empty: none), so that the test report agrees with the build. */
    public ReportOptions withFailuresFrom(Optional<Severity> threshold) {
        return new ReportOptions(workingDirectory, color, showSource, showSummary, toolVersion, threshold, verbose);
    }

    public ReportOptions withVerbose(boolean value) {
        return new ReportOptions(workingDirectory, color, showSource, showSummary, toolVersion, failuresFrom, value);
    }

    /** Whether a finding of this severity is a failed test. */
    public boolean isFailure(Severity severity) {
        return failuresFrom.isPresent() && severity.atLeast(failuresFrom.get());
    }
}
