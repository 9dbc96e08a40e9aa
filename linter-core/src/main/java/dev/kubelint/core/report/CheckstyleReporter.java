package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkstyle XML, as reviewdog ({@code -f=checkstyle}), Jenkins Warnings NG, SonarQube and other Checkstyle
 * report readers take it: a {@code checkstyle} root, one {@code file} per scanned file (files without findings
 * too, as Checkstyle lists every file it checked), and one {@code error} per active finding with {@code line},
 * {@code column}, {@code severity} ({@code error}, {@code warning} or {@code info}), {@code message} and
 * {@code source}, the rule id.
 *
 * <p>Checkstyle writes no suppressed violation, and neither does this report. A finding about the run rather than
 * a file goes under a {@code file} named {@value #RUN}, as in the JUnit report. Text that XML 1.0 cannot carry
 * (control characters, unpaired surrogates) is replaced by U+FFFD.
 */
public final class CheckstyleReporter implements Reporter {

    /** The file that findings about the run itself are listed under. */
    static final String RUN = "kubelint";

    /** The version of the format written: the Checkstyle release whose XML layout this follows. */
    static final String FORMAT_VERSION = "10.0";

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<checkstyle version=\"" + FORMAT_VERSION + "\">\n");
        for (Map.Entry<String, List<Finding>> file : byFile(result).entrySet()) {
            String name = XmlText.attribute(file.getKey());
            if (file.getValue().isEmpty()) {
                out.write("  <file name=\"" + name + "\"/>\n");
                continue;
            }
            out.write("  <file name=\"" + name + "\">\n");
            for (Finding f : file.getValue()) {
                out.write("    <error line=\"" + f.location().line() + "\" column=\""
                        + f.location().column()
                        + "\" severity=\"" + f.severity().label() + "\" message=\"" + XmlText.attribute(f.message())
                        + "\" source=\"" + XmlText.attribute(f.ruleId()) + "\"/>\n");
            }
            out.write("  </file>\n");
        }
        out.write("</checkstyle>\n");
    }

    /** Every file in scan order with its findings, then files only findings name (the run's). */
    private static Map<String, List<Finding>> byFile(LintResult result) {
        Map<String, List<Finding>> files = new LinkedHashMap<>();
        result.files().forEach(f -> files.putIfAbsent(f.file(), new ArrayList<>()));
        for (Finding f : result.findings()) {
            String file = f.location().file().isEmpty() ? RUN : f.location().file();
            files.computeIfAbsent(file, k -> new ArrayList<>()).add(f);
        }
        return files;
    }
}
