package dev.kubelint.core.run;

import dev.kubelint.core.baseline.Baseline;
import dev.kubelint.core.config.ConfigReader;
import dev.kubelint.core.run.OptionProblem.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The baseline of a run, as {@link LintRequestBuilder} resolves it from the options and the configuration file. */
final class BaselinePlans {

    private BaselinePlans() {}

    /**
     * The baseline named by the options, else the configuration file's; read now, so that a bad file is a problem
     * before the scan rather than after it.
     *
     * @param named    the file the options name, relative to the working directory
     * @param fromFile the configuration file's {@code baseline}, absolute
     * @param update   whether the run writes the baseline instead of checking against it
     * @param found    where problems are added
     */
    static Optional<LintPlan.BaselinePlan> resolve(
            Path workingDirectory,
            Optional<Path> named,
            Optional<Path> fromFile,
            boolean update,
            List<OptionProblem> found) {
        Optional<Path> file =
                named.map(f -> workingDirectory.resolve(f).normalize()).or(() -> fromFile);
        if (file.isEmpty()) {
            if (update) {
                found.add(OptionProblem.of(
                        Option.BASELINE,
                        "updating the baseline needs a baseline file: name one, " + "or set baseline: in "
                                + ConfigReader.FILE_NAME));
            }
            return Optional.empty();
        }
        String shown = new ConfigReader(workingDirectory).displayName(file.get());
        if (Files.isDirectory(file.get())) {
            found.add(OptionProblem.of(Option.BASELINE, "the baseline file " + shown + " is a folder"));
            return Optional.empty();
        }
        if (!Files.exists(file.get())) {
            if (!update) {
                found.add(OptionProblem.of(
                        Option.BASELINE, "no such baseline file: " + shown + "; an update of the baseline writes it"));
            }
            return Optional.of(new LintPlan.BaselinePlan(file.get(), shown, Optional.empty(), update));
        }
        try {
            return Optional.of(new LintPlan.BaselinePlan(
                    file.get(), shown, Optional.of(Baseline.read(file.get(), shown)), update));
        } catch (Baseline.BaselineException e) {
            found.add(OptionProblem.of(Option.BASELINE, e.getMessage()));
            return Optional.empty();
        }
    }
}
