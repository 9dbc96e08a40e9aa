package dev.kubelint.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The paths options name: checked to exist, and resolved after the configuration file's. */
final class OptionPaths {

    private OptionPaths() {}

    /** Adds a problem for each path (relative to {@code base}) that {@code exists} refuses. */
    static void check(
            Path base,
            List<String> paths,
            OptionProblem.Option option,
            Predicate<Path> exists,
            String missing,
            List<OptionProblem> found) {
        for (String path : paths) {
            if (!exists.test(base.resolve(path))) {
                found.add(OptionProblem.of(option, missing + path));
            }
        }
    }

    /** The configuration file's paths, then those of the options resolved against {@code base}. */
    static List<Path> after(List<Path> fromFile, Path base, List<String> paths) {
        List<Path> all = new ArrayList<>(fromFile);
        paths.forEach(p -> all.add(base.resolve(p).normalize()));
        return all;
    }
}
