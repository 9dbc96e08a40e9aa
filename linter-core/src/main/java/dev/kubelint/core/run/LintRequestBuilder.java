package dev.kubelint.core.run;

import dev.kubelint.core.config.ConfigApplier;
import dev.kubelint.core.config.ConfigException;
import dev.kubelint.core.config.ConfigProblem;
import dev.kubelint.core.config.ConfigReader;
import dev.kubelint.core.config.Configuration;
import dev.kubelint.core.config.Located;
import dev.kubelint.core.config.RuleJars;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.RuleSettings;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.LabelSelectorException;
import dev.kubelint.core.render.ChartValues;
import dev.kubelint.core.render.RenderSetup;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.report.Reporter;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.run.OptionProblem.Option;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadLimits;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns what a user asked for into a checked {@link LintPlan}: the one place where options become a request. The
 * command line and the Maven plugin both parse their own syntax into these setters and nothing else, so the same
 * options give the same run, and the same problems, in both.
 *
 * <p>Precedence, lowest first: kubelint's defaults, the configuration file, the options set here. An option left
 * unset keeps what the file says; one that is set replaces the file's value, except for the lists that add to it:
 * <ul>
 *   <li>{@link #excludes} add to the file's {@code exclude} globs (a file excluded by the team's configuration
 *       stays excluded), while non-empty {@link #includes} replace the file's {@code include} globs (the user
 *       narrows the scan to what they name);</li>
 *   <li>{@link #schemaLocation} adds to the file's {@code schema-locations}, {@link #helmValues} to the file's
 *       {@code helm.values}, and {@link #helmSet} overrides the file's {@code helm.set} key by key;</li>
 *   <li>{@link #limit} and {@link #enableRules}/{@link #disableRules} change one limit or rule and keep the
 *       file's other limits and rule settings (severity, parameters, scope); a rule both enabled and disabled
 *       ends up disabled.</li>
 * </ul>
 *
 * <p>{@link #build} checks every option and reports all problems at once in one {@link OptionsException}; a
 * problem's message never names the option, so each front end can put its own name in front.
 */
public final class LintRequestBuilder {

    /** The most files checked in parallel. */
    public static final int MAX_JOBS = 1024;

    /** Marks the rule jars set here, so that their problems can be told from a configuration file's. */
    private static final String RULES_JAR_SOURCE = "\0" + Option.RULES_JAR.label();

    private final Path workingDirectory;
    private final List<String> inputs;
    private final List<OptionProblem> problems = new ArrayList<>();
    private List<String> includes = List.of();
    private List<String> excludes = List.of();
    private Optional<Path> configFile = Optional.empty();
    private boolean discoverConfigFile = true;
    private boolean trustConfig;
    private final List<String> rulesJars = new ArrayList<>();
    private final List<String> enabledRules = new ArrayList<>();
    private final List<String> disabledRules = new ArrayList<>();
    private final List<String> schemaLocations = new ArrayList<>();
    private final List<String> policies = new ArrayList<>();
    private final List<String> helmValues = new ArrayList<>();
    private final Map<String, String> helmSet = new LinkedHashMap<>();
    private final Map<ReadLimits.Limit, Long> limits = new LinkedHashMap<>();
    private Optional<String> kubernetesVersion = Optional.empty();
    private Optional<Boolean> strict = Optional.empty();
    private Optional<Boolean> crdsFromScan = Optional.empty();
    private Optional<String> selector = Optional.empty();
    private Optional<Integer> jobs = Optional.empty();
    private String failOn = "error";
    private Optional<Path> baselineFile = Optional.empty();
    private boolean updateBaseline;
    private boolean useSuppressions = true;
    private boolean debug;
    private InputStream stdin = InputStream.nullInputStream();
    private ClassLoader ruleClassLoader = LintRequestBuilder.class.getClassLoader();
    private Optional<List<ReportFormats.Format>> reportFormats = Optional.empty();
    private boolean reportsReplaceConfigured = true;
    private ReportOptions reportOptions = ReportOptions.plain(Path.of(""));

    /**
     * @param workingDirectory base of relative inputs, files and folders, and of the file names findings show
     * @param inputs           files and folders to lint, "-" for standard input
     */
    public LintRequestBuilder(Path workingDirectory, List<String> inputs) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.inputs = List.copyOf(inputs);
    }

    /**
     * Globs a file must match, relative to the folder it was found in. A non-empty list replaces the configuration
     * file's; an empty one keeps them (and without them every manifest file is linted).
     */
    public LintRequestBuilder includes(List<String> globs) {
        this.includes = List.copyOf(globs);
        return this;
    }

    /** Globs that drop a file, in addition to the configuration file's. */
    public LintRequestBuilder excludes(List<String> globs) {
        this.excludes = List.copyOf(globs);
        return this;
    }

    /**
     * An explicit configuration file (relative to the working directory) instead of the {@value
     * ConfigReader#FILE_NAME} found from the inputs upward; it must exist.
     */
    public LintRequestBuilder configFile(Path file) {
        this.configFile = Optional.of(file);
        this.discoverConfigFile = true;
        return this;
    }

    /**
     * Whether a configuration file found by discovery may load rule jars (which run code). A file named with
     * {@link #configFile} always may; by default a discovered one may not, since it comes with the scanned files.
     */
    public LintRequestBuilder trustConfig(boolean trust) {
        this.trustConfig = trust;
        return this;
    }

    /** No configuration file at all: kubelint's defaults and the options set here. */
    public LintRequestBuilder noConfigFile() {
        this.configFile = Optional.empty();
        this.discoverConfigFile = false;
        return this;
    }

    /** A jar of third-party rules (relative to the working directory), as the user wrote it. */
    public LintRequestBuilder rulesJar(String jar) {
        rulesJars.add(jar);
        return this;
    }

    /** Rules to turn on, by id; each must be in the catalogue. */
    public LintRequestBuilder enableRules(List<String> ids) {
        enabledRules.addAll(ids);
        return this;
    }

    /** Rules to turn off, by id; each must be in the catalogue. */
    public LintRequestBuilder disableRules(List<String> ids) {
        disabledRules.addAll(ids);
        return this;
    }

    /** A folder or file of CRD manifests or JSON Schemas (relative to the working directory); it must exist. */
    public LintRequestBuilder schemaLocation(String location) {
        schemaLocations.add(location);
        return this;
    }

    /**
     * A file or folder of admission policies and bindings (relative to the working directory; it must exist),
     * after the configuration file's {@code policies}. The user's own: it may lie anywhere.
     */
    public LintRequestBuilder policy(String location) {
        policies.add(location);
        return this;
    }

    /** A values file for the Helm charts the scan renders, after the configuration file's ({@code helm.values}). */
    public LintRequestBuilder helmValues(String file) {
        helmValues.add(file);
        return this;
    }

    /**
     * A single value for the Helm charts the scan renders, {@code KEY=VALUE} in Helm's {@code --set} syntax; it
     * overrides the configuration file's {@code helm.set} of the same key.
     */
    public LintRequestBuilder helmSet(String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            problems.add(OptionProblem.of(Option.HELM_SET, "expected KEY=VALUE, not '" + keyValue + "'"));
        } else {
            helmSet.put(keyValue.substring(0, eq), keyValue.substring(eq + 1));
        }
        return this;
    }

    /** Whether CRDs among the scanned manifests define schemas too. */
    public LintRequestBuilder crdsFromScan(boolean value) {
        this.crdsFromScan = Optional.of(value);
        return this;
    }

    /**
     * A reader limit by its key ({@code max-depth}, see {@link ReadLimits.Limit#key}). Unknown keys and values out
     * of the limit's range are problems.
     */
    public LintRequestBuilder limit(String key, long value) {
        Optional<ReadLimits.Limit> limit = ReadLimits.Limit.byKey(key.trim());
        if (limit.isEmpty()) {
            problems.add(OptionProblem.of(
                    Option.LIMIT,
                    "unknown reader limit '" + key + "': the limits are "
                            + String.join(", ", ReadLimits.Limit.keys())));
        } else if (value < limit.get().min() || value > limit.get().max()) {
            problems.add(OptionProblem.of(
                    Option.LIMIT,
                    "limit " + limit.get().key() + " " + value + " is not a whole number from "
                            + limit.get().min() + " to " + limit.get().max()));
        } else {
            limits.put(limit.get(), value);
        }
        return this;
    }

    /**
     * A baseline file of accepted findings (relative to the working directory), instead of the configuration
     * file's {@code baseline}. It must exist unless the baseline is to be updated.
     */
    public LintRequestBuilder baselineFile(Path file) {
        this.baselineFile = Optional.of(file);
        return this;
    }

    /** Whether the run writes its findings to the baseline file instead of checking against it. */
    public LintRequestBuilder updateBaseline(boolean value) {
        this.updateBaseline = value;
        return this;
    }

    /** Whether annotation and comment suppressions apply (off for audits). */
    public LintRequestBuilder useSuppressions(boolean value) {
        this.useSuppressions = value;
        return this;
    }

    /** Whether rule-failure findings carry stack traces. */
    public LintRequestBuilder debug(boolean value) {
        this.debug = value;
        return this;
    }

    /** The Kubernetes release to validate against: a minor release ("1.34") or a patch release ("1.34.2"). */
    public LintRequestBuilder kubernetesVersion(String version) {
        this.kubernetesVersion = Optional.of(version.trim());
        return this;
    }

    /** Whether fields unknown to the schema are errors. */
    public LintRequestBuilder strict(boolean value) {
        this.strict = Optional.of(value);
        return this;
    }

    /** A label selector in kubectl's syntax ({@code app=web,tier!=cache}): only matching objects are linted. */
    public LintRequestBuilder selector(String expression) {
        this.selector = Optional.of(expression);
        return this;
    }

    /** Files checked in parallel, from 1 to {@value #MAX_JOBS} (default: the number of cores). */
    public LintRequestBuilder jobs(int value) {
        this.jobs = Optional.of(value);
        return this;
    }

    /** The least severity that fails the run: error, warning, info or none. */
    public LintRequestBuilder failOn(String threshold) {
        this.failOn = threshold;
        return this;
    }

    /**
     * The reports the run is for, and the options they are written with: the run keeps what they show and no
     * more, each object of each file only when one lists them ({@link Reporter#needsObjects()}), the source lines
     * of findings only when one shows them ({@link Reporter#showsSource}). Not set: everything is kept, for any
     * report.
     */
    public LintRequestBuilder reports(List<ReportFormats.Format> formats, ReportOptions options) {
        this.reportFormats = Optional.of(List.copyOf(formats));
        this.reportsReplaceConfigured = true;
        this.reportOptions = options;
        return this;
    }

    /**
     * As {@link #reports(List, ReportOptions)}, for a front end that writes the configuration file's
     * {@code reports:} when it names none of its own: {@code fallback} are the reports it writes when the
     * configuration names none either.
     */
    public LintRequestBuilder reportsOrConfigured(List<ReportFormats.Format> fallback, ReportOptions options) {
        reports(fallback, options);
        this.reportsReplaceConfigured = false;
        return this;
    }

    /** Standard input, for the input "-". */
    public LintRequestBuilder stdin(InputStream value) {
        this.stdin = value;
        return this;
    }

    /**
     * The class loader that rule providers are found on: the CLI's own, the Maven plugin's realm (which holds the
     * plugin's {@code <dependencies>}).
     */
    public LintRequestBuilder ruleClassLoader(ClassLoader loader) {
        this.ruleClassLoader = loader;
        return this;
    }

    /**
     * Checks every option, reads the configuration file and loads the rules; nothing is scanned yet.
     *
     * @throws OptionsException with every problem found, the options' and the configuration file's
     */
    public LintPlan build() throws OptionsException {
        List<OptionProblem> found = new ArrayList<>(problems);
        Optional<Severity> threshold = parseFailOn(failOn, found);
        checkOptions(found);
        Optional<Configuration> configuration = loadConfiguration(found);
        if (configuration.isEmpty()) {
            throw new OptionsException(found);
        }
        try {
            LintRequest fromFile = configuration
                    .get()
                    .applyTo(LintRequest.of(
                            inputs, workingDirectory, configuration.get().catalog()));
            Map<String, RuleSettings> rules = ruleSwitches(fromFile, found);
            Optional<LintPlan.BaselinePlan> baseline = BaselinePlans.resolve(
                    workingDirectory,
                    baselineFile,
                    configuration.get().file().baseline().map(Located::value),
                    updateBaseline,
                    found);
            if (!found.isEmpty()) {
                throw new OptionsException(found);
            }
            return new LintPlan(
                    applyOptions(
                            fromFile,
                            rules,
                            ReportNeeds.of(
                                    reportFormats,
                                    reportsReplaceConfigured,
                                    configuration.get().file(),
                                    reportOptions)),
                    threshold,
                    configuration.get(),
                    baseline,
                    reportsReplaceConfigured);
        } catch (OptionsException | RuntimeException e) {
            configuration.get().close();
            throw e;
        }
    }

    /** error, warning, info (any case) or none. */
    public static Optional<Severity> parseFailOn(String text) throws OptionsException {
        List<OptionProblem> found = new ArrayList<>();
        Optional<Severity> severity = parseFailOn(text, found);
        if (!found.isEmpty()) {
            throw new OptionsException(found);
        }
        return severity;
    }

    private static Optional<Severity> parseFailOn(String text, List<OptionProblem> found) {
        if (text.trim().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Optional<Severity> severity = Severity.parse(text);
        if (severity.isEmpty()) {
            found.add(OptionProblem.of(
                    Option.FAIL_ON, "failure threshold '" + text + "' is not one of error, warning, info, none"));
        }
        return severity;
    }

    /** The checks that need neither the configuration file nor the rules. */
    private void checkOptions(List<OptionProblem> found) {
        includes.forEach(glob ->
                SourceScanner.checkGlob(glob).ifPresent(p -> found.add(OptionProblem.of(Option.INCLUDE, p))));
        excludes.forEach(glob ->
                SourceScanner.checkGlob(glob).ifPresent(p -> found.add(OptionProblem.of(Option.EXCLUDE, p))));
        kubernetesVersion
                .filter(v -> LintSettings.bundledRelease(v).isEmpty())
                .ifPresent(v ->
                        found.add(OptionProblem.of(Option.KUBERNETES_VERSION, LintSettings.unknownVersionMessage(v))));
        jobs.filter(n -> n < 1 || n > MAX_JOBS)
                .ifPresent(n -> found.add(OptionProblem.of(
                        Option.JOBS, "job count " + n + " is not a whole number from 1 to " + MAX_JOBS)));
        selector.ifPresent(s -> {
            try {
                LabelSelector.parse(s);
            } catch (LabelSelectorException e) {
                found.add(OptionProblem.of(Option.SELECTOR, "invalid label selector '" + s + "': " + e.getMessage()));
            }
        });
        OptionPaths.check(
                workingDirectory, helmValues, Option.HELM_VALUES, Files::isRegularFile, "no such file: ", found);
        String missing = "no such folder or file: ";
        OptionPaths.check(workingDirectory, schemaLocations, Option.SCHEMA_LOCATION, Files::exists, missing, found);
        OptionPaths.check(workingDirectory, policies, Option.POLICY, Files::exists, missing, found);
    }

    /**
     * The configuration file (the one given, else the {@value ConfigReader#FILE_NAME} found from the inputs upward,
     * unless there is to be none) with the rule jars and the catalogue; empty, with the problems added, when it
     * cannot be used.
     */
    private Optional<Configuration> loadConfiguration(List<OptionProblem> found) {
        List<RuleJars.Jar> jars = rulesJars.stream()
                .map(jar -> new RuleJars.Jar(workingDirectory.resolve(jar).normalize(), jar, RULES_JAR_SOURCE))
                .toList();
        try {
            return Optional.of(Configuration.load(new Configuration.Request(
                    workingDirectory,
                    inputs,
                    configFile,
                    discoverConfigFile,
                    jars,
                    ruleClassLoader,
                    LintRequestBuilder::selectorPredicate,
                    trustConfig)));
        } catch (ConfigException e) {
            e.problems().forEach(p -> found.add(problem(p)));
            return Optional.empty();
        }
    }

    /** A configuration problem: the rule jars set here are the option's, the rest keep their file and position. */
    private static OptionProblem problem(ConfigProblem p) {
        return p.file().equals(RULES_JAR_SOURCE)
                ? OptionProblem.of(Option.RULES_JAR, p.message())
                : OptionProblem.general(p.toString());
    }

    /** kubectl's label selector syntax as a test on labels; a syntax error names its column. */
    public static Predicate<Map<String, String>> selectorPredicate(String expression) {
        try {
            return LabelSelector.parse(expression)::matches;
        } catch (LabelSelectorException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The renderers on the rule class loader, with the file's chart values and then the options'. */
    private RenderSetup render(RenderSetup fromFile) {
        List<Path> files = new ArrayList<>(fromFile.values().valuesFiles());
        helmValues.forEach(f -> files.add(workingDirectory.resolve(f).normalize()));
        Map<String, String> set = new LinkedHashMap<>(fromFile.values().set());
        set.putAll(helmSet);
        return RenderSetup.discover(ruleClassLoader, new ChartValues(files, set));
    }

    private LintRequest applyOptions(
            LintRequest fromFile, Map<String, RuleSettings> rules, Optional<ReportNeeds> reportNeeds) {
        LintRequest request = fromFile.withSettings(settings(fromFile.settings()))
                .withRender(render(fromFile.render()))
                .withGlobs(includes.isEmpty() ? fromFile.includes() : includes, concat(fromFile.excludes(), excludes))
                .withLimits(limits(fromFile.limits()))
                .withRuleSettings(rules)
                .withUseSuppressions(useSuppressions)
                .withDebug(debug)
                .withStdin(stdin);
        if (jobs.isPresent()) {
            request = request.withJobs(jobs.get());
        }
        if (selector.isPresent()) {
            request = request.withObjectFilter(selectorPredicate(selector.get()));
        }
        if (reportNeeds.isPresent()) {
            request = request.withObjectSummaries(reportNeeds.get().objects())
                    .withSourceLines(reportNeeds.get().sourceLines());
        }
        return request;
    }

    private LintSettings settings(LintSettings fromFile) {
        LintSettings settings = kubernetesVersion
                .map(v -> fromFile.withKubernetesVersion(
                        LintSettings.bundledRelease(v).orElse(v)))
                .orElse(fromFile);
        settings = strict.map(settings::withStrict).orElse(settings);
        settings = crdsFromScan.map(settings::withCrdsFromScan).orElse(settings);
        return settings.withSchemaLocations(
                        OptionPaths.after(settings.schemaLocations(), workingDirectory, schemaLocations))
                .withPolicyLocations(OptionPaths.after(settings.policyLocations(), workingDirectory, policies));
    }

    private ReadLimits limits(ReadLimits fromFile) {
        ReadLimits result = fromFile;
        for (Map.Entry<ReadLimits.Limit, Long> e : limits.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    /** Rules turned on, then off, over the file's settings; only whether a rule runs changes. */
    private Map<String, RuleSettings> ruleSwitches(LintRequest request, List<OptionProblem> found) {
        Map<String, RuleSettings> settings = new LinkedHashMap<>(request.ruleSettings());
        switchRules(enabledRules, true, Option.ENABLE, request, settings, found);
        switchRules(disabledRules, false, Option.DISABLE, request, settings, found);
        return settings;
    }

    private static void switchRules(
            List<String> ids,
            boolean enabled,
            Option option,
            LintRequest request,
            Map<String, RuleSettings> settings,
            List<OptionProblem> found) {
        RuleCatalog catalog = request.catalog();
        for (String id : ids) {
            String trimmed = id.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!catalog.contains(trimmed)) {
                found.add(OptionProblem.of(option, ConfigApplier.unknownRule(trimmed, catalog)));
                continue;
            }
            settings.put(
                    trimmed,
                    settings.getOrDefault(trimmed, request.ruleSettings(trimmed))
                            .withEnabled(enabled));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
