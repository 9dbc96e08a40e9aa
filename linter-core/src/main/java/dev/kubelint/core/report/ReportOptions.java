package dev.kubelint.core.report;

import java.nio.file.Path;

/**
 * How to render a report.
 *
 * @param workingDirectory the scan's base folder (file names in results are relative to it)
 * @param color            whether to use ANSI colours (text only)
 * @param showSource       whether to show the source line under each finding (text only)
 * @param showSummary      whether to end with the summary line (text and github; off for --quiet)
 * @param toolVersion      kubelint's version, for reports that name their tool
 * @param verbose          text: also list the files left out as not manifests
 */
public record ReportOptions(Path workingDirectory, boolean color, boolean showSource, boolean showSummary,
                            String toolVersion, boolean verbose) {

    public ReportOptions(Path workingDirectory, boolean color, boolean showSource, boolean showSummary,
                         String toolVersion) {
        this(workingDirectory, color, showSource, showSummary, toolVersion, false);
    }

    public ReportOptions(Path workingDirectory, boolean color, boolean showSource, String toolVersion) {
        this(workingDirectory, color, showSource, true, toolVersion);
    }

    /** No colours, no code frames, a summary line: what a file or a program reads best. */
    public static ReportOptions plain(Path workingDirectory) {
        return new ReportOptions(workingDirectory, false, false, true, Version.current());
    }

    public ReportOptions withColor(boolean value) {
        return new ReportOptions(workingDirectory, value, showSource, showSummary, toolVersion, verbose);
    }

    public ReportOptions withShowSource(boolean value) {
        return new ReportOptions(workingDirectory, color, value, showSummary, toolVersion, verbose);
    }

    public ReportOptions withShowSummary(boolean value) {
        return new ReportOptions(workingDirectory, color, showSource, value, toolVersion, verbose);
    }

    public ReportOptions withVerbose(boolean value) {
        return new ReportOptions(workingDirectory, color, showSource, showSummary, toolVersion, value);
    }
}
