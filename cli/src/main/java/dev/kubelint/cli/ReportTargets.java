package dev.kubelint.cli;

import dev.kubelint.core.config.ConfigFile;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.Reporter;
import dev.kubelint.core.run.LintPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;

/**
 * Where each report of a run goes, from {@code --format NAME[=FILE]} (repeatable), or else the configuration file's
 * {@code reports:}, and {@code -o FILE}: a format
 * with a file of its own goes there, the one format without a file goes to {@code -o FILE} or else to standard
 * output. Every mistake is found here, before any scanning, and described in one line.
 */
final class ReportTargets {

    /** One report: its format, its reporter and its file, or standard output. */
    record Target(ReportFormats.Format format, Reporter reporter, Optional<Path> file) {
        Target(ReportFormats.Format format, Optional<Path> file) {
            this(format, format.reporter().get(), file);
        }

        boolean toStdout() {
            return file.isEmpty();
        }
    }

    private ReportTargets() {}

    /**
     * @param formats the values of {@code --format}, empty for the default text report
     * @param output  the value of {@code -o}, if given
     */
    static List<Target> parse(List<String> formats, Optional<String> output, Path workingDirectory)
            throws UsageException {
        List<String> specs = formats.isEmpty() ? List.of("text") : formats;
        List<Target> targets = new ArrayList<>();
        for (String spec : specs) {
            targets.add(target(spec, workingDirectory));
        }
        return withOutput(targets, output, "every --format names its own file", workingDirectory);
    }

    /**
     * The targets of a run once its configuration is read: those of the command line, unless the plan writes the
     * configuration's reports ({@link LintPlan#configuredReports()}: no {@code --format}, and the configuration
     * names some), then those (checked to be writable).
     */
    static List<Target> orConfigured(List<Target> given, CommandLine cmd, LintPlan plan, Path workingDirectory)
            throws UsageException {
        Optional<List<ConfigFile.ReportEntry>> reports = plan.configuredReports();
        if (reports.isEmpty()) {
            return given;
        }
        String[] outputs = cmd.getOptionValues("output");
        Optional<String> output =
                outputs == null || outputs.length == 0 ? Optional.empty() : Optional.of(outputs[outputs.length - 1]);
        List<Target> configured = configured(reports.get(), output, workingDirectory);
        checkWritable(configured);
        return configured;
    }

    /**
     * The reports the configuration file names ({@code reports:}), for a run without {@code --format}: each goes
     * to its file, the one without a file to {@code -o FILE} or else to standard output.
     */
    static List<Target> configured(List<ConfigFile.ReportEntry> reports, Optional<String> output, Path workingDirectory)
            throws UsageException {
        List<Target> targets = new ArrayList<>();
        for (ConfigFile.ReportEntry report : reports) {
            targets.add(new Target(ReportFormats.find(report.format()).orElseThrow(), report.file()));
        }
        return withOutput(
                targets,
                output,
                "every report under reports: in the configuration file names its own file",
                workingDirectory);
    }

    private static List<Target> withOutput(
            List<Target> targets, Optional<String> output, String everyFileNamed, Path workingDirectory)
            throws UsageException {
        List<Target> withoutFile = targets.stream().filter(Target::toStdout).toList();
        if (output.isPresent()) {
            if (withoutFile.isEmpty()) {
                throw new UsageException("-o/--output " + output.get() + " has no report to take: " + everyFileNamed);
            }
            if (withoutFile.size() > 1) {
                throw new UsageException("-o/--output takes one report, but " + names(withoutFile) + " have no file of "
                        + "their own; write --format NAME=FILE for the others");
            }
            Path file = path(output.get(), "-o/--output", workingDirectory);
            int index = targets.indexOf(withoutFile.get(0));
            Target target = withoutFile.get(0);
            targets.set(index, new Target(target.format(), target.reporter(), Optional.of(file)));
        } else if (withoutFile.size() > 1) {
            throw new UsageException("only one report can go to standard output, but " + names(withoutFile)
                    + " have no file; write --format NAME=FILE for all but one");
        }
        checkDistinctFiles(targets);
        return List.copyOf(targets);
    }

    /** Every report file must be writable before the scan starts, so that a long scan is not wasted. */
    static void checkWritable(List<Target> targets) throws UsageException {
        for (Target target : targets) {
            Optional<String> problem = target.file().flatMap(ReportTargets::checkWritable);
            if (problem.isPresent()) {
                throw new UsageException(problem.get());
            }
        }
    }

    /** Whether a report file can be written: checked before the scan so that a long scan is not wasted. */
    static Optional<String> checkWritable(Path file) {
        if (Files.isDirectory(file)) {
            return Optional.of("cannot write the report to " + file + ": it is a folder");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            if (Files.exists(parent)) {
                return Optional.of("cannot write the report to " + file + ": " + parent + " is not a folder");
            }
            try {
                Files.createDirectories(parent);
            } catch (IOException | SecurityException e) {
                return Optional.of("cannot write the report to " + file + ": cannot create the folder " + parent);
            }
        }
        boolean writable = Files.exists(file) ? Files.isWritable(file) : parent == null || Files.isWritable(parent);
        return writable ? Optional.empty() : Optional.of("cannot write the report to " + file + ": permission denied");
    }

    private static Target target(String spec, Path workingDirectory) throws UsageException {
        int equals = spec.indexOf('=');
        String name = (equals < 0 ? spec : spec.substring(0, equals)).trim();
        Optional<ReportFormats.Format> format = ReportFormats.find(name);
        if (format.isEmpty()) {
            String hint = Suggestions.closest(name, ReportFormats.names(), Suggestions.OPTIONS)
                    .map(s -> "did you mean " + s + "? ")
                    .orElse("");
            throw new UsageException(
                    "unknown format '" + name + "' for --format; " + hint + "formats are " + ReportFormats.list());
        }
        if (equals < 0) {
            return new Target(format.get(), Optional.empty());
        }
        String file = spec.substring(equals + 1);
        if (file.isBlank()) {
            throw new UsageException("--format " + name + "= needs a file name after '='");
        }
        return new Target(format.get(), Optional.of(path(file, "--format " + name, workingDirectory)));
    }

    private static Path path(String file, String option, Path workingDirectory) throws UsageException {
        try {
            return workingDirectory.resolve(file).normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(option + ": not a valid file name: " + file);
        }
    }

    private static void checkDistinctFiles(List<Target> targets) throws UsageException {
        Set<Path> seen = new HashSet<>();
        for (Target t : targets) {
            if (t.file().isPresent() && !seen.add(t.file().get().toAbsolutePath())) {
                throw new UsageException("two reports would be written to the same file "
                        + t.file().get());
            }
        }
    }

    private static String names(List<Target> targets) {
        return String.join(" and ", targets.stream().map(t -> t.format().name()).toList());
    }
}
