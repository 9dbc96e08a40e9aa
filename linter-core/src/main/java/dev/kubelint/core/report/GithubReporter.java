package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.source.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice} per finding, which
 * the runner turns into an annotation on the file and line of a pull request, then the summary as a plain log
 * line. File names are relative to the working directory, which in a workflow is the repository root.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            out.write(command(f));
            out.write('\n');
        }
        if (options.showSummary()) {
            out.write(TextReporter.summary(result));
            out.write('\n');
        }
    }

    static String command(Finding f) {
        String name = switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        Location at = f.location();
        // an annotation without a file (standard input) still says where in its text
        String message = at.file().equals(SourceFile.STDIN) ? TextReporter.where(at) + ": " + f.message() : f.message();
        return WorkflowCommands.command(name, properties(at, f.ruleId()), message);
    }

    /**
     * File and position. GitHub takes columns only for a range within one line, so a span over several lines
     * is given by its lines alone.
     */
    private static Map<String, String> properties(Location location, String ruleId) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!location.file().isEmpty() && !location.file().equals(SourceFile.STDIN)) {
            p.put("file", location.file());
            p.put("line", Integer.toString(location.line()));
            if (location.line() == location.endLine()) {
                p.put("col", Integer.toString(location.column()));
                p.put("endLine", Integer.toString(location.endLine()));
                p.put("endColumn", Integer.toString(location.endColumn()));
            } else {
                p.put("endLine", Integer.toString(location.endLine()));
            }
        }
        p.put("title", ruleId);
        return p;
    }
}
