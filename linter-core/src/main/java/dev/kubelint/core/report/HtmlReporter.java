package dev.kubelint.core.report;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.RuleDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;

/**
 * One self-contained HTML page for people: the run's summary (Kubernetes version, counts by severity, by rule and
 * by file), every finding with its code frame, object and rule, filters (severity, rule, file, free text, kept in
 * the address's fragment so that a filtered view can be linked), a section per rule with its explanation, light
 * and dark themes, and a print layout. Its styles and script are inline and a Content-Security-Policy forbids
 * every load from elsewhere, so the file works offline, as an e-mail attachment or a CI artefact.
 *
 * <p>The findings are data (JSON in a {@code script} element, written by {@link ReportJson}, which escapes {@code <}, {@code >} and {@code &}) that
 * the page's script shows a page at a time with {@code textContent}, never as markup: a report of ten thousand
 * findings stays responsive, and nothing a manifest holds can become markup or script. The summary and the rule
 * sections are markup written here, escaped by {@link XmlText}.
 */
public final class HtmlReporter implements Reporter {

    private static final String RESOURCES = "/dev/kubelint/core/report/html/";

    /** A finding's frame and rule explanation: it needs the lines findings start on. */
    @Override
    public boolean showsSource(ReportOptions options) {
        return true;
    }

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(result.suppressed());
        all.sort(Finding.ORDER);
        Map<String, Integer> rules =
                index(all.stream().map(Finding::ruleId).sorted().toList());
        Map<String, Integer> files =
                index(all.stream().map(HtmlReporter::file).sorted().toList());

        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"color-scheme\" content=\"light dark\">\n"
                + "<title>kubelint report</title>\n<style>\n" + resource("report.css") + "</style>\n</head>\n<body>\n"
                + "<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n");
        header(result, options, out);
        summary(result, all, rules, files, out);
        out.write("<main>\n<section id=\"findings\" aria-labelledby=\"findings-title\">\n"
                + "<h2 id=\"findings-title\">Findings</h2>\n");
        out.write(resource("filters.html"));
        out.write(
                "<p id=\"shown\" role=\"status\" aria-live=\"polite\"></p>\n<ol id=\"list\" class=\"findings\"></ol>\n"
                        + "<nav id=\"pages\" class=\"pages\" aria-label=\"Pages of findings\"></nav>\n"
                        + "<noscript><p>The list of findings needs JavaScript; the summary and the rules are above and below."
                        + "</p></noscript>\n</section>\n");
        ruleSections(result, rules, all, out);
        out.write("</main>\n<script type=\"application/json\" id=\"data\">");
        data(result, options, all, rules, files, out);
        out.write("</script>\n<script>\n" + resource("report.js") + "</script>\n</body>\n</html>\n");
    }

    private static void header(LintResult result, ReportOptions options, Writer out) throws IOException {
        out.write("<header>\n<div class=\"title\"><h1>kubelint report</h1>\n"
                + "<button type=\"button\" id=\"theme\" class=\"theme\" aria-label=\"Colour theme\">Theme: auto</button>"
                + "</div>\n<p class=\"meta\">Kubernetes <strong id=\"k8s-version\">"
                + XmlText.text(result.settings().kubernetesVersion()) + "</strong>"
                + (result.settings().strict() ? ", strict" : ", not strict") + " &middot; <span id=\"file-count\">"
                + result.fileCount() + "</span> files, " + result.objectCount() + " objects &middot; kubelint "
                + XmlText.text(options.toolVersion())
                + "</p>\n<ul class=\"counts\" aria-label=\"Findings by severity\">\n");
        for (Severity s : Severity.values()) {
            out.write("<li class=\"count " + s.label() + "\"><span class=\"n\" id=\"count-" + s.label() + "\">"
                    + result.count(s) + "</span> " + s.label() + (result.count(s) == 1 ? "" : "s") + "</li>\n");
        }
        out.write("<li class=\"count suppressed\"><span class=\"n\" id=\"count-suppressed\">"
                + result.suppressed().size() + "</span> suppressed</li>\n</ul>\n</header>\n");
    }

    /** Counts by rule and by file, each row a filter. */
    private static void summary(
            LintResult result, List<Finding> all, Map<String, Integer> rules, Map<String, Integer> files, Writer out)
            throws IOException {
        Map<String, long[]> byRule = counts(all, Finding::ruleId);
        Map<String, long[]> byFile = counts(all, HtmlReporter::file);
        out.write(
                "<section class=\"summary\" aria-label=\"Summary\">\n<div>\n<h2>By rule</h2>\n<table id=\"by-rule\">\n"
                        + "<thead><tr><th scope=\"col\">rule</th>" + countHeads()
                        + "</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, long[]> e : byRule.entrySet()) {
            String id = XmlText.attribute(e.getKey());
            out.write("<tr><th scope=\"row\"><a href=\"#rule-" + id + "\">" + XmlText.text(e.getKey())
                    + "</a> <button type=\"button\" class=\"pick\" data-rule=\"" + rules.get(e.getKey())
                    + "\" aria-label=\"Show the findings of " + id + "\">filter</button></th>"
                    + countCells(e.getValue())
                    + "</tr>\n");
        }
        out.write("</tbody>\n</table>\n</div>\n<div>\n<h2>By file</h2>\n<table id=\"by-file\">\n"
                + "<thead><tr><th scope=\"col\">file</th>" + countHeads() + "</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, long[]> e : byFile.entrySet()) {
            String name = e.getKey();
            out.write("<tr><th scope=\"row\"><button type=\"button\" class=\"pick file\" data-file=\"" + files.get(name)
                    + "\">" + XmlText.text(name) + "</button></th>" + countCells(e.getValue()) + "</tr>\n");
        }
        int clean = (int) result.files().stream()
                .map(f -> f.file())
                .distinct()
                .filter(f -> !byFile.containsKey(f))
                .count();
        out.write("</tbody>\n</table>\n<p class=\"note\">" + clean + (clean == 1 ? " file" : " files")
                + " without findings.</p>\n</div>\n</section>\n");
    }

    private static String countHeads() {
        return "<th scope=\"col\" class=\"num\">errors</th><th scope=\"col\" class=\"num\">warnings</th>"
                + "<th scope=\"col\" class=\"num\">infos</th><th scope=\"col\" class=\"num\">suppressed</th>";
    }

    private static String countCells(long[] counts) {
        StringBuilder b = new StringBuilder();
        for (long n : counts) {
            b.append("<td class=\"num\">")
                    .append(n == 0 ? "" : Long.toString(n))
                    .append("</td>");
        }
        return b.toString();
    }

    /** Per key, in key order: errors, warnings, infos (active) and suppressed. */
    private static Map<String, long[]> counts(List<Finding> all, java.util.function.Function<Finding, String> key) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Finding f : all) {
            long[] c = counts.computeIfAbsent(key.apply(f), k -> new long[4]);
            c[f.isSuppressed() ? 3 : f.severity().ordinal()]++;
        }
        return counts;
    }

    /** One section per rule with findings: what it checks, why, how to fix. */
    private static void ruleSections(LintResult result, Map<String, Integer> rules, List<Finding> all, Writer out)
            throws IOException {
        out.write("<section id=\"rules\" aria-labelledby=\"rules-title\">\n<h2 id=\"rules-title\">Rules</h2>\n");
        for (String id : rules.keySet()) {
            Optional<RuleDescriptor> rule = result.catalog().find(id);
            long count = all.stream().filter(f -> f.ruleId().equals(id)).count();
            out.write("<article class=\"rule\" id=\"rule-" + XmlText.attribute(id) + "\" tabindex=\"-1\">\n<h3>"
                    + XmlText.text(id) + "</h3>\n");
            if (rule.isPresent()) {
                RuleDescriptor r = rule.get();
                out.write("<p class=\"rule-meta\"><span class=\"badge "
                        + r.severity().label() + "\">"
                        + r.severity().label() + "</span> " + XmlText.text(r.category()) + " &middot; " + count
                        + (count == 1 ? " finding" : " findings") + "</p>\n<p class=\"rule-summary\">"
                        + XmlText.text(r.summary()) + "</p>\n<p><strong>Why:</strong> " + XmlText.text(r.rationale())
                        + "</p>\n<p><strong>How to fix:</strong> " + XmlText.text(r.remediation()) + "</p>\n");
            } else {
                out.write("<p>" + count + (count == 1 ? " finding" : " findings") + "; this rule has no description."
                        + "</p>\n");
            }
            out.write("<p><button type=\"button\" class=\"pick\" data-rule=\"" + rules.get(id)
                    + "\">Show its findings</button></p>\n</article>\n");
        }
        out.write("</section>\n");
    }

    /**
     * The page's data: {@code rules} (id, severity, summary), {@code files}, and {@code findings}, each
     * {@code [severity, rule, file, line, column, message, object, pointer, frame, suppression]} where
     * severity is 0 error, 1 warning, 2 info; frame is {@code [line, before, marked, after]} or null; suppression
     * the reason, or null for an active finding.
     */
    private static void data(
            LintResult result,
            ReportOptions options,
            List<Finding> all,
            Map<String, Integer> rules,
            Map<String, Integer> files,
            Writer out)
            throws IOException {
        SourceLookup sources = new SourceLookup(result, options.workingDirectory());
        try (JsonGenerator g = ReportJson.generator(out, ReportJson.Layout.COMPACT_FINDINGS, true)) {
            g.writeStartObject();
            g.writeArrayPropertyStart("rules");
            for (String id : rules.keySet()) {
                Optional<RuleDescriptor> rule = result.catalog().find(id);
                g.writeStartArray();
                g.writeString(id);
                g.writeString(rule.map(r -> r.severity().label()).orElse(""));
                g.writeString(rule.map(RuleDescriptor::summary).orElse(""));
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("files");
            for (String file : files.keySet()) {
                g.writeString(file);
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("findings");
            for (Finding f : all) {
                g.writeStartArray();
                g.writeNumber(f.severity().ordinal());
                g.writeNumber(rules.get(f.ruleId()));
                g.writeNumber(files.get(file(f)));
                g.writeNumber(f.location().line());
                g.writeNumber(f.location().column());
                g.writeString(f.message());
                g.writeString(
                        f.location().object().kind().isEmpty()
                                ? ""
                                : f.location().object().describe());
                g.writeString(f.location().jsonPointer());
                frame(sources.frame(f.location()), g);
                if (f.suppression().isPresent()) {
                    g.writeString(f.suppression().get().reason());
                } else {
                    g.writeNull();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The frame's line split where the marker starts and ends (the marker counts terminal cells). */
    private static void frame(Optional<CodeFrame> frame, JsonGenerator g) {
        if (frame.isEmpty()) {
            g.writeNull();
            return;
        }
        CodeFrame c = frame.get();
        String text = c.text();
        int start = index(text, c.markerStart());
        int end = Math.max(start, index(text, c.markerStart() + c.markerWidth()));
        g.writeStartArray();
        g.writeNumber(c.lineNumber());
        g.writeString(text.substring(0, start));
        g.writeString(text.substring(start, end));
        g.writeString(text.substring(end));
        g.writeEndArray();
    }

    /** The char index where a cell of the shown text starts (its end when the text is shorter). */
    private static int index(String text, int cell) {
        int cells = 0;
        int i = 0;
        while (i < text.length() && cells < cell) {
            int cp = text.codePointAt(i);
            cells += ColumnWidths.of(cp);
            i += Character.charCount(cp);
        }
        // zero-width marks (combining accents) belong to the character before them
        while (i < text.length() && i > 0 && ColumnWidths.of(text.codePointAt(i)) == 0) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    private static String file(Finding f) {
        return f.location().file().isEmpty() ? "(the run)" : f.location().file();
    }

    private static Map<String, Integer> index(List<String> sorted) {
        Map<String, Integer> index = new LinkedHashMap<>();
        sorted.forEach(s -> index.putIfAbsent(s, index.size()));
        return index;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("kubelint's jar lacks " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
