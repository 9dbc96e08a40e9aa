package dev.kubelint.core.run;

import dev.kubelint.core.config.ConfigFile;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.Reporter;
import java.util.List;
import java.util.Optional;

/**
 * What the reports of a run need it to keep: every object of every file ({@link Reporter#needsObjects()}), the
 * source lines of findings ({@link Reporter#showsSource}).
 */
record ReportNeeds(boolean objects, boolean sourceLines) {

    /**
     * The needs of the reports a front end chose; empty when it chose none (the run keeps everything, for any
     * report).
     *
     * @param chosen             the formats the front end writes
     * @param replaceConfigured  whether they replace the configuration file's {@code reports:}; when not, the
     *                           configuration's reports decide where it names any
     * @param file               the configuration file
     * @param options            the options the reports are written with
     */
    static Optional<ReportNeeds> of(
            Optional<List<ReportFormats.Format>> chosen,
            boolean replaceConfigured,
            ConfigFile file,
            ReportOptions options) {
        Optional<List<ReportFormats.Format>> formats =
                chosen.map(own -> LintPlan.configuredReports(replaceConfigured, file)
                        .map(reports -> reports.stream()
                                .flatMap(r -> ReportFormats.find(r.format()).stream())
                                .toList())
                        .orElse(own));
        return formats.map(list -> {
            List<Reporter> reporters =
                    list.stream().map(f -> f.reporter().get()).toList();
            return new ReportNeeds(
                    reporters.stream().anyMatch(Reporter::needsObjects),
                    reporters.stream().anyMatch(r -> r.showsSource(options)));
        });
    }
}
