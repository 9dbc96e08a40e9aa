package dev.kubelint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.Reporter;
import dev.kubelint.core.report.TextReporter;
import dev.kubelint.core.report.Version;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.LintRequestBuilder;
import dev.kubelint.core.run.OptionsException;

/** {@code kubelint [options] PATH...}: scans manifests and reports findings. */
final class ScanCommand {

    private final Main.Environment env;
    private final PrintWriter out;
    private final PrintWriter err;

    ScanCommand(Main.Environment env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    static Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc("output format: " + ReportFormats.names() + " (default text)").get());
        options.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
                .desc("write the report to FILE instead of standard output").get());
        options.addOption(Option.builder().longOpt("kubernetes-version").hasArg().argName("VERSION")
                .desc("Kubernetes version to validate against: " + String.join(", ", LintSettings.KUBERNETES_VERSIONS)
                        + " (default " + LintSettings.NEWEST_KUBERNETES_VERSION + ")").get());
        options.addOption(Option.builder().longOpt("no-strict")
                .desc("allow fields the schema does not define").get());
        options.addOption(Option.builder().longOpt("fail-on").hasArg().argName("LEVEL")
                .desc("exit 1 when a finding is at least this severe: error (default), warning, info, none").get());
        options.addOption(Option.builder("j").longOpt("jobs").hasArg().argName("N")
                .desc("files checked in parallel (default: number of cores)").get());
        options.addOption(Option.builder().longOpt("include").hasArg().argName("GLOB")
                .desc("only files matching GLOB (repeatable)").get());
        options.addOption(Option.builder().longOpt("exclude").hasArg().argName("GLOB")
                .desc("skip files matching GLOB (repeatable)").get());
        options.addOption(Option.builder("q").longOpt("quiet")
                .desc("print findings only, no summary line").get());
        options.addOption(Option.builder().longOpt("version").desc("print the version and exit").get());
        options.addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get());
        return options;
    }

    int run(String[] args) {
        Options options = options();
        CommandLine cmd;
        try {
            cmd = DefaultParser.builder().get().parse(options, args);
        } catch (ParseException e) {
            return usage(e.getMessage());
        }
        if (cmd.hasOption("help")) {
            printHelp(options);
            return Main.OK;
        }
        if (cmd.hasOption("version")) {
            out.println("kubelint " + Version.current());
            return Main.OK;
        }
        List<String> paths = cmd.getArgList();
        if (paths.isEmpty()) {
            return usage("no input: give one or more files or folders, or - for standard input");
        }
        LintRequestBuilder builder = new LintRequestBuilder(env.workingDirectory(), paths)
                .includes(list(cmd.getOptionValues("include")))
                .excludes(list(cmd.getOptionValues("exclude")))
                .failOn(cmd.getOptionValue("fail-on", "error"))
                .stdin(env.stdin())
                .ruleClassLoader(Main.class.getClassLoader());
        if (cmd.hasOption("no-strict")) {
            builder.strict(false);
        }
        if (cmd.hasOption("kubernetes-version")) {
            builder.kubernetesVersion(cmd.getOptionValue("kubernetes-version"));
        }
        if (cmd.hasOption("jobs")) {
            try {
                builder.jobs(Integer.parseInt(cmd.getOptionValue("jobs").trim()));
            } catch (NumberFormatException e) {
                return usage("--jobs must be a number from 1 to 1024, not " + cmd.getOptionValue("jobs"));
            }
        }
        String format = cmd.getOptionValue("format", "text");
        Optional<ReportFormats.Format> reportFormat = ReportFormats.find(format);
        if (reportFormat.isEmpty()) {
            return usage("--format must be one of " + ReportFormats.names() + ", not " + format);
        }
        Reporter reporter = reportFormat.get().reporter().get();
        Optional<Path> output = Optional.ofNullable(cmd.getOptionValue("output")).map(env.workingDirectory()::resolve);
        if (output.isPresent()) {
            Optional<String> problem = checkWritable(output.get());
            if (problem.isPresent()) {
                return usage(problem.get());
            }
        }
        LintPlan plan;
        try {
            plan = builder.build();
        } catch (OptionsException e) {
            return usage(e.getMessage());
        }
        LintRequest request = plan.request();
        LintResult result;
        try {
            result = new Linter().lint(request);
        } catch (Linter.InputException e) {
            for (String problem : e.problems()) {
                err.println("kubelint: " + problem);
            }
            return Main.USAGE;
        }
        ReportOptions reportOptions = new ReportOptions(env.workingDirectory(), false, false, Version.current());
        try {
            if (output.isPresent()) {
                try (Writer w = Files.newBufferedWriter(output.get(), StandardCharsets.UTF_8)) {
                    reporter.write(result, reportOptions, w);
                }
            } else if (cmd.hasOption("quiet") && reporter instanceof TextReporter) {
                result.findings().forEach(f -> out.println(TextReporter.line(f)));
            } else {
                reporter.write(result, reportOptions, out);
            }
        } catch (IOException e) {
            err.println("kubelint: cannot write the report: " + e.getMessage());
            return Main.USAGE;
        }
        return plan.fails(result) ? Main.FINDINGS : Main.OK;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    /** A report path must be writable before scanning starts. */
    static Optional<String> checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            return Optional.of("cannot write the report to " + file + ": it is a folder");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                return Optional.of("cannot write the report to " + file + ": cannot create folder " + parent);
            }
        }
        if (Files.exists(file) ? !Files.isWritable(file) : parent != null && !Files.isWritable(parent)) {
            return Optional.of("cannot write the report to " + file + ": permission denied");
        }
        return Optional.empty();
    }

    private int usage(String message) {
        err.println("kubelint: " + message);
        err.println("Run 'kubelint --help' for usage.");
        return Main.USAGE;
    }

    private void printHelp(Options options) {
        HelpFormatter help = HelpFormatter.builder().setPrintWriter(out).get();
        help.printHelp(out, 100, "kubelint [options] PATH...",
                "Validates and lints Kubernetes manifests (YAML or JSON files, folders, or - for standard input).\n\n",
                options, 2, 4, "\nExit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage error.");
    }
}
