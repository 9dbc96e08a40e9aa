package dev.kubelint.maven;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.OptionsException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The kubelint page of the project's site ({@code mvn site}), as {@code checkstyle:checkstyle} and {@code pmd:pmd}
 * give theirs: the summary, the findings by rule and by file, and every finding with its place, severity, rule and
 * message, with a section per rule saying why it matters and how to fix it. Declare the plugin under
 * {@code <reporting>}; the report lints as {@code check} does (same parameters and configuration file) but never
 * fails the build: it shows what it found.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** Folders (or files) of manifests, as for {@code check}. Default: the first of the usual folders that exists. */
    @Parameter(property = "kubelint.sourceDirectories")
    private List<File> sourceDirectories;

    /** Globs a file must match, relative to its source directory, as for {@code check}. */
    @Parameter(property = "kubelint.includes")
    private List<String> includes;

    /** Globs of files not to lint, in addition to the configuration file's {@code exclude}. */
    @Parameter(property = "kubelint.excludes")
    private List<String> excludes;

    /** The kubelint configuration file. Default: a {@code .kubelint.yaml} found from the source directory upward. */
    @Parameter(property = "kubelint.configFile")
    private File configFile;

    /** The Kubernetes version to validate against. Default: the configuration file's, else the newest. */
    @Parameter(property = "kubelint.kubernetesVersion")
    private String kubernetesVersion;

    /** Whether fields that the Kubernetes schema does not define are errors. Default: the configuration file's, else true. */
    @Parameter(property = "kubelint.strict")
    private Boolean strict;

    /** A label selector in kubectl's syntax: only objects it matches are linted. */
    /**
     * Files or folders of ValidatingAdmissionPolicies and their bindings, relative to the project's folder, that the
     * {@code admission-policy} rule evaluates the manifests against (after the configuration file's
     * {@code policies}).
     */
    @Parameter(property = "kubelint.policies")
    private List<File> policies;

    @Parameter(property = "kubelint.selector")
    private String selector;

    /** Skips the report. */
    @Parameter(property = "kubelint.skip", defaultValue = "false")
    private boolean skip;

    /** The project's folder: relative source directories start there, and paths in the page are relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    @Override
    public String getOutputName() {
        return "kubelint";
    }

    @Override
    public String getName(Locale locale) {
        return "kubelint";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Findings of kubelint, the Kubernetes manifest validator and linter, in the project's manifests.";
    }

    /** A project without manifests (a library module) gets no page. */
    @Override
    public boolean canGenerateReport() {
        return !skip && !parameters().sources().isEmpty();
    }

    private LintParameters parameters() {
        return new LintParameters(
                baseDirectory,
                sourceDirectories,
                includes,
                excludes,
                configFile,
                kubernetesVersion,
                strict,
                selector,
                "none",
                policies);
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        LintParameters parameters = parameters();
        List<Path> sources = parameters.sources();
        Path root = baseDirectory.toPath().toAbsolutePath().normalize();
        LintResult result;
        // the page shows findings and counts: no report file, no source lines, no list of objects
        try (LintPlan plan = parameters
                .request(root, sources)
                .reports(List.of(), ReportOptions.plain(root))
                .build()) {
            result = new Linter().lint(plan.request());
        } catch (OptionsException e) {
            throw new MavenReportException(CheckMojo.problems(e));
        } catch (Linter.InputException e) {
            throw new MavenReportException("kubelint: " + e.getMessage(), e);
        }
        getLog().info("kubelint report: " + dev.kubelint.core.report.TextReporter.summary(result));
        new SitePage(
                        getSink(),
                        result,
                        sources.stream().map(p -> LintParameters.shown(p, root)).toList())
                .write();
    }

    /** The page, written through Doxia's sink (which escapes markup; control characters are replaced here). */
    private static final class SitePage {
        private final Sink sink;
        private final LintResult result;
        private final List<String> sources;

        SitePage(Sink sink, LintResult result, List<String> sources) {
            this.sink = sink;
            this.result = result;
            this.sources = sources;
        }

        void write() {
            sink.head();
            sink.title();
            text("kubelint");
            sink.title_();
            sink.head_();
            sink.body();
            sink.section1();
            sink.sectionTitle1();
            text("kubelint");
            sink.sectionTitle1_();
            paragraph("Manifests in " + String.join(", ", sources) + ", validated against Kubernetes "
                    + result.settings().kubernetesVersion() + ": " + result.fileCount() + " files, "
                    + result.objectCount() + " objects.");
            table(
                    List.of("errors", "warnings", "infos", "suppressed"),
                    List.of(List.of(
                            Long.toString(result.count(Severity.ERROR)), Long.toString(result.count(Severity.WARNING)),
                            Long.toString(result.count(Severity.INFO)),
                                    Integer.toString(result.suppressed().size()))));
            counts("By rule", Finding::ruleId, true);
            counts(
                    "By file",
                    f -> f.location().file().isEmpty()
                            ? "(the run)"
                            : f.location().file(),
                    false);
            findings();
            rules();
            sink.section1_();
            sink.body_();
            sink.flush();
        }

        private void counts(String title, java.util.function.Function<Finding, String> key, boolean rules) {
            Map<String, long[]> counts = new TreeMap<>();
            for (Finding f : result.findings()) {
                counts.computeIfAbsent(key.apply(f), k -> new long[3])[
                        f.severity().ordinal()]++;
            }
            sink.section2();
            sink.sectionTitle2();
            text(title);
            sink.sectionTitle2_();
            if (counts.isEmpty()) {
                paragraph("No findings.");
            }
            sink.table();
            sink.tableRows();
            header(List.of(rules ? "rule" : "file", "errors", "warnings", "infos"));
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                sink.tableRow();
                sink.tableCell();
                if (rules) {
                    sink.link("#rule-" + e.getKey());
                    text(e.getKey());
                    sink.link_();
                } else {
                    text(e.getKey());
                }
                sink.tableCell_();
                for (long n : e.getValue()) {
                    cell(Long.toString(n));
                }
                sink.tableRow_();
            }
            sink.tableRows_();
            sink.table_();
            sink.section2_();
        }

        private void findings() {
            sink.section2();
            sink.sectionTitle2();
            text("Findings");
            sink.sectionTitle2_();
            if (result.findings().isEmpty()) {
                paragraph("kubelint found nothing to report.");
            } else {
                sink.table();
                sink.tableRows();
                header(List.of("severity", "file", "line", "column", "rule", "message"));
                for (Finding f : result.findings()) {
                    sink.tableRow();
                    cell(f.severity().label());
                    cell(f.location().file());
                    cell(Integer.toString(f.location().line()));
                    cell(Integer.toString(f.location().column()));
                    sink.tableCell();
                    sink.link("#rule-" + f.ruleId());
                    text(f.ruleId());
                    sink.link_();
                    sink.tableCell_();
                    cell(f.message());
                    sink.tableRow_();
                }
                sink.tableRows_();
                sink.table_();
            }
            sink.section2_();
        }

        private void rules() {
            List<String> ids = result.findings().stream()
                    .map(Finding::ruleId)
                    .distinct()
                    .sorted()
                    .toList();
            if (ids.isEmpty()) {
                return;
            }
            sink.section2();
            sink.sectionTitle2();
            text("Rules");
            sink.sectionTitle2_();
            for (String id : ids) {
                sink.anchor("rule-" + id);
                sink.anchor_();
                sink.definitionList();
                sink.definedTerm();
                text(id);
                sink.definedTerm_();
                sink.definition();
                Optional<RuleDescriptor> rule = result.catalog().find(id);
                if (rule.isPresent()) {
                    paragraph(rule.get().severity().label() + ": " + rule.get().summary());
                    paragraph("Why: " + rule.get().rationale());
                    paragraph("How to fix: " + rule.get().remediation());
                } else {
                    paragraph("This rule has no description.");
                }
                sink.definition_();
                sink.definitionList_();
            }
            sink.section2_();
        }

        private void table(List<String> headers, List<List<String>> rows) {
            sink.table();
            sink.tableRows();
            header(headers);
            for (List<String> row : rows) {
                sink.tableRow();
                row.forEach(this::cell);
                sink.tableRow_();
            }
            sink.tableRows_();
            sink.table_();
        }

        private void header(List<String> headers) {
            sink.tableRow();
            for (String h : headers) {
                sink.tableHeaderCell();
                text(h);
                sink.tableHeaderCell_();
            }
            sink.tableRow_();
        }

        private void cell(String value) {
            sink.tableCell();
            text(value);
            sink.tableCell_();
        }

        private void paragraph(String value) {
            sink.paragraph();
            text(value);
            sink.paragraph_();
        }

        /** Text without control characters (line breaks and tabs aside) or lone surrogates, which HTML cannot show. */
        private void text(String value) {
            StringBuilder b = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean pair = Character.isHighSurrogate(c)
                        && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (pair) {
                    b.append(c).append(value.charAt(++i));
                } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
                    b.append('\uFFFD');
                } else {
                    b.append(c);
                }
            }
            sink.text(b.toString());
        }
    }
}
