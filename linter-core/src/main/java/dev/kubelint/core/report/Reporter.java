package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import java.io.IOException;
import java.io.Writer;

/** Writes a run's result in one output format; {@link ReportFormats} names the formats and makes their reporters. */
public interface Reporter {

    /**
     * Whether this report lists every object of every file ({@link LintResult.FileSummary#objects()}); the engine
     * keeps them only when a report asks ({@link dev.kubelint.core.engine.LintRequest#objectSummaries()}).
     */
    default boolean needsObjects() {
        return false;
    }

    /**
     * Whether this report shows source lines (code frames) with these options; the engine keeps the lines
     * findings start on only when a report asks ({@link dev.kubelint.core.engine.LintRequest#sourceLines()}).
     */
    default boolean showsSource(ReportOptions options) {
        return false;
    }

    void write(LintResult result, ReportOptions options, Writer out) throws IOException;
}
