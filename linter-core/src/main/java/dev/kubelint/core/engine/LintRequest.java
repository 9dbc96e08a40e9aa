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
        return new LintRequest(
                inputs,
                workingDirectory,
                includes,
                excludes,
                value,
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

    public LintRequest withJobs(int value) {
        return new LintRequest(
                inputs,
                workingDirectory,
                includes,
                excludes,
                settings,
                limits,
                value,
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

    public LintRequest withGlobs(List<String> includeGlobs, List<String> excludeGlobs) {
        return new LintRequest(
                inputs,
                workingDirectory,
                includeGlobs,
                excludeGlobs,
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

    public LintRequest withLimits(ReadLimits value) {
        return new LintRequest(
                inputs,
                workingDirectory,
                includes,
                excludes,
                settings,
                value,
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

    public LintRequest withRuleSettings(Map<String, RuleSettings> value) {
        return new LintRequest(
                inputs,
                workingDirectory,
                includes,
                excludes,
                settings,
                limits,
                jobs,
                catalog,
                value,
                objectFilter,
                useSuppressions,
                stdin,
                progress,
                debug,
                objectSummaries,
                sourceLines,
                render);
    }

    public LintRequest withCatalog(RuleCatalog value) {
        return new LintRequest(
                inputs,
                workingDirectory,
                includes,
                excludes,
                settings,
                limits,
                jobs,
                value,
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

    public LintRequest withObjectFilter(Predicate<Map<String, String>> value) {
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
                Optional.of(value),
                useSuppressions,
                stdin,
                progress,
                debug,
                objectSummaries,
                sourceLines,
                render);
    }

    public LintRequest withUseSuppressions(boolean value) {
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
                value,
                stdin,
                progress,
                debug,
                objectSummaries,
                sourceLines,
                render);
    }

    public LintRequest withStdin(InputStream value) {
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
                value,
                progress,
                debug,
                objectSummaries,
                sourceLines,
                render);
    }

    public LintRequest withProgress(ProgressListener value) {
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
                value,
                debug,
                objectSummaries,
                sourceLines,
                render);
    }

    public LintRequest withDebug(boolean value) {
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
                value,
                objectSummaries,
                sourceLines,
                render);
    }

    public LintRequest withObjectSummaries(boolean value) {
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
                value,
                sourceLines,
                render);
    }

    public LintRequest withRender(RenderSetup value) {
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
                value);
    }

    public LintRequest withSourceLines(boolean value) {
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
                value,
                render);
    }
}
