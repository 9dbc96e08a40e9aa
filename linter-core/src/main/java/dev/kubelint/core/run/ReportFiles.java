package dev.kubelint.core.run;

import dev.kubelint.core.config.ConfigFile;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.report.PrintableText;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.source.SourceScanner;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reports written as files into one folder, one file per format (the Maven plugin's {@code formats}). */
public final class ReportFiles {

    /** One report file: its format and where it is written. */
    public record Report(ReportFormats.Format format, Path file) {}

    /** The default formats of a build that names none, in its {@code formats} and in the configuration file. */
    public static final List<String> DEFAULT = List.of("sarif", "junit");

    private ReportFiles() {}

    /**
     * The reports of a build: the formats it names, each into the folder under its usual name; when it names none
     * (empty), the configuration file's {@code reports:} (a report without a file of its own goes into the
     * folder), and without those, {@link #DEFAULT}.
     */
    public static List<Report> plan(Optional<List<String>> formats, ConfigFile config, Path folder)
            throws OptionsException {
        Optional<List<ConfigFile.ReportEntry>> configured = LintPlan.configuredReports(formats.isPresent(), config);
        if (configured.isPresent()) {
            return configured.get().stream()
                    .map(r -> {
                        ReportFormats.Format format =
                                ReportFormats.find(r.format()).orElseThrow();
                        return new Report(format, r.file().orElse(folder.resolve(format.fileName())));
                    })
                    .toList();
        }
        return select(formats.orElse(DEFAULT)).stream()
                .map(f -> new Report(f, folder.resolve(f.fileName())))
                .toList();
    }

    /**
     * The formats named (each item may itself be a comma-separated list; names as {@link ReportFormats#find}
     * reads them), in order and without repeats. {@code none} alone (or nothing) selects no report; an unknown
     * name is an error rather than a report that silently never appears.
     */
    public static List<ReportFormats.Format> select(Collection<String> names) throws OptionsException {
        List<String> given = names.stream()
                .flatMap(n -> Arrays.stream(n.split(",")))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .toList();
        if (given.size() == 1 && given.get(0).equalsIgnoreCase("none")) {
            return List.of();
        }
        Map<String, ReportFormats.Format> selected = new LinkedHashMap<>();
        for (String name : given) {
            Optional<ReportFormats.Format> format = ReportFormats.find(name);
            if (format.isEmpty()) {
                throw new OptionsException(
                        "unknown report format '" + name + "': kubelint writes " + ReportFormats.list() + " (or none)");
            }
            selected.putIfAbsent(format.get().name(), format.get());
        }
        return List.copyOf(selected.values());
    }

    /**
     * The report files that are also inputs of the request, each as a one-line problem: writing the report would
     * overwrite a manifest it checked. Only a report file that exists and lies in (or is) a scanned path can be one,
     * so the inputs are listed (with the request's globs, as the scan lists them) only in that case.
     */
    public static List<String> overwrittenInputs(LintRequest request, Collection<Path> reportFiles) {
        List<Path> candidates = new ArrayList<>();
        for (Path file : reportFiles) {
            Path real = SourceScanner.realPath(request.workingDirectory().resolve(file));
            boolean scanned = request.inputs().stream()
                    .filter(i -> !i.equals("-"))
                    .anyMatch(i -> real.startsWith(
                            SourceScanner.realPath(request.workingDirectory().resolve(i))));
            if (Files.isRegularFile(real) && scanned) {
                candidates.add(real);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        SourceScanner.Scan scan = new SourceScanner(request.workingDirectory(), request.includes(), request.excludes())
                .scan(request.inputs());
        List<String> problems = new ArrayList<>();
        for (SourceScanner.Input input : scan.inputs()) {
            if (input.path().isPresent()
                    && candidates.contains(SourceScanner.realPath(input.path().get()))) {
                problems.add("the report file " + input.displayName() + " is one of the scanned inputs: writing the"
                        + " report would overwrite it; write the report elsewhere (or exclude it with --exclude)");
            }
        }
        return problems;
    }

    /** Writes every report into the folder (created when missing) and returns the files written. */
    public static List<Path> write(
            LintResult result, List<ReportFormats.Format> formats, Path folder, ReportOptions options)
            throws IOException {
        return write(
                result,
                formats.stream()
                        .map(f -> new Report(f, folder.resolve(f.fileName())))
                        .toList(),
                options);
    }

    /** Writes every report (creating the folders it needs) and returns the files written. */
    public static List<Path> write(LintResult result, List<Report> reports, ReportOptions options) throws IOException {
        List<Path> written = new ArrayList<>(reports.size());
        for (Report report : reports) {
            Path parent = report.file().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = PrintableText.writer(Files.newBufferedWriter(report.file(), StandardCharsets.UTF_8))) {
                report.format().reporter().get().write(result, options, out);
            }
            written.add(report.file());
        }
        return written;
    }
}
