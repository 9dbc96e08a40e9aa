package dev.kubelint.core.report;

import java.io.IOException;
import java.io.Writer;

import dev.kubelint.core.engine.LintResult;

/** Writes a run's result in one output format. */
public interface Reporter {

    /** The format's name on the command line: text, json, sarif, junit, github. */
    String format();

    void write(LintResult result, ReportOptions options, Writer out) throws IOException;
}
