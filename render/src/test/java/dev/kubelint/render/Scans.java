package dev.kubelint.render;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.LintRequestBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Scans as the command line does: the built-in rules and the renderers found on the class path. */
final class Scans {

    private Scans() {}

    static LintResult scan(Path dir, UnaryOperator<LintRequestBuilder> options, String... paths) throws Exception {
        return scan(dir, options, UnaryOperator.identity(), paths);
    }

    static LintResult scan(
            Path dir, UnaryOperator<LintRequestBuilder> options, UnaryOperator<LintRequest> request, String... paths)
            throws Exception {
        try (LintPlan plan = options.apply(new LintRequestBuilder(dir, List.of(paths)).noConfigFile())
                .build()) {
            return new Linter().lint(request.apply(plan.request().withJobs(2)));
        }
    }

    static List<String> lines(LintResult result) {
        return result.findings().stream().map(Scans::line).toList();
    }

    static String line(Finding f) {
        return f.location().file() + ":" + f.location().line() + ":"
                + f.location().column() + " " + f.ruleId();
    }
}
