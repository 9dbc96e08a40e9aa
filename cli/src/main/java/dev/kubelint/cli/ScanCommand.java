package dev.kubelint.cli;

import dev.kubelint.core.baseline.Baseline;
import dev.kubelint.core.config.ConfigDiscovery;
import dev.kubelint.core.config.ConfigException;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.engine.ProgressListener;
import dev.kubelint.core.report.Ansi;
import dev.kubelint.core.report.PrintableText;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.TextReporter;
import dev.kubelint.core.report.Version;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.OptionsException;
import dev.kubelint.core.run.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** {@code kubelint [options] PATH...}: scans manifests and reports findings. */
final class ScanCommand {

    static final String INPUT = "Input";
    static final String VALIDATION = "Validation";
    static final String OUTPUT = "Output";
    static final String RULES = "Rules and configuration";
    static final String GENERAL = "General";

    /** Stale baseline entries listed on standard error; the JSON report has them all. */
    private static final int STALE_SHOWN = 10;

    private final Main.Environment env;
    private final PrintWriter out;
    private final PrintWriter err;

    ScanCommand(Main.Environment env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Every option of the command, by help section: the one place where options are defined. */
    static OptionSections options() {
        return new OptionSections()
                .add(
                        INPUT,
                        option(
                                null,
                                "include",
                                "GLOB",
                                "only files whose path (relative to the scanned folder) " + "matches GLOB; repeatable"),
                        option(null, "exclude", "GLOB", "skip files whose path matches GLOB; repeatable"),
                        option(
                                "l",
                                "selector",
                                "EXPR",
                                "lint only objects whose labels match EXPR, as kubectl get -l "
                                        + "selects them (e.g. 'app=web,tier in (front,back),!canary')"),
                        option("j", "jobs", "N", "files checked in parallel (default: the number of cores)"),
                        option(
                                null,
                                "stdin-filename",
                                "NAME",
                                "the file name standard input (-) is reported under, "
                                        + "as an editor or a hook that pipes a file's text knows it"),
                        option(
                                null,
                                "helm-values",
                                "FILE",
                                "values file for the Helm charts found, as helm template -f"
                                        + " takes it; repeatable, later ones win"),
                        option(
                                null,
                                "helm-set",
                                "KEY=VALUE",
                                "a value for the Helm charts found, as helm template" + " --set takes it; repeatable"))
                .add(
                        VALIDATION,
                        option(
                                null,
                                "kubernetes-version",
                                "VERSION",
                                "the Kubernetes release to validate against: "
                                        + LintSettings.KUBERNETES_VERSIONS.get(0) + " to "
                                        + LintSettings.NEWEST_KUBERNETES_VERSION + ", or a patch release such as 1.31.4"
                                        + " (default " + LintSettings.NEWEST_KUBERNETES_VERSION
                                        + "; kubelint versions lists"
                                        + " them)"),
                        flag(null, "no-strict", "allow fields the schema does not define (default: they are errors)"))
                .add(VALIDATION, RequestOptions.validationOptions())
                .add(
                        OUTPUT,
                        option(
                                null,
                                "format",
                                "FORMAT[=FILE]",
                                "report format: " + ReportFormats.list()
                                        + " (default: the configuration's reports, else text); repeatable, each to its own FILE, at most one to standard output"),
                        option(
                                "o",
                                "output",
                                "FILE",
                                "write the report that has no FILE of its own to FILE instead " + "of standard output"),
                        option(
                                null,
                                "color",
                                "WHEN",
                                "colours on standard output: auto (default: on a terminal, "
                                        + "unless NO_COLOR is set), always, never"),
                        flag(null, "no-source", "text report: no source line and marker under each finding"),
                        flag(
                                "v",
                                "verbose",
                                "text report: also list the files left out as not Kubernetes" + " manifests"),
                        flag(
                                "q",
                                "quiet",
                                "text report: one line per finding, no source lines, no summary, no "
                                        + "progress line"))
                .add(
                        RULES,
                        option(
                                null,
                                "fail-on",
                                "LEVEL",
                                "exit 1 when a finding is at least this severe: error "
                                        + "(default), warning, info, none"))
                .add(RULES, RequestOptions.ruleOptions())
                .add(
                        GENERAL,
                        flag(null, "version", "print the version and exit"),
                        flag("h", "help", "print this help and exit"));
    }

    private static Option option(String shortName, String longName, String argName, String description) {
        return Option.builder(shortName)
                .longOpt(longName)
                .hasArg()
                .argName(argName)
                .desc(description)
                .get();
    }

    private static Option flag(String shortName, String longName, String description) {
        return Option.builder(shortName).longOpt(longName).desc(description).get();
    }

    /** How the run reports: its targets and how text looks. */
    private record OutputSettings(
            List<ReportTargets.Target> targets, boolean color, boolean showSource, boolean quiet, boolean verbose) {
        OutputSettings withTargets(List<ReportTargets.Target> others) {
            return new OutputSettings(others, color, showSource, quiet, verbose);
        }
    }

    int run(String[] args) {
        Warmup.schemasAndRules();
        OptionSections sections = options();
        CommandLine cmd;
        try {
            cmd = CommandLines.parse(sections.toOptions(), args);
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        if (cmd.hasOption("help")) {
            printHelp(sections);
            return Main.OK;
        }
        if (cmd.hasOption("version")) {
            out.println("kubelint " + Version.current());
            return Main.OK;
        }
        if (readsConfiguration(cmd)) {
            Warmup.configuration();
        }
        OutputSettings output;
        try {
            checkPaths(cmd);
            output = outputSettings(cmd);
            ReportTargets.checkWritable(output.targets());
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        LintPlan plan;
        try {
            plan = RequestOptions.plan(
                    cmd,
                    env.workingDirectory(),
                    cmd.getArgList(),
                    env.stdin(),
                    output.targets().stream().map(ReportTargets.Target::format).toList(),
                    reportOptions(output));
        } catch (OptionsException e) {
            return optionsError(e);
        }
        try (plan) {
            try { // the configuration's reports, unless the command line names its own
                output = output.withTargets(
                        ReportTargets.orConfigured(output.targets(), cmd, plan, env.workingDirectory()));
            } catch (UsageException e) {
                return usage(e.getMessage());
            }
            List<String> overwritten = ReportFiles.overwrittenInputs(
                    plan.request(),
                    output.targets().stream().flatMap(t -> t.file().stream()).toList());
            if (!overwritten.isEmpty()) {
                return usage(PrintableText.escape(overwritten.get(0)));
            }
            Optional<LintResult> result = lint(plan.request(), !output.quiet())
                    .map(r -> last(cmd, "stdin-filename")
                            .map(name -> StdinName.apply(r, name))
                            .orElse(r))
                    .flatMap(r -> applyBaseline(plan, r));
            result.ifPresent(r -> tellPathsWithoutManifests(cmd.getArgList(), r));
            if (result.isEmpty() || !writeReports(result.get(), output)) {
                return Main.USAGE;
            }
            tellBaseline(plan, result.get());
            return plan.fails(result.get()) ? Main.FINDINGS : Main.OK;
        }
    }

    /** Whether the run will read a configuration file (a guess for the warm-up: the request decides for real). */
    private boolean readsConfiguration(CommandLine cmd) {
        if (cmd.hasOption("no-config")) {
            return false;
        }
        if (cmd.hasOption("config")) {
            return true;
        }
        try {
            return new ConfigDiscovery(env.workingDirectory())
                    .find(cmd.getArgList())
                    .isPresent();
        } catch (ConfigException e) {
            return false;
        }
    }

    /**
     * A folder (or file) the user named that gave no manifest to check gets a line of its own, so that a wrong
     * path or glob is not mistaken for a clean scan ("0 files").
     */
    private void tellPathsWithoutManifests(List<String> paths, LintResult result) {
        Path wd = env.workingDirectory();
        List<Path> scanned = result.files().stream()
                .map(f -> wd.resolve(f.file()).normalize())
                .toList();
        for (String path : paths) {
            if (path.equals("-")) {
                continue;
            }
            Path named = wd.resolve(path).normalize();
            if (scanned.stream().noneMatch(f -> f.startsWith(named))) {
                err.println("kubelint: " + path + ": "
                        + (Files.isDirectory(named)
                                ? "no manifest to check: the folder holds no .yaml, .yml or .json file that the include and "
                                        + "exclude globs let through"
                                : "not checked: the include and exclude globs leave it out"));
            }
        }
    }

    /** The result with the baseline's findings set apart (after writing it, for an update); empty if it failed. */
    private Optional<LintResult> applyBaseline(LintPlan plan, LintResult result) {
        try {
            return Optional.of(plan.applyBaseline(result));
        } catch (IOException e) {
            err.println("kubelint: --baseline: cannot write the baseline file "
                    + plan.baseline().map(LintPlan.BaselinePlan::shown).orElse("") + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** What an update wrote, or the baseline's entries that match nothing any more (so that the file shrinks). */
    private void tellBaseline(LintPlan plan, LintResult result) {
        plan.updateSummary(result).ifPresent(line -> err.println("kubelint: " + line));
        List<Baseline.Entry> stale = result.baseline().stale();
        if (stale.isEmpty()) {
            return;
        }
        String file = plan.baseline().map(LintPlan.BaselinePlan::shown).orElse("");
        err.println("kubelint: baseline " + file + ": " + stale.size()
                + (stale.size() == 1 ? " entry matches" : " entries match")
                + " no finding any more; --update-baseline removes "
                + (stale.size() == 1 ? "it" : "them"));
        stale.stream().limit(STALE_SHOWN).forEach(e -> err.println("kubelint:   " + e.describe()));
        if (stale.size() > STALE_SHOWN) {
            err.println(
                    "kubelint:   ... and " + (stale.size() - STALE_SHOWN) + " more (the JSON report lists them all)");
        }
    }

    /** Bad flags, a bad configuration file or rule jar: every problem on a line of its own, no stack trace. */
    private int optionsError(OptionsException e) {
        e.problems().forEach(p -> err.println("kubelint: " + PrintableText.escape(RequestOptions.shown(p))));
        return Main.USAGE;
    }

    private static void checkPaths(CommandLine cmd) throws UsageException {
        if (cmd.getArgList().isEmpty()) {
            throw new UsageException("no input: give one or more files or folders, or - for standard input");
        }
    }

    /** Runs the scan with a progress line when one may be shown; empty (and the problems told) for bad paths. */
    private Optional<LintResult> lint(LintRequest request, boolean progressAllowed) {
        boolean progress = progressAllowed && Terminal.showProgress(env.stderrTerminal(), env.variables());
        try (ProgressLine line = new ProgressLine(err, System::nanoTime)) {
            ProgressListener listener = progress ? line : ProgressListener.NONE;
            return Optional.of(new Linter().lint(request.withProgress(listener)));
        } catch (Linter.InputException e) {
            for (String problem : e.problems()) {
                err.println("kubelint: " + problem);
            }
            return Optional.empty();
        }
    }

    private OutputSettings outputSettings(CommandLine cmd) throws UsageException {
        String[] outputs = cmd.getOptionValues("output");
        if (outputs != null && outputs.length > 1) {
            throw new UsageException("-o/--output given " + outputs.length + " times; give each "
                    + "format its own file with --format NAME=FILE");
        }
        List<ReportTargets.Target> targets =
                ReportTargets.parse(list(cmd.getOptionValues("format")), last(cmd, "output"), env.workingDirectory());
        String colorText = last(cmd, "color").orElse("auto");
        Terminal.ColorMode mode = Terminal.ColorMode.parse(colorText)
                .orElseThrow(() -> new UsageException("--color must be auto, always or never, not " + colorText));
        boolean quiet = cmd.hasOption("quiet");
        return new OutputSettings(
                targets,
                Terminal.useColor(mode, env.interactive(), env.variables()),
                !cmd.hasOption("no-source") && !quiet,
                quiet,
                cmd.hasOption("verbose"));
    }

    private ReportOptions reportOptions(OutputSettings output) {
        return new ReportOptions(env.workingDirectory(), false, output.showSource(), !output.quiet(), Version.current())
                .withVerbose(output.verbose());
    }

    /** Writes every report; false (and the problem told) when one cannot be written. */
    private boolean writeReports(LintResult result, OutputSettings output) {
        ReportOptions base = reportOptions(output);
        boolean allWritten = true;
        for (ReportTargets.Target target : output.targets()) {
            try {
                if (target.toStdout()) {
                    Writer w = PrintableText.writer(out);
                    target.reporter().write(result, base.withColor(output.color()), w);
                    w.flush();
                } else {
                    try (Writer w = PrintableText.writer(
                            Files.newBufferedWriter(target.file().get(), StandardCharsets.UTF_8))) {
                        target.reporter().write(result, base, w);
                    }
                }
            } catch (IOException e) {
                // the other reports are still written
                err.println("kubelint: cannot write the " + target.format().name() + " report"
                        + target.file().map(f -> " to " + f).orElse("") + ": " + e.getMessage());
                allWritten = false;
            }
        }
        if (!allWritten) {
            return false;
        }
        // with every report in a file, the log still shows what the run found
        if (!output.quiet() && output.targets().stream().noneMatch(ReportTargets.Target::toStdout)) {
            out.println(TextReporter.summary(result, Ansi.of(output.color())));
        }
        return true;
    }

    /** The last value of an option given more than once: later words on a command line override earlier ones. */
    private static Optional<String> last(CommandLine cmd, String option) {
        String[] values = cmd.getOptionValues(option);
        return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[values.length - 1]);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    /** A usage error: one line on stderr, exit code 2. */
    private int usage(String message) {
        err.println("kubelint: " + message.lines().findFirst().orElse(message));
        return Main.USAGE;
    }

    private void printHelp(OptionSections sections) {
        out.println("Usage: kubelint [options] PATH...");
        out.println();
        out.println("Validates and lints Kubernetes manifests: YAML or JSON files, folders (searched recursively),");
        out.println("or - for standard input. Findings are reported with file, line and column.");
        out.println();
        out.println("Commands (each has --help):");
        out.println("  kubelint [scan] [options] PATH...      check manifests (the default command)");
        out.println("  kubelint rules [--rules-jar JAR]       list the rules; --format markdown writes their docs");
        out.println("  kubelint explain RULE                  one rule's documentation, with examples");
        out.println("  kubelint config init [--force] [FILE]  write a starter .kubelint.yaml");
        out.println("  kubelint config schema                 print the JSON Schema of the configuration file");
        out.println("  kubelint completion bash|zsh|fish      print a shell completion script");
        out.println();
        sections.printHelp(out);
        out.println("Examples:");
        out.println("  kubelint k8s/                          check a folder, findings with their source lines");
        out.println("  helm template chart/ | kubelint -      check what a tool renders, from standard input");
        out.println("  kubelint --format text --format sarif=target/kubelint.sarif \\");
        out.println("           --format junit=target/kubelint.xml k8s/");
        out.println("                                         text on the terminal, SARIF and JUnit XML for CI");
        out.println("  kubelint --format github k8s/          annotations on pull requests in GitHub Actions");
        out.println("  kubelint --fail-on warning --kubernetes-version 1.30 -q k8s/");
        out.println();
        out.println("Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,");
        out.println("2 usage error, unreadable input path, report that cannot be written, bad configuration.");
    }
}
