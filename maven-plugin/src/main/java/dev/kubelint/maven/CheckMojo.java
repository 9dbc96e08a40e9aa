package dev.kubelint.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.report.PrintableText;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.Reporter;
import dev.kubelint.core.report.TextReporter;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.LintRequestBuilder;
import dev.kubelint.core.run.OptionProblem;
import dev.kubelint.core.run.OptionsException;
import dev.kubelint.core.run.ReportFiles;

/**
 * Lints the project's Kubernetes manifests and fails the build when a finding reaches {@code failOn}. Findings
 * are logged as {@code path:line:col: message [rule-id]}; reports are written to {@code outputDirectory}.
 * Rules from jars added as {@code <dependencies>} of the plugin run like the built-in ones.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Where manifests are looked for when {@code sourceDirectories} is not set: the first that exists is used. */
    static final List<String> DEFAULT_SOURCE_DIRECTORIES = List.of("src/main/k8s", "src/main/kubernetes",
            "src/main/jkube", "k8s");

    /**
     * Folders (or files) of manifests to lint; folders are searched recursively for {@code .yaml}, {@code .yml}
     * and {@code .json} files. Default: the first of {@code src/main/k8s}, {@code src/main/kubernetes},
     * {@code src/main/jkube} and {@code k8s} that exists in the project's folder. Those that do not exist are
     * ignored, and a project with none is skipped.
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

    /** The Kubernetes version to validate against: 1.30, 1.34 or 1.35. Default: the configuration file's, else the newest. */
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
     * (kubelint-github.txt), or {@code none}. An unknown format fails the build.
     */
    @Parameter(property = "kubelint.formats", defaultValue = "sarif,junit")
    private List<String> formats;

    /** The folder reports are written to. */
    @Parameter(property = "kubelint.outputDirectory", defaultValue = "${project.build.directory}/kubelint")
    private File outputDirectory;

    /** A label selector in kubectl's syntax ({@code app=web,tier!=cache}): only objects it matches are linted. */
    @Parameter(property = "kubelint.selector")
    private String selector;

    /** Skips the check. */
    @Parameter(property = "kubelint.skip", defaultValue = "false")
    private boolean skip;

    /** The project's folder: relative source directories start there. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    /** Paths in the log and the reports are relative to the folder the build was started in (the reactor root). */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true, required = true)
    private File executionRootDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kubelint: skipped (kubelint.skip)");
            return;
        }
        List<Path> sources = sources();
        if (sources.isEmpty()) {
            getLog().info("kubelint: no manifest directory (" + lookedFor() + "), skipping");
            return;
        }
        Path root = executionRootDirectory.toPath().toAbsolutePath().normalize();
        LintPlan plan;
        List<ReportFormats.Format> reports;
        try {
            plan = request(root, sources).build();
            reports = ReportFiles.select(formats == null ? List.of() : formats);
        } catch (OptionsException e) {
            // no cause: Maven would append its message, which names the options in its own neutral way
            throw new MojoExecutionException(problems(e));
        }
        LintResult result;
        try (plan) {
            List<String> overwritten = ReportFiles.overwrittenInputs(plan.request(), reports.stream()
                    .map(f -> outputDirectory.toPath().resolve(f.fileName())).toList());
            if (!overwritten.isEmpty()) {
                throw new MojoExecutionException("kubelint: " + PrintableText.escape(overwritten.get(0)));
            }
            result = new Linter().lint(keepForReports(plan.request(), reports, root));
        } catch (Linter.InputException e) {
            throw new MojoExecutionException("kubelint: " + e.getMessage(), e);
        }
        result.findings().forEach(this::log);
        // which folders: with -T the summaries of several modules interleave
        getLog().info(sources.stream().map(p -> shown(p, root)).collect(Collectors.joining(", ")) + ": "
                + TextReporter.summary(result));
        List<Path> written = write(result, reports, root);
        if (plan.fails(result)) {
            throw new MojoFailureException(failure(result, plan, written, root));
        }
    }

    /** The same translation as the command line's: only the syntax of the options differs. */
    LintRequestBuilder request(Path root, List<Path> sources) {
        LintRequestBuilder builder = new LintRequestBuilder(root, sources.stream().map(Path::toString).toList())
                .includes(includes == null ? List.of() : includes)
                .excludes(excludes == null ? List.of() : excludes)
                .failOn(failOn == null ? "error" : failOn)
                .ruleClassLoader(CheckMojo.class.getClassLoader())
                // the build already runs what the project's POM names: its .kubelint.yaml is as trusted as the POM
                .trustConfig(true);
        if (configFile != null) {
            builder.configFile(baseDirectory.toPath().resolve(configFile.toPath()));
        }
        if (kubernetesVersion != null && !kubernetesVersion.isBlank()) {
            builder.kubernetesVersion(kubernetesVersion);
        }
        if (strict != null) {
            builder.strict(strict);
        }
        if (selector != null && !selector.isBlank()) {
            builder.selector(selector);
        }
        return builder;
    }

    /** Every problem on a line of its own, naming the parameter as the POM spells it. */
    static String problems(OptionsException e) {
        return e.problems().stream().map(p -> "kubelint: " + PrintableText.escape(p.shown(CheckMojo::parameter)))
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
            case JOBS, RULES_JAR, ENABLE, DISABLE, SCHEMA_LOCATION, LIMIT -> option.label();
        };
    }

    /** The configured folders that exist, or the first default folder that exists. */
    private List<Path> sources() {
        List<Path> found = new ArrayList<>();
        for (String name : sourceNames()) {
            Path path = baseDirectory.toPath().resolve(name).normalize();
            if (Files.exists(path)) {
                found.add(path.toAbsolutePath());
                if (sourceDirectories == null || sourceDirectories.isEmpty()) {
                    break;
                }
            }
        }
        return found;
    }

    private List<String> sourceNames() {
        if (sourceDirectories == null || sourceDirectories.isEmpty()) {
            return DEFAULT_SOURCE_DIRECTORIES;
        }
        return sourceDirectories.stream().map(File::getPath).toList();
    }

    private String lookedFor() {
        return sourceNames().stream().map(name -> shown(baseDirectory.toPath().resolve(name), baseDirectory.toPath()))
                .collect(Collectors.joining(", "));
    }

    private void log(Finding f) {
        // escaped: a value or file name must not start a log line of its own, such as a forged [ERROR] or BUILD SUCCESS
        String line = PrintableText.escape(f.location().file()) + ":" + f.location().line() + ":" + f.location().column()
                + ": " + PrintableText.escape(f.message()) + " [" + f.ruleId() + "]";
        switch (f.severity()) {
            case ERROR -> getLog().error(line);
            case WARNING -> getLog().warn(line);
            case INFO -> getLog().info(line);
        }
    }

    /** The run keeps per-object data and source lines only when a chosen report shows them. */
    private static LintRequest keepForReports(LintRequest request, List<ReportFormats.Format> reports, Path root) {
        List<Reporter> reporters = reports.stream().map(f -> f.reporter().get()).toList();
        ReportOptions options = ReportOptions.plain(root);
        return request.withObjectSummaries(reporters.stream().anyMatch(Reporter::needsObjects))
                .withSourceLines(reporters.stream().anyMatch(r -> r.showsSource(options)));
    }

    private List<Path> write(LintResult result, List<ReportFormats.Format> reports, Path root)
            throws MojoExecutionException {
        try {
            List<Path> written = ReportFiles.write(result, reports, outputDirectory.toPath(), ReportOptions.plain(root));
            if (!written.isEmpty()) {
                getLog().info("Reports: " + written.stream().map(p -> shown(p, root)).collect(Collectors.joining(", ")));
            }
            return written;
        } catch (IOException e) {
            throw new MojoExecutionException("kubelint: cannot write the reports to " + outputDirectory + ": " + e, e);
        }
    }

    private static String failure(LintResult result, LintPlan plan, List<Path> written, Path root) {
        String counts = count(result, Severity.ERROR, "error") + ", " + count(result, Severity.WARNING, "warning")
                + ", " + count(result, Severity.INFO, "info");
        String where = written.isEmpty() ? "see the lines above"
                : "see the lines above and the reports " + written.stream().map(p -> shown(p, root))
                        .collect(Collectors.joining(", "));
        return "kubelint found " + counts + " (failOn: " + plan.failOnLabel() + "); " + where;
    }

    private static String count(LintResult result, Severity severity, String word) {
        long n = result.count(severity);
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Relative to the folder when inside it, as the engine shows files; absolute otherwise. */
    private static String shown(Path file, Path folder) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = folder.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString()
                .replace(File.separatorChar, '/');
    }
}
