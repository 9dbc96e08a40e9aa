package dev.kubelint.core.engine;

import dev.kubelint.core.render.RenderSetup;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.yaml.ReadLimits;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Everything a run needs. The CLI and the Maven plugin both build one of these and hand it to {@link Linter};
 * that is all they do besides printing.
 *
 * @param inputs           paths as given (files, folders, "-" for standard input)
 * @param workingDirectory base of relative paths and of the names findings show
 * @param includes         globs a file must match (empty: all)
 * @param excludes         globs that drop a file
 * @param settings         Kubernetes version, strictness, extra schemas
 * @param limits           reader limits
 * @param jobs             worker threads
 * @param catalog          the rules available
 * @param ruleSettings     per rule id, how it is configured
 * @param objectFilter     which objects to lint, by their labels (kubectl's {@code -l}); others are skipped
 * @param useSuppressions  whether suppression annotations and comments apply
 * @param stdin            standard input, for "-"
 * @param progress         told about progress
 * @param debug            whether rule failures carry stack traces
 * @param objectSummaries  whether the result lists every object of every file ({@link LintResult.FileSummary#objects()}),
 *                         which only reports of one entry per object (JUnit) need; otherwise only counts are kept
 * @param sourceLines      whether the result keeps the source lines findings start on ({@link LintResult#sources()}),
 *                         which only reports that show code frames need
 * @param render           the folder renderers (Helm charts, Kustomize) and the values for charts; none: every
 *                         folder is walked for plain manifests
 */
public record LintRequest(
        List<String> inputs,
        Path workingDirectory,
        List<String> includes,
        List<String> excludes,
        LintSettings settings,
        ReadLimits limits,
        int jobs,
        RuleCatalog catalog,
        Map<String, RuleSettings> ruleSettings,
        Optional<Predicate<Map<String, String>>> objectFilter,
        boolean useSuppressions,
        InputStream stdin,
        ProgressListener progress,
        boolean debug,
        boolean objectSummaries,
        boolean sourceLines,
        RenderSetup render) {

    public LintRequest {
        inputs = List.copyOf(inputs);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        ruleSettings = Map.copyOf(ruleSettings);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }

    /** A request with defaults for everything but the inputs and the rules. */
    public static LintRequest of(List<String> inputs, Path workingDirectory, RuleCatalog catalog) {
        return new LintRequest(
                inputs,
                workingDirectory,
                List.of(),
                List.of(),
                LintSettings.DEFAULTS,
                ReadLimits.DEFAULTS,
                Runtime.getRuntime().availableProcessors(),
                catalog,
                Map.of(),
                Optional.empty(),
                true,
                InputStream.nullInputStream(),
                ProgressListener.NONE,
                false,
                true,
                true,
                RenderSetup.NONE);
    }

    public RuleSettings ruleSettings(String id) {
        return ruleSettings.getOrDefault(id, RuleSettings.DEFAULT);
    }

    public LintRequest withSettings(LintSettings value) {
        return copy(c -> c.settings = value);
    }

    public LintRequest withJobs(int value) {
        return copy(c -> c.jobs = value);
    }

    public LintRequest withGlobs(List<String> includeGlobs, List<String> excludeGlobs) {
        return copy(c -> {
            c.includes = includeGlobs;
            c.excludes = excludeGlobs;
        });
    }

    public LintRequest withLimits(ReadLimits value) {
        return copy(c -> c.limits = value);
    }

    public LintRequest withRuleSettings(Map<String, RuleSettings> value) {
        return copy(c -> c.ruleSettings = value);
    }

    public LintRequest withCatalog(RuleCatalog value) {
        return copy(c -> c.catalog = value);
    }

    public LintRequest withObjectFilter(Predicate<Map<String, String>> value) {
        return copy(c -> c.objectFilter = Optional.of(value));
    }

    public LintRequest withUseSuppressions(boolean value) {
        return copy(c -> c.useSuppressions = value);
    }

    public LintRequest withStdin(InputStream value) {
        return copy(c -> c.stdin = value);
    }

    public LintRequest withProgress(ProgressListener value) {
        return copy(c -> c.progress = value);
    }

    public LintRequest withDebug(boolean value) {
        return copy(c -> c.debug = value);
    }

    public LintRequest withObjectSummaries(boolean value) {
        return copy(c -> c.objectSummaries = value);
    }

    public LintRequest withRender(RenderSetup value) {
        return copy(c -> c.render = value);
    }

    public LintRequest withSourceLines(boolean value) {
        return copy(c -> c.sourceLines = value);
    }
    /** A copy of this request with some components changed: what every {@code with} method does. */
    private LintRequest copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The components of a request, to change some before building a new one. */
    private static final class Copy {
        List<String> inputs;
        Path workingDirectory;
        List<String> includes;
        List<String> excludes;
        LintSettings settings;
        ReadLimits limits;
        int jobs;
        RuleCatalog catalog;
        Map<String, RuleSettings> ruleSettings;
        Optional<Predicate<Map<String, String>>> objectFilter;
        boolean useSuppressions;
        InputStream stdin;
        ProgressListener progress;
        boolean debug;
        boolean objectSummaries;
        boolean sourceLines;
        RenderSetup render;

        Copy(LintRequest r) {
            inputs = r.inputs;
            workingDirectory = r.workingDirectory;
            includes = r.includes;
            excludes = r.excludes;
            settings = r.settings;
            limits = r.limits;
            jobs = r.jobs;
            catalog = r.catalog;
            ruleSettings = r.ruleSettings;
            objectFilter = r.objectFilter;
            useSuppressions = r.useSuppressions;
            stdin = r.stdin;
            progress = r.progress;
            debug = r.debug;
            objectSummaries = r.objectSummaries;
            sourceLines = r.sourceLines;
            render = r.render;
        }

        LintRequest build() {
            return new LintRequest(
                    inputs,
                    workingDirectory,
                    includes,
                    excludes,
                    settings,
                    limits,
                    jobs,
                    catalog,
                    ruleSettings,
                    objectFilter,
                    useSuppressions,
                    stdin,
                    progress,
                    debug,
                    objectSummaries,
                    sourceLines,
                    render);
        }
    }
}
