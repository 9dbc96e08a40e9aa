package dev.kubelint.rules.schema;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Test helper: runs the real engine with every rule on the class path. */
final class Lint {

    static final RuleCatalog CATALOG = RuleCatalog.load(Lint.class.getClassLoader());

    private Lint() {}

    static LintResult run(Path input, LintSettings settings) {
        LintRequest request = LintRequest.of(
                        List.of(input.toString()), Path.of("").toAbsolutePath(), CATALOG)
                .withSettings(settings)
                .withJobs(2);
        try {
            return new Linter().lint(request);
        } catch (Linter.InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static List<Finding> findings(Path input, LintSettings settings, String ruleId) {
        return run(input, settings).findings().stream()
                .filter(f -> f.ruleId().equals(ruleId))
                .toList();
    }

    /** A text file of the test resources, such as a CRD that several tests install. */
    static String resource(String name) {
        try (InputStream in = Lint.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "line:column message" of each finding, for readable assertions. */
    static List<String> describe(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.location().line() + ":" + f.location().column() + " " + f.message())
                .toList();
    }
}
