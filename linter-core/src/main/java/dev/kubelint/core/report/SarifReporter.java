package dev.kubelint.core.report;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.finding.Suppression;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.source.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.
 *
 * <ul>
 * <li>{@code tool.driver.rules} holds the rules the results refer to (sorted by id), each with its summary,
 *     rationale, help (text and Markdown with the remediation), help URI and default level; every result's
 *     {@code ruleIndex} points into that list.</li>
 * <li>File locations are relative to the base id {@value #ROOT}, the working directory, listed in
 *     {@code originalUriBaseIds}; files outside it get absolute {@code file:} URIs. Columns count code points
 *     ({@code columnKind: unicodeCodePoints}), and region ends are exclusive, as kubelint's spans are.</li>
 * <li>Suppressed findings are results with an {@code inSource} suppression whose justification is the reason.</li>
 * <li>With a baseline, every result has a {@code baselineState}: {@code unchanged} for the findings the baseline
 *     accepts (which also carry an {@code external} suppression, so viewers do not show them as open) and
 *     {@code new} for the others.</li>
 * <li>Findings about the run rather than a file (a cross-object rule that failed) have no place in a file, and
 *     code scanning rejects results without one, so they are tool execution notifications.</li>
 * </ul>
 */
public final class SarifReporter implements Reporter {

    /** The schema the document declares: the OASIS SARIF 2.1.0 schema (errata 01). */
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /** The base id of file locations: the folder kubelint ran in. */
    public static final String ROOT = "SRCROOT";

    public static final String INFORMATION_URI = "https://kubelint.dev";

    @Override
    public void write(LintResult result, ReportOptions options, Writer out) throws IOException {
        ObjectNode root = JsonTrees.nodes().objectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        List<Finding> all = new ArrayList<>(result.findings());
        all.addAll(result.suppressed());
        all.addAll(result.baseline().matched());
        all.sort(Finding.ORDER);
        Map<String, Integer> ruleIndex = ruleIndex(all);
        Set<Finding> baselined = Collections.newSetFromMap(new IdentityHashMap<>());
        baselined.addAll(result.baseline().matched());

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "kubelint");
        driver.put("version", options.toolVersion());
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        ruleIndex.keySet().forEach(id -> rules.add(rule(id, result.catalog().find(id))));

        ObjectNode baseIds = run.putObject("originalUriBaseIds");
        ObjectNode base = baseIds.putObject(ROOT);
        base.put("uri", directoryUri(options.workingDirectory()));
        base.putObject("description").put("text", "The folder kubelint ran in; file locations are relative to it.");
        run.put("columnKind", "unicodeCodePoints");

        ArrayNode results = run.putArray("results");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode notifications = JsonTrees.nodes().arrayNode();
        for (Finding f : all) {
            if (f.location().file().isEmpty()) {
                notifications.add(notification(f, ruleIndex));
            } else {
                ObjectNode r = result(f, ruleIndex);
                if (result.baseline().used()) {
                    baselineState(r, baselined.contains(f));
                }
                results.add(r);
            }
        }
        if (!notifications.isEmpty()) {
            invocation.set("toolExecutionNotifications", notifications);
        }
        ObjectNode properties = run.putObject("properties");
        properties.put("kubernetesVersion", result.settings().kubernetesVersion());
        properties.put("files", result.fileCount());
        properties.put("objects", result.objectCount());
        if (result.baseline().used()) {
            properties.put("staleBaselineEntries", result.baseline().stale().size());
        }

        ReportJson.write(root, out);
    }

    /** SARIF's names for severities. */
    public static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static Map<String, Integer> ruleIndex(List<Finding> findings) {
        TreeSet<String> ids = new TreeSet<>();
        findings.forEach(f -> ids.add(f.ruleId()));
        Map<String, Integer> index = new LinkedHashMap<>();
        ids.forEach(id -> index.put(id, index.size()));
        return index;
    }

    private static ObjectNode rule(String id, Optional<RuleDescriptor> descriptor) {
        ObjectNode rule = JsonTrees.nodes().objectNode();
        rule.put("id", id);
        rule.put("name", pascalCase(id));
        if (descriptor.isEmpty()) {
            // a finding of a rule the catalogue does not know still needs its entry for ruleIndex
            rule.putObject("shortDescription").put("text", "Findings of rule " + id + ".");
            return rule;
        }
        RuleDescriptor d = descriptor.get();
        rule.putObject("shortDescription").put("text", sentence(d.summary()));
        rule.putObject("fullDescription").put("text", sentence(d.rationale()));
        ObjectNode help = rule.putObject("help");
        help.put("text", helpText(d));
        help.put("markdown", helpMarkdown(d));
        rule.put("helpUri", d.helpUri());
        ObjectNode configuration = rule.putObject("defaultConfiguration");
        configuration.put("enabled", d.enabledByDefault());
        configuration.put("level", level(d.severity()));
        ObjectNode properties = rule.putObject("properties");
        properties.put("category", d.category());
        ArrayNode tags = properties.putArray("tags");
        tags.add("kubernetes");
        tags.add(d.category());
        if (!d.kinds().isEmpty()) {
            ArrayNode kinds = properties.putArray("kinds");
            d.kinds().forEach(kinds::add);
        }
        return rule;
    }

    static String helpText(RuleDescriptor d) {
        StringBuilder b = new StringBuilder();
        b.append(sentence(d.summary())).append("\n\n");
        b.append("Why: ").append(sentence(d.rationale())).append("\n\n");
        b.append("How to fix: ").append(sentence(d.remediation()));
        if (!d.kinds().isEmpty()) {
            b.append("\n\nApplies to: ").append(String.join(", ", d.kinds())).append('.');
        }
        for (RuleParam<?> p : d.params()) {
            b.append("\n\nParameter ")
                    .append(p.name())
                    .append(" (default ")
                    .append(p.defaultValue())
                    .append("): ")
                    .append(sentence(p.description()));
        }
        b.append("\n\nDocumentation: ").append(d.helpUri());
        return b.toString();
    }

    static String helpMarkdown(RuleDescriptor d) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(sentence(d.summary())).append("**\n\n");
        b.append("### Why\n\n").append(sentence(d.rationale())).append("\n\n");
        b.append("### How to fix\n\n").append(sentence(d.remediation()));
        if (!d.kinds().isEmpty()) {
            b.append("\n\nApplies to: ");
            b.append(String.join(
                            ", ", d.kinds().stream().map(k -> "`" + k + "`").toList()))
                    .append('.');
        }
        if (!d.params().isEmpty()) {
            b.append("\n\n### Parameters\n\n| name | default | meaning |\n| --- | --- | --- |");
            for (RuleParam<?> p : d.params()) {
                b.append("\n| `")
                        .append(p.name())
                        .append("` | `")
                        .append(p.defaultValue())
                        .append("` | ")
                        .append(p.description().replace("|", "\\|"))
                        .append(" |");
            }
        }
        b.append("\n\n[Rule documentation](").append(d.helpUri()).append(")");
        return b.toString();
    }

    private static ObjectNode result(Finding f, Map<String, Integer> ruleIndex) {
        ObjectNode r = JsonTrees.nodes().objectNode();
        r.put("ruleId", f.ruleId());
        r.put("ruleIndex", ruleIndex.get(f.ruleId()));
        r.put("level", level(f.severity()));
        r.putObject("message").put("text", f.message());
        ArrayNode locations = r.putArray("locations");
        ObjectNode location = location(f.location());
        if (!f.location().object().kind().isEmpty()) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put(
                    "name",
                    f.location().object().name().isEmpty()
                            ? f.location().object().kind()
                            : f.location().object().name());
            logical.put("fullyQualifiedName", f.location().object().describe());
            logical.put("kind", "resource");
        }
        locations.add(location);
        if (!f.related().isEmpty()) {
            ArrayNode related = r.putArray("relatedLocations");
            int id = 1;
            for (Location l : f.related()) {
                ObjectNode rl = location(l);
                rl.put("id", id++);
                related.add(rl);
            }
        }
        if (f.suppression().isPresent()) {
            r.putArray("suppressions").add(suppression(f.suppression().get()));
        }
        ObjectNode properties = r.putObject("properties");
        properties.put("jsonPointer", f.location().jsonPointer());
        properties.put("documentIndex", f.location().documentIndex());
        return r;
    }

    /** A result's state against the baseline; an accepted one is suppressed by it, outside the source. */
    private static void baselineState(ObjectNode r, boolean accepted) {
        r.put("baselineState", accepted ? "unchanged" : "new");
        if (accepted) {
            ObjectNode n = JsonTrees.nodes().objectNode();
            n.put("kind", "external");
            n.put("status", "accepted");
            n.put("justification", "accepted in the baseline");
            r.withArray("suppressions").add(n);
        }
    }

    private static ObjectNode suppression(Suppression s) {
        ObjectNode n = JsonTrees.nodes().objectNode();
        n.put("kind", "inSource");
        n.put("status", "accepted");
        n.put("justification", s.reason());
        if (!s.location().file().isEmpty()) {
            n.set("location", location(s.location()));
        }
        n.putObject("properties").put("suppressedBy", s.kind().name().toLowerCase(Locale.ROOT));
        return n;
    }

    private static ObjectNode notification(Finding f, Map<String, Integer> ruleIndex) {
        ObjectNode n = JsonTrees.nodes().objectNode();
        n.put("level", level(f.severity()));
        n.putObject("message").put("text", f.message());
        ObjectNode rule = n.putObject("associatedRule");
        rule.put("id", f.ruleId());
        rule.put("index", ruleIndex.get(f.ruleId()));
        return n;
    }

    /** A SARIF location: the artifact and the region. */
    private static ObjectNode location(Location l) {
        ObjectNode location = JsonTrees.nodes().objectNode();
        ObjectNode physical = location.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        if (l.file().equals(SourceFile.STDIN)) {
            artifact.putObject("description").put("text", "standard input");
        } else if (isAbsolute(l.file())) {
            artifact.put("uri", Paths.get(l.file()).toUri().toASCIIString());
        } else {
            artifact.put("uri", relativeUri(l.file()));
            artifact.put("uriBaseId", ROOT);
        }
        ObjectNode region = physical.putObject("region");
        region.put("startLine", l.line());
        region.put("startColumn", l.column());
        region.put("endLine", l.endLine());
        region.put("endColumn", l.endColumn());
        return location;
    }

    private static boolean isAbsolute(String file) {
        try {
            return Paths.get(file).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** A "/"-separated relative path as a relative URI reference: each segment percent-encoded as needed. */
    static String relativeUri(String path) {
        StringBuilder b = new StringBuilder();
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (byte value : bytes) {
            int c = value & 0xff;
            boolean keep = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
            if (keep) {
                b.append((char) c);
            } else {
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** The working directory as an absolute file URI ending with a slash, as a base URI must. */
    static String directoryUri(Path directory) {
        String uri = directory.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /** SARIF's rule name is an identifier a person reads: duplicate-key becomes DuplicateKey. */
    static String pascalCase(String id) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
                continue;
            }
            b.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return b.length() == 0 ? id : b.toString();
    }

    private static String sentence(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?")) {
            return t;
        }
        return t + ".";
    }
}
