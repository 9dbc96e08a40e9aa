package dev.kubelint.core.run;

import java.util.Optional;

import dev.kubelint.core.config.Configuration;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Severity;

/**
 * A checked, ready run: the request for the {@link dev.kubelint.core.engine.Linter} and the threshold that decides
 * whether its result fails the command or the build. Close it after the run: it holds the class loaders of rule
 * jars named in the configuration file.
 *
 * @param request       the request to lint
 * @param failOn        the least severity that fails; empty for {@code none}
 * @param configuration the configuration the request was built from
 */
public record LintPlan(LintRequest request, Optional<Severity> failOn, Configuration configuration)
        implements AutoCloseable {

    @Override
    public void close() {
        configuration.close();
    }

    public boolean fails(LintResult result) {
        return result.fails(failOn);
    }

    /** The threshold as the user writes it: error, warning, info or none. */
    public String failOnLabel() {
        return failOn.map(Severity::label).orElse("none");
    }
}
