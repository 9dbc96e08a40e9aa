package dev.kubelint.maven;

import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.report.PrintableText;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.TextReporter;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.LintRequestBuilder;
import dev.kubelint.core.run.OptionProblem;
import dev.kubelint.core.run.OptionsException;
import dev.kubelint.core.run.ReportFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints the project's Kubernetes manifests and fails the build when a finding reaches {@code failOn}. Findings
 * are logged as {@code path:line:col: message [rule-id]}; reports are written to {@code outputDirectory}.
 * Rules from jars added as {@code <dependencies>} of the plugin run like the built-in ones.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /**
     * Folders (or files) of manifests to lint; folders are searched recursively for {@code .yaml}, {@code .yml}
     * and {@code .json} files, and Helm charts and Kustomize folders in them are rendered and their objects
     * linted. Default: the first of {@code src/main/k8s}, {@code src/main/kubernetes}, {@code src/main/jkube},
     * {@code k8s} and {@code src/main/helm} that exists in the project's folder; a project with none of them is
     * skipped. A folder or file configured here that does not exist fails the build: a misspelt path must not
     * turn the check off silently.
     */
    @Parameter(property = "kubelint.sourceDirectories")
    private List<File> sourceDirectories;

    /**
     * Globs a file must match to be linted, relative to its source directory (for example {@code prod/**}). When
     * set, they replace the configuration file's {@code include}. Default: the configuration file's, else all.
     */
    @Parameter(property = "kubelint.includes")
    private List<String> includes;

    /**
     * Globs of files not to lint, relative to their source directory (for example
     * {@code **}{@code /kustomization.yaml}), in addition to the configuration file's {@code exclude}.
     */
    @Parameter(property = "kubelint.excludes")
    private List<String> excludes;

    /**
     * The kubelint configuration file (rules, severities, rule parameters). Default: a {@code .kubelint.yaml}
     * found from the source directory upward, as on the command line.
     */
    @Parameter(property = "kubelint.configFile")
    private File configFile;

    /**
     * Where the configuration comes from, as Checkstyle's {@code configLocation}: a file (relative to the project's
     * folder), a URL ({@code file:}, {@code jar:}, {@code https:}), or a resource on the plugin's class path, such
     * as an organisation's shared configuration jar added to the plugin's {@code <dependencies>}. Looked for in
     * that order. A configuration read from a URL or a resource is copied to
     * {@code outputDirectory/config/.kubelint.yaml}, and any relative paths in it are relative to that folder.
     * {@code configFile} wins when both are set.
     */
    @Parameter(property = "kubelint.configLocation")
    private String configLocation;

    /**
     * A baseline file of accepted findings, relative to the project's folder (default: the configuration file's
     * {@code baseline}). The findings it lists are logged as baselined and fail nothing; only new ones count.
     */
    @Parameter(property = "kubelint.baselineFile")
    private File baselineFile;

    /** Writes the current findings to the baseline file instead of failing on them ({@code -Dkubelint.updateBaseline}). */
    @Parameter(property = "kubelint.updateBaseline", defaultValue = "false")
    private boolean updateBaseline;

    /**
     * The Kubernetes release to validate against: 1.23 to 1.35, or a patch release such as 1.31.4 (validated as
     * 1.31). Default: the configuration file's, else the newest.
     */
    @Parameter(property = "kubelint.kubernetesVersion")
    private String kubernetesVersion;

    /** Whether fields that the Kubernetes schema does not define are errors. Default: the configuration file's, else true. */
    @Parameter(property = "kubelint.strict")
    private Boolean strict;

    /** The least severe finding that fails the build: {@code error}, {@code warning}, {@code info} or {@code none}. */
    @Parameter(property = "kubelint.failOn", defaultValue = "error")
    private String failOn;

    /**
     * Report formats written to {@code outputDirectory}, comma-separated: {@code sarif} (kubelint.sarif),
     * {@code junit} (TEST-kubelint.xml), {@code json} (kubelint.json), {@code text} (kubelint.txt), {@code github}
     * (kubelint-github.txt), {@code checkstyle} (kubelint-checkstyle.xml), {@code codeclimate}
     * (kubelint-codeclimate.json), {@code html} (kubelint.html), or {@code none}. Names ignore case. An unknown format fails the build.
     * Default: the configuration file's {@code reports:}, else {@code sarif,junit}.
     */
    @Parameter(property = "kubelint.formats")
    private List<String> formats;

    /** The folder reports are written to. */
    @Parameter(property = "kubelint.outputDirectory", defaultValue = "${project.build.directory}/kubelint")
    private File outputDirectory;

    /** A label selector in kubectl's syntax ({@code app=web,tier!=cache}): only objects it matches are linted. */
    /**
     * Values files for the Helm charts the scan renders, as {@code helm template -f} takes them, relative to the
     * project's folder; after the configuration file's {@code helm.values}, later ones win.
     */
    @Parameter(property = "kubelint.helmValues")
    private List<File> helmValues;

    /**
     * Single values for the Helm charts the scan renders, as {@code helm template --set KEY=VALUE} takes them
     * ({@code <helmSet><image.tag>1.2.3</image.tag></helmSet>}); they override the configuration file's
     * {@code helm.set}.
     */
    @Parameter
    private Map<String, String> helmSet;

    /**
     * Files or folders of ValidatingAdmissionPolicies and their bindings, relative to the project's folder, that the
     * {@code admission-policy} rule evaluates the manifests against (after the configuration file's
     * {@code policies}).
     */
    @Parameter(property = "kubelint.policies")
    private List<File> policies;

    @Parameter(property = "kubelint.selector")
    private String selector;

    /** Skips the check. */
    @Parameter(property = "kubelint.skip", defaultValue = "false")
    private boolean skip;

    /** The project's folder: relative source directories start there. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    /** The reactor root: with {@code mvn -f app/pom.xml}, the folder of that POM. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true, required = true)
    private File executionRootDirectory;

    /**
     * The folder the build was started in: paths in the log and the reports are relative to it, so that they are
     * clickable in the terminal and CI log that ran Maven, also with {@code mvn -f app/pom.xml}.
     */
    @Parameter(defaultValue = "${user.dir}", readonly = true)
    private File invocationDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kubelint: skipped (kubelint.skip)");
            return;
        }
        List<String> missing = parameters().missingSources(root());
        if (!missing.isEmpty()) {
            throw new MojoExecutionException("kubelint: sourceDirectories: no such folder or file: "
                    + String.join(", ", missing) + " (the default folders are optional; configured ones are not)");
        }
        List<Path> sources = parameters().sources();
        if (sources.isEmpty()) {
            getLog().info("kubelint: no manifest directory (" + parameters().lookedFor() + "), skipping");
            return;
        }
        Path root = root();
        LintPlan plan;
        List<ReportFiles.Report> reports;
        try {
            LintRequestBuilder builder = request(root, sources);
            if (configFile == null && configLocation != null && !configLocation.isBlank()) {
                builder.configFile(ConfigLocation.resolve(
                        configLocation,
                        baseDirectory.toPath(),
                        outputDirectory.toPath().resolve("config"),
                        CheckMojo.class.getClassLoader()));
            }
            // the run keeps what the reports show; unknown formats fail after the other problems, as they always did
            if (formatNames().isEmpty()) {
                builder.reportsOrConfigured(defaultFormats(), ReportOptions.plain(root));
            } else {
                builder.reports(formatsOrNone(), ReportOptions.plain(root));
            }
            plan = builder.build();
            // formats replace the configuration file's reports; Maven gives an unset list as an empty one
            try {
                reports = ReportFiles.plan(
                        Optional.ofNullable(formats).filter(f -> !f.isEmpty()),
                        plan.configuration().file(),
                        outputDirectory.toPath());
            } catch (OptionsException e) {
                plan.close();
                throw e;
            }
        } catch (OptionsException e) {
            // no cause: Maven would append its message, which names the options in its own neutral way
            throw new MojoExecutionException(problems(e));
        }
        LintResult result;
        try (plan) {
            List<String> overwritten = ReportFiles.overwrittenInputs(
                    plan.request(),
                    reports.stream().map(ReportFiles.Report::file).toList());
            if (!overwritten.isEmpty()) {
                throw new MojoExecutionException("kubelint: " + PrintableText.escape(overwritten.get(0)));
            }
            result = plan.applyBaseline(new Linter().lint(plan.request()));
        } catch (Linter.InputException e) {
            throw new MojoExecutionException("kubelint: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("kubelint: cannot write the baseline file: " + e.getMessage(), e);
        }
        result.findings().forEach(this::log);
        // which folders: with -T the summaries of several modules interleave
        String folders = sources.stream().map(p -> shown(p, root)).collect(Collectors.joining(", "));
        getLog().info(folders + ": " + TextReporter.summary(result));
        logBaseline(plan, result, folders);
        List<Path> written = write(result, reports, root, plan);
        if (plan.fails(result)) {
            throw new MojoFailureException(failure(result, plan, written, root));
        }
    }

    /** The same translation as the command line's: only the syntax of the options differs. */
    LintRequestBuilder request(Path root, List<Path> sources) {
        LintRequestBuilder builder = parameters()
                .request(root, sources)
                // the build already runs what the project's POM names: its .kubelint.yaml is as trusted as the POM
                .trustConfig(true);
        if (baselineFile != null) {
            builder.baselineFile(baseDirectory.toPath().resolve(baselineFile.toPath()));
        }
        builder.updateBaseline(updateBaseline);
        if (helmValues != null) {
            helmValues.forEach(f -> builder.helmValues(
                    baseDirectory.toPath().resolve(f.toPath()).toString()));
        }
        if (helmSet != null) {
            helmSet.forEach((key, value) -> builder.helmSet(key + "=" + (value == null ? "" : value)));
        }
        return builder;
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
                failOn,
                policies);
    }

    /** Every problem on a line of its own, naming the parameter as the POM spells it. */
    static String problems(OptionsException e) {
        return e.problems().stream()
                .map(p -> "kubelint: " + PrintableText.escape(p.shown(CheckMojo::parameter)))
                .collect(Collectors.joining("\n"));
    }

    /** The parameter of an option; those the plugin does not have keep their neutral name. */
    private static String parameter(OptionProblem.Option option) {
        return switch (option) {
            case INCLUDE -> "includes";
            case EXCLUDE -> "excludes";
            case KUBERNETES_VERSION -> "kubernetesVersion";
            case SELECTOR -> "selector";
            case FAIL_ON -> "failOn";
            case BASELINE -> "baselineFile";
            case HELM_VALUES -> "helmValues";
            case HELM_SET -> "helmSet";
            case POLICY -> "policies";
            case JOBS, RULES_JAR, ENABLE, DISABLE, SCHEMA_LOCATION, LIMIT -> option.label();
        };
    }

    /**
     * The folder paths are shown relative to: the one the build was started in, when the reactor root is inside
     * it ({@code mvn -f app/pom.xml}); otherwise (an IDE that runs Maven from elsewhere) the reactor root.
     */
    private Path root() {
        Path reactor = executionRootDirectory.toPath().toAbsolutePath().normalize();
        if (invocationDirectory == null) {
            return reactor;
        }
        Path started = invocationDirectory.toPath().toAbsolutePath().normalize();
        return reactor.startsWith(started) ? started : reactor;
    }

    /** What a baseline did: an update's summary, or the entries that match nothing any more. */
    private void logBaseline(LintPlan plan, LintResult result, String folders) {
        plan.updateSummary(result).ifPresent(line -> getLog().info("kubelint: " + line));
        if (!result.baseline().stale().isEmpty()) {
            int n = result.baseline().stale().size();
            getLog().warn("kubelint: " + folders + ": baseline "
                    + plan.baseline().map(LintPlan.BaselinePlan::shown).orElse("") + ": " + n
                    + (n == 1 ? " entry matches" : " entries match") + " no finding any more;"
                    + " -Dkubelint.updateBaseline removes " + (n == 1 ? "it" : "them"));
            result.baseline().stale().forEach(e -> getLog().warn("kubelint:   " + e.describe()));
        }
    }

    private void log(Finding f) {
        // escaped: a value or file name must not start a log line of its own, such as a forged [ERROR] or BUILD SUCCESS
        String line =
                PrintableText.escape(f.location().file()) + ":" + f.location().line() + ":"
                        + f.location().column() + ": " + PrintableText.escape(f.message()) + " [" + f.ruleId() + "]";
        switch (f.severity()) {
            case ERROR -> getLog().error(line);
            case WARNING -> getLog().warn(line);
            case INFO -> getLog().info(line);
        }
    }

    private List<String> formatNames() {
        return formats == null ? List.of() : formats;
    }

    /** The report formats asked for; none when one of them is unknown (that problem is told by itself). */
    private List<ReportFormats.Format> formatsOrNone() {
        try {
            return ReportFiles.select(formatNames());
        } catch (OptionsException e) {
            return List.of();
        }
    }

    private static List<ReportFormats.Format> defaultFormats() {
        try {
            return ReportFiles.select(ReportFiles.DEFAULT);
        } catch (OptionsException e) {
            throw new IllegalStateException("the default reports are known formats", e);
        }
    }

    private List<Path> write(LintResult result, List<ReportFiles.Report> reports, Path root, LintPlan plan)
            throws MojoExecutionException {
        try {
            // the JUnit report's failures are the findings that fail the build
            List<Path> written =
                    ReportFiles.write(result, reports, ReportOptions.plain(root).withFailuresFrom(plan.failOn()));
            if (!written.isEmpty()) {
                getLog().info("Reports: "
                        + written.stream().map(p -> shown(p, root)).collect(Collectors.joining(", ")));
            }
            return written;
        } catch (IOException e) {
            throw new MojoExecutionException("kubelint: cannot write the reports to " + outputDirectory + ": " + e, e);
        }
    }

    private static String failure(LintResult result, LintPlan plan, List<Path> written, Path root) {
        String counts = count(result, Severity.ERROR, "error") + ", " + count(result, Severity.WARNING, "warning")
                + ", " + count(result, Severity.INFO, "info");
        String where = written.isEmpty()
                ? "see the lines above"
                : "see the lines above and the reports "
                        + written.stream().map(p -> shown(p, root)).collect(Collectors.joining(", "));
        return "kubelint found " + counts + " (failOn: " + plan.failOnLabel() + "); " + where;
    }

    private static String count(LintResult result, Severity severity, String word) {
        long n = result.count(severity);
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String shown(Path file, Path folder) {
        return LintParameters.shown(file, folder);
    }
}
