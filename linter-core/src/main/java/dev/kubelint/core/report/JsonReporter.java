package dev.kubelint.core.report;

import dev.kubelint.core.baseline.Baseline;
import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import java.io.IOException;
import java.io.Writer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable JSON document described in the README. With a baseline, it also lists the findings the baseline
 * accepts ({@code baselined}) and the baseline's entries that matched nothing ({@code staleBaselineEntries}).
 */
public final class JsonReporter implements Reporter {

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        ObjectNode root = JsonTrees.nodes().objectNode();
        root.put("kubernetesVersion", result.settings().kubernetesVersion());
        root.put("files", result.fileCount());
        root.put("objects", result.objectCount());
        ArrayNode findings = root.putArray("findings");
        result.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode suppressed = root.putArray("suppressed");
        result.suppressed().forEach(f -> suppressed.add(finding(f)));
        if (result.baseline().used()) {
            ArrayNode baselined = root.putArray("baselined");
            result.baseline().matched().forEach(f -> baselined.add(finding(f)));
            ArrayNode stale = root.putArray("staleBaselineEntries");
            result.baseline().stale().forEach(e -> stale.add(staleEntry(e)));
        }
        ArrayNode skipped = root.putArray("skipped");
        result.skipped().forEach(f -> {
            ObjectNode n = skipped.addObject();
            n.put("file", f.file());
            n.put("reason", "not a Kubernetes manifest: " + f.reason());
        });
        ArrayNode notes = root.putArray("notes");
        result.notes().forEach(notes::add);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("infos", result.count(Severity.INFO));
        summary.put("suppressed", result.suppressed().size());
        if (result.baseline().used()) {
            summary.put("baselined", result.baseline().matched().size());
        }
        summary.put("skipped", result.skipped().size());
        ReportJson.write(root, out);
    }

    /** A baseline entry that no finding matched, in the shape of the baseline file. */
    private static ObjectNode staleEntry(Baseline.Entry e) {
        ObjectNode n = JsonTrees.nodes().objectNode();
        n.put("file", e.file());
        n.put("ruleId", e.ruleId());
        ObjectNode object = n.putObject("object");
        object.put("apiVersion", e.apiVersion());
        object.put("kind", e.kind());
        object.put("namespace", e.namespace());
        object.put("name", e.name());
        n.put("jsonPointer", e.jsonPointer());
        return n;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = JsonTrees.nodes().objectNode();
        n.put("ruleId", f.ruleId());
        n.put("severity", f.severity().label());
        n.put("file", f.location().file());
        n.put("line", f.location().line());
        n.put("column", f.location().column());
        n.put("endLine", f.location().endLine());
        n.put("endColumn", f.location().endColumn());
        n.put("jsonPointer", f.location().jsonPointer());
        ObjectNode object = n.putObject("object");
        object.put("apiVersion", f.location().object().apiVersion());
        object.put("kind", f.location().object().kind());
        object.put("namespace", f.location().object().namespace());
        object.put("name", f.location().object().name());
        n.put("message", f.message());
        f.suppression().ifPresent(s -> {
            ObjectNode sup = n.putObject("suppression");
            sup.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            sup.put("reason", s.reason());
            sup.put("line", s.location().line());
            sup.put("column", s.location().column());
        });
        return n;
    }
}
