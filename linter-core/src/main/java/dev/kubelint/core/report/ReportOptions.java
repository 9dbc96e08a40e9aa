package dev.kubelint.core.report;

import java.nio.file.Path;

/**
 * How to render a report.
 *
 * @param workingDirectory the scan's base folder (file names in results are relative to it)
 * @param color            whether to use ANSI colours (text only)
 * @param showSource       whether to show the source line under each finding (text only)
 * @param toolVersion      kubelint's version, for reports that name their tool
 */
public record ReportOptions(Path workingDirectory, boolean color, boolean showSource, String toolVersion) {

    public static ReportOptions plain(Path workingDirectory) {
        return new ReportOptions(workingDirectory, false, false, Version.current());
    }
}
