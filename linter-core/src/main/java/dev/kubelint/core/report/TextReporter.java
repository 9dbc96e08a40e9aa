package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * Compiler-style lines, {@code file:line:col: severity: message [rule-id]}, each followed by the offending source
 * line with a marker under the finding's span (unless switched off), then one summary line.
 */
public final class TextReporter implements Reporter {

    @Override
    public boolean showsSource(ReportOptions options) {
        return options.showSource();
    }

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        Ansi ansi = Ansi.of(options.color());
        SourceLookup sources = new SourceLookup(result, options.workingDirectory());
        for (Finding f : result.findings()) {
            out.write(line(f, ansi));
            out.write('\n');
            if (options.showSource()) {
                Optional<CodeFrame> frame = sources.frame(f.location());
                if (frame.isPresent()) {
                    writeFrame(f, frame.get(), ansi, out);
                }
            }
        }
        if (options.showSummary()) {
            if (options.verbose()) {
                for (LintResult.SkippedFile skipped : result.skipped()) {
                    out.write(printable(skipped.file()) + ": skipped, not a Kubernetes manifest (" + skipped.reason()
                            + ")\n");
                }
            }
            for (String note : result.notes()) {
                out.write(ansi.dim("note: ") + printable(note) + "\n");
            }
            out.write(summary(result, ansi));
            out.write('\n');
        }
    }

    /** The finding's line without colours. */
    public static String line(Finding f) {
        return line(f, Ansi.OFF);
    }

    public static String line(Finding f, Ansi ansi) {
        StringBuilder b = new StringBuilder();
        String where = where(f.location());
        if (!where.isEmpty()) {
            b.append(ansi.bold(where + ":")).append(' ');
        }
        b.append(ansi.severity(f.severity(), f.severity().label() + ":")).append(' ');
        b.append(printable(f.message())).append(' ');
        b.append(ansi.dim("[" + f.ruleId() + "]"));
        return b.toString();
    }

    /** {@code file:line:col}, or empty for a finding about the run rather than a file. */
    static String where(Location location) {
        if (location.file().isEmpty()) {
            return "";
        }
        return printable(location.file()) + ":" + location.line() + ":" + location.column();
    }

    public static String summary(LintResult result) {
        return summary(result, Ansi.OFF);
    }

    /** Errors, warnings, infos, suppressed (and, with a baseline, baselined) findings, files, objects and the time taken. */
    public static String summary(LintResult result, Ansi ansi) {
        return count(result.count(Severity.ERROR), "error", Severity.ERROR, ansi) + ", "
                + count(result.count(Severity.WARNING), "warning", Severity.WARNING, ansi) + ", "
                + count(result.count(Severity.INFO), "info", Severity.INFO, ansi) + ", "
                + result.suppressed().size() + " suppressed"
                + (result.baseline().used() ? ", " + result.baseline().matched().size() + " baselined" : "")
                + " in " + plural(result.fileCount(), "file") + ", " + plural(result.objectCount(), "object")
                + (result.skipped().isEmpty()
                        ? ""
                        : "; " + plural(result.skipped().size(), "file") + " skipped: not Kubernetes manifests")
                + " (" + seconds(result.elapsed().toMillis()) + "s)";
    }

    /** Milliseconds as seconds with two decimals, rounded half up; not String.format, whose first use is slow. */
    static String seconds(long millis) {
        long centis = (millis + 5) / 10;
        long fraction = centis % 100;
        return centis / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    static void writeFrame(Finding f, CodeFrame c, Ansi ansi, Writer out) throws IOException {
        String number = Integer.toString(c.lineNumber());
        int width = Math.max(4, number.length());
        String pad = " ".repeat(width - number.length());
        out.write(ansi.gutter(" " + pad + number + " |"));
        out.write(c.text().isEmpty() ? "" : " " + c.text());
        out.write('\n');
        out.write(ansi.gutter(" " + " ".repeat(width) + " |"));
        out.write(" " + ansi.marker(f.severity(), c.marker()));
        out.write('\n');
    }

    private static String count(long n, String word, Severity severity, Ansi ansi) {
        String text = plural(n, word);
        return n > 0 ? ansi.severity(severity, text) : text;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * Control characters, line breaks included, are escaped, so that text can neither drive a terminal nor start a
     * line that CI would take for one of its own.
     */
    static String printable(String text) {
        return PrintableText.escape(text);
    }
}
