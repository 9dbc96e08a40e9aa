package dev.kubelint.core.run;

import dev.kubelint.core.baseline.Baseline;
import dev.kubelint.core.config.ConfigFile;
import dev.kubelint.core.config.Configuration;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A checked, ready run: the request for the {@link dev.kubelint.core.engine.Linter} and the threshold that decides
 * whether its result fails the command or the build. Close it after the run: it holds the class loaders of rule
 * jars named in the configuration file.
 *
 * @param request       the request to lint
 * @param failOn        the least severity that fails; empty for {@code none}
 * @param configuration the configuration the request was built from
 * @param baseline      the baseline file in use, if any
 * @param ownReports    whether the front end named reports of its own, which replace the configuration file's
 *                      {@code reports:} (see {@link #configuredReports()})
 */
public record LintPlan(
        LintRequest request,
        Optional<Severity> failOn,
        Configuration configuration,
        Optional<BaselinePlan> baseline,
        boolean ownReports)
        implements AutoCloseable {

    /**
     * The baseline of a run.
     *
     * @param file     the baseline file, absolute
     * @param shown    the file as messages name it
     * @param accepted its entries as read; empty when the file does not exist yet
     * @param update   whether the run writes its findings to the file instead of checking against it
     */
    public record BaselinePlan(Path file, String shown, Optional<Baseline> accepted, boolean update) {}

    /**
     * The configuration file's {@code reports:} when they are the reports written: the front end named none of its
     * own ({@link LintRequestBuilder#reportsOrConfigured}) and the file names some; empty when the front end's own
     * reports (or its defaults) are written.
     */
    public Optional<List<ConfigFile.ReportEntry>> configuredReports() {
        return configuredReports(ownReports, configuration.file());
    }

    /**
     * Which reports a run writes, decided once for every front end: those the front end named, which replace the
     * configuration file's; without them, the file's {@code reports:} (returned) when it names any; else the front
     * end's defaults (empty).
     */
    public static Optional<List<ConfigFile.ReportEntry>> configuredReports(boolean ownReports, ConfigFile file) {
        return ownReports || file.reports().isEmpty() ? Optional.empty() : Optional.of(file.reports());
    }

    @Override
    public void close() {
        configuration.close();
    }

    public boolean fails(LintResult result) {
        return result.fails(failOn);
    }

    /**
     * The result after the baseline: the findings it accepts set apart from the active ones. When the baseline is
     * to be updated, the run's active findings are first written to it (and so all accepted).
     *
     * @throws IOException when the baseline cannot be written
     */
    public LintResult applyBaseline(LintResult result) throws IOException {
        if (baseline.isEmpty()) {
            return result;
        }
        BaselinePlan plan = baseline.get();
        if (plan.update()) {
            Baseline updated = Baseline.updated(plan.file(), plan.accepted(), result, request.workingDirectory());
            updated.write();
            return updated.apply(result, request.workingDirectory());
        }
        return plan.accepted()
                .map(b -> b.apply(result, request.workingDirectory()))
                .orElse(result);
    }

    /**
     * What an update did, for the log: "baseline kubelint-baseline.json: 12 findings accepted (3 added, 5 removed)";
     * empty when the baseline was not updated.
     */
    public Optional<String> updateSummary(LintResult result) {
        return baseline.filter(BaselinePlan::update).map(plan -> {
            Map<Baseline.Entry, Integer> before =
                    counts(plan.accepted().map(Baseline::entries).orElse(List.of()));
            // the file as written: the run's findings (all accepted now) and the entries of files it did not scan
            List<Baseline.Entry> written = Baseline.updated(
                            plan.file(),
                            plan.accepted(),
                            result.withBaseline(result.baseline().matched(), LintResult.BaselineOutcome.NONE),
                            request.workingDirectory())
                    .entries();
            Map<Baseline.Entry, Integer> after = counts(written);
            int added = 0;
            int removed = 0;
            Set<Baseline.Entry> keys = new HashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (Baseline.Entry key : keys) {
                int difference = after.getOrDefault(key, 0) - before.getOrDefault(key, 0);
                added += Math.max(difference, 0);
                removed += Math.max(-difference, 0);
            }
            int total = written.size();
            return "baseline " + plan.shown() + ": " + total + (total == 1 ? " finding" : " findings") + " accepted ("
                    + added + " added, " + removed + " removed)";
        });
    }

    private static Map<Baseline.Entry, Integer> counts(List<Baseline.Entry> entries) {
        Map<Baseline.Entry, Integer> counts = new HashMap<>();
        entries.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts;
    }

    /** The threshold as the user writes it: error, warning, info or none. */
    public String failOnLabel() {
        return failOn.map(Severity::label).orElse("none");
    }
}
