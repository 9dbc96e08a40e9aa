package dev.kubelint.core.report;

import java.io.IOException;
import java.io.Writer;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;

/** Compiler-style lines, {@code file:line:col: severity: message [rule-id]}, then one summary line. */
public final class TextReporter implements Reporter {

    @Override
    public String format() {
        return "text";
    }

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            out.write(line(f));
            out.write('\n');
        }
        out.write(summary(result));
        out.write('\n');
    }

    public static String line(Finding f) {
        return f.location().file() + ":" + f.location().line() + ":" + f.location().column() + ": "
                + f.severity().label() + ": " + f.message() + " [" + f.ruleId() + "]";
    }

    public static String summary(LintResult result) {
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        long infos = result.count(Severity.INFO);
        return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info")
                + (result.suppressed().isEmpty() ? "" : ", " + result.suppressed().size() + " suppressed")
                + " in " + plural(result.fileCount(), "file") + ", " + plural(result.objectCount(), "object")
                + String.format(java.util.Locale.ROOT, " (%.2fs)", result.elapsed().toMillis() / 1000.0);
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
