package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.LintResult.FileSummary;
import dev.kubelint.core.engine.LintResult.ObjectSummary;
import dev.kubelint.core.finding.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * JUnit XML as Jenkins, GitLab and Maven Surefire read it: one {@code testsuite} per file, one {@code testcase}
 * per object (an object without findings is a passing test), one {@code failure} per finding, its message the
 * compiler-style line with the location. Findings that belong to no object (a syntax error, a document that is
 * not an object) go to a test case named after the file, which every file without objects also gets.
 *
 * <p>Jenkins shows only the first failure of a test case, so a test case with several findings also lists them
 * all in {@code system-out}, together with the findings suppressed on it and their reasons.
 *
 * <p>Only findings at or above {@link ReportOptions#failuresFrom()} (the build's failure threshold, in the Maven
 * plugin) are failures; the others are listed in {@code system-out} of a passing test case, so that the test
 * report and the build agree.
 */
public final class JUnitReporter implements Reporter {

    /** The findings of one test case. */
    private static final class Case {
        final String name;
        final List<Finding> findings = new ArrayList<>();
        final List<Finding> notes = new ArrayList<>();
        final List<Finding> suppressed = new ArrayList<>();

        Case(String name) {
            this.name = name;
        }
    }

    /** One test case per object. */
    @Override
    public boolean needsObjects() {
        return true;
    }

    /** A failure's details end with its code frame. */
    @Override
    public boolean showsSource(ReportOptions options) {
        return true;
    }

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        SourceLookup sources = new SourceLookup(result, options.workingDirectory());
        Map<String, List<Case>> suites = suites(result, options);
        long tests = suites.values().stream().mapToLong(List::size).sum();
        long failures = suites.values().stream()
                .flatMap(List::stream)
                .filter(c -> !c.findings.isEmpty())
                .count();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"kubelint\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\""
                + " time=\"" + seconds(result) + "\">\n");
        for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
            writeSuite(suite.getKey(), suite.getValue(), sources, out);
        }
        out.write("</testsuites>\n");
    }

    /** Per file (in the result's file order), its test cases: the objects, then the file itself when needed. */
    private static Map<String, List<Case>> suites(LintResult result, ReportOptions options) {
        Map<String, List<Case>> suites = new LinkedHashMap<>();
        Map<String, Map<ObjectSummary, Case>> objectCases = new HashMap<>();
        Map<String, Case> fileCases = new HashMap<>();
        Map<String, FileSummary> summaries = new LinkedHashMap<>();
        result.files().forEach(f -> summaries.putIfAbsent(f.file(), f));
        for (FileSummary file : summaries.values()) {
            Map<ObjectSummary, Case> cases = new LinkedHashMap<>();
            List<String> names = caseNames(file.objects());
            for (int i = 0; i < file.objects().size(); i++) {
                cases.put(file.objects().get(i), new Case(names.get(i)));
            }
            objectCases.put(file.file(), cases);
        }
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(result.suppressed());
        all.sort(Finding.ORDER);
        for (Finding f : all) {
            String file =
                    f.location().file().isEmpty() ? "kubelint" : f.location().file();
            Map<ObjectSummary, Case> cases = objectCases.computeIfAbsent(file, k -> new LinkedHashMap<>());
            Case target = owner(f, cases).orElseGet(() -> fileCases.computeIfAbsent(file, Case::new));
            (f.isSuppressed() ? target.suppressed : options.isFailure(f.severity()) ? target.findings : target.notes)
                    .add(f);
        }
        for (Map.Entry<String, Map<ObjectSummary, Case>> entry : objectCases.entrySet()) {
            String file = entry.getKey();
            List<Case> cases = new ArrayList<>(entry.getValue().values());
            if (fileCases.containsKey(file)) {
                cases.add(fileCases.get(file));
            } else if (cases.isEmpty()) {
                cases.add(new Case(file));
            }
            suites.put(file, cases);
        }
        // keep the order of the scan, then any file only findings name
        Map<String, List<Case>> ordered = new LinkedHashMap<>();
        summaries.keySet().forEach(file -> ordered.put(file, suites.remove(file)));
        suites.keySet().stream().sorted().forEach(file -> ordered.put(file, suites.get(file)));
        return ordered;
    }

    /** The object a finding is about: same document, and the object's pointer is a prefix of the finding's. */
    private static Optional<Case> owner(Finding f, Map<ObjectSummary, Case> cases) {
        ObjectSummary best = null;
        for (ObjectSummary o : cases.keySet()) {
            String root = o.location().jsonPointer();
            String pointer = f.location().jsonPointer();
            boolean inside = o.documentIndex() == f.location().documentIndex()
                    && (pointer.equals(root) || pointer.startsWith(root + "/"));
            if (inside
                    && (best == null
                            || root.length() > best.location().jsonPointer().length())) {
                best = o;
            }
        }
        return Optional.ofNullable(best).map(cases::get);
    }

    /** "Pod web", made unique within the file by the document (and List item) where needed. */
    private static List<String> caseNames(List<ObjectSummary> objects) {
        Map<String, Integer> counts = new HashMap<>();
        objects.forEach(o -> counts.merge(o.object().describe(), 1, Integer::sum));
        List<String> names = new ArrayList<>();
        for (ObjectSummary o : objects) {
            String name = o.object().describe();
            if (counts.get(name) > 1) {
                String pointer = o.location().jsonPointer();
                name = name + " (document " + (o.documentIndex() + 1) + (pointer.isEmpty() ? "" : " " + pointer) + ")";
            }
            names.add(name);
        }
        return names;
    }

    private static void writeSuite(String file, List<Case> cases, SourceLookup sources, Writer out) throws IOException {
        long failures = cases.stream().filter(c -> !c.findings.isEmpty()).count();
        out.write("  <testsuite name=\"" + XmlText.attribute(file) + "\" tests=\"" + cases.size() + "\" failures=\""
                + failures + "\" errors=\"0\" skipped=\"0\">\n");
        String classname = classname(file);
        for (Case c : cases) {
            out.write("    <testcase name=\"" + XmlText.attribute(c.name) + "\" classname=\""
                    + XmlText.attribute(classname) + "\"");
            if (c.findings.isEmpty() && c.notes.isEmpty() && c.suppressed.isEmpty()) {
                out.write("/>\n");
                continue;
            }
            out.write(">\n");
            for (Finding f : c.findings) {
                out.write("      <failure message=\"" + XmlText.attribute(firstLine(TextReporter.line(f)))
                        + "\" type=\"" + XmlText.attribute(f.ruleId()) + "\">" + XmlText.text(details(f, sources))
                        + "</failure>\n");
            }
            if (c.findings.size() > 1 || !c.notes.isEmpty() || !c.suppressed.isEmpty()) {
                out.write("      <system-out>" + XmlText.text(systemOut(c)) + "</system-out>\n");
            }
            out.write("    </testcase>\n");
        }
        out.write("  </testsuite>\n");
    }

    /** The finding's line and its code frame, as a compiler prints them. */
    private static String details(Finding f, SourceLookup sources) throws IOException {
        StringWriter text = new StringWriter();
        text.write(TextReporter.line(f));
        text.write('\n');
        Optional<CodeFrame> frame = sources.frame(f.location());
        if (frame.isPresent()) {
            TextReporter.writeFrame(f, frame.get(), Ansi.OFF, text);
        }
        if (!f.location().jsonPointer().isEmpty()) {
            text.write("at " + f.location().jsonPointer() + "\n");
        }
        return text.toString();
    }

    private static String systemOut(Case c) {
        StringBuilder b = new StringBuilder();
        for (Finding f : c.findings) {
            b.append(TextReporter.line(f)).append('\n');
        }
        for (Finding f : c.notes) {
            b.append("below the failure threshold: ")
                    .append(TextReporter.line(f))
                    .append('\n');
        }
        for (Finding f : c.suppressed) {
            b.append("suppressed (")
                    .append(f.suppression().orElseThrow().reason())
                    .append("): ")
                    .append(TextReporter.line(f))
                    .append('\n');
        }
        return b.toString();
    }

    /**
     * The file's path without its extension, dots made underscores: Jenkins splits a class name at its last
     * dot into package and class, which would turn {@code web.yaml} into class {@code yaml}.
     */
    static String classname(String file) {
        int slash = file.lastIndexOf('/');
        int dot = file.lastIndexOf('.');
        String stem = dot > slash + 1 ? file.substring(0, dot) : file;
        return stem.replace('.', '_');
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String seconds(LintResult result) {
        return String.format(Locale.ROOT, "%.3f", result.elapsed().toMillis() / 1000.0);
    }
}
