package dev.kubelint.core.run;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.kubelint.core.config.ConfigException;
import dev.kubelint.core.config.ConfigProblem;
import dev.kubelint.core.config.Configuration;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.LabelSelectorException;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.source.SourceScanner;

/**
 * Turns what a user asked for into a checked {@link LintPlan}. The command line and the Maven plugin both parse
 * their own syntax into these setters and nothing else, so the same options give the same run in both.
 *
 * <p>Precedence, lowest first: kubelint's defaults, the configuration file, the options set here. An option left
 * unset keeps what the file says.
 */
public final class LintRequestBuilder {

    /** The configuration file looked up from the scanned folders upward when none is given. */
    public static final String CONFIG_FILE_NAME = ".kubelint.yaml";

    private final Path workingDirectory;
    private final List<String> inputs;
    private List<String> includes = List.of();
    private List<String> excludes = List.of();
    private Optional<Path> configFile = Optional.empty();
    private Optional<String> kubernetesVersion = Optional.empty();
    private Optional<Boolean> strict = Optional.empty();
    private Optional<String> selector = Optional.empty();
    private Optional<Integer> jobs = Optional.empty();
    private String failOn = "error";
    private InputStream stdin = InputStream.nullInputStream();
    private ClassLoader ruleClassLoader = LintRequestBuilder.class.getClassLoader();

    /**
     * @param workingDirectory base of relative inputs and of the file names findings show
     * @param inputs           files and folders to lint, "-" for standard input
     */
    public LintRequestBuilder(Path workingDirectory, List<String> inputs) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.inputs = List.copyOf(inputs);
    }

    /** Globs a file must match, relative to the folder it was found in (empty: every manifest file). */
    public LintRequestBuilder includes(List<String> globs) {
        this.includes = List.copyOf(globs);
        return this;
    }

    /** Globs that drop a file. */
    public LintRequestBuilder excludes(List<String> globs) {
        this.excludes = List.copyOf(globs);
        return this;
    }

    /** An explicit configuration file (relative to the working directory); it must exist. */
    public LintRequestBuilder configFile(Path file) {
        this.configFile = Optional.of(file);
        return this;
    }

    /** The Kubernetes minor version to validate against, such as "1.34". */
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

    /** Files checked in parallel. */
    public LintRequestBuilder jobs(int value) {
        this.jobs = Optional.of(value);
        return this;
    }

    /** The least severity that fails the run: error, warning, info or none. */
    public LintRequestBuilder failOn(String threshold) {
        this.failOn = threshold;
        return this;
    }

    /** Standard input, for the input "-". */
    public LintRequestBuilder stdin(InputStream value) {
        this.stdin = value;
        return this;
    }

    /**
     * The class loader that rule providers are found on: the CLI's own (plus rule jars), the Maven plugin's realm
     * (which holds the plugin's {@code <dependencies>}).
     */
    public LintRequestBuilder ruleClassLoader(ClassLoader loader) {
        this.ruleClassLoader = loader;
        return this;
    }

    /** Checks every option and loads the rules; nothing is scanned yet. */
    public LintPlan build() throws OptionsException {
        Optional<Severity> threshold = parseFailOn(failOn);
        checkGlobs(includes);
        checkGlobs(excludes);
        if (kubernetesVersion.isPresent()) {
            checkKubernetesVersion(kubernetesVersion.get());
        }
        if (jobs.isPresent() && (jobs.get() < 1 || jobs.get() > 1024)) {
            throw new OptionsException("jobs must be a number from 1 to 1024, not " + jobs.get());
        }
        Configuration configuration = loadConfiguration();
        try {
            LintRequest request = configuration.applyTo(LintRequest.of(inputs, workingDirectory, configuration.catalog()))
                    .withStdin(stdin);
            return new LintPlan(applyOptions(request), threshold, configuration);
        } catch (OptionsException | RuntimeException e) {
            configuration.close();
            throw e;
        }
    }

    /** error, warning, info (any case) or none. */
    public static Optional<Severity> parseFailOn(String text) throws OptionsException {
        if (text.trim().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Optional<Severity> severity = Severity.parse(text);
        if (severity.isEmpty()) {
            throw new OptionsException("unknown failure threshold '" + text + "': use error, warning, info or none");
        }
        return severity;
    }

    /** The rules of every provider the class loader sees; a broken or clashing rule jar is a usage error. */
    public static RuleCatalog loadRules(ClassLoader loader) throws OptionsException {
        try {
            return RuleCatalog.load(loader);
        } catch (RuleCatalog.RuleLoadingException e) {
            throw new OptionsException(e.getMessage(), e);
        }
    }

    private static void checkGlobs(List<String> globs) throws OptionsException {
        for (String glob : globs) {
            Optional<String> problem = SourceScanner.checkGlob(glob);
            if (problem.isPresent()) {
                throw new OptionsException(problem.get());
            }
        }
    }

    private static void checkKubernetesVersion(String version) throws OptionsException {
        if (!LintSettings.KUBERNETES_VERSIONS.contains(version)) {
            throw new OptionsException("unknown Kubernetes version '" + version + "': kubelint knows "
                    + String.join(", ", LintSettings.KUBERNETES_VERSIONS));
        }
    }

    /**
     * The configuration file: the one given, else the {@value #CONFIG_FILE_NAME} found from the inputs upward. Its
     * settings (rules, severities, parameters, globs, Kubernetes version, strictness, schema folders, rule jars)
     * go into the request before the options, so that an option given here wins over the file.
     */
    private Configuration loadConfiguration() throws OptionsException {
        Optional<Path> file = configFile.map(workingDirectory::resolve);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new OptionsException("configuration file " + file.get() + " does not exist");
        }
        try {
            return Configuration.load(new Configuration.Request(workingDirectory, inputs, file, true, List.of(),
                    ruleClassLoader, LintRequestBuilder::selectorPredicate));
        } catch (ConfigException e) {
            throw new OptionsException(e.problems().stream().map(ConfigProblem::toString)
                    .collect(java.util.stream.Collectors.joining("; ")), e);
        }
    }

    /** kubectl's label selector syntax as a test on labels; a syntax error names its column. */
    public static Predicate<Map<String, String>> selectorPredicate(String expression) {
        try {
            return LabelSelector.parse(expression)::matches;
        } catch (LabelSelectorException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private LintRequest applyOptions(LintRequest request) throws OptionsException {
        LintSettings settings = request.settings();
        if (kubernetesVersion.isPresent()) {
            settings = settings.withKubernetesVersion(kubernetesVersion.get());
        }
        if (strict.isPresent()) {
            settings = settings.withStrict(strict.get());
        }
        request = request.withSettings(settings);
        if (!includes.isEmpty() || !excludes.isEmpty()) {
            request = request.withGlobs(includes, excludes);
        }
        if (jobs.isPresent()) {
            request = request.withJobs(jobs.get());
        }
        if (selector.isPresent()) {
            try {
                request = request.withObjectFilter(selectorPredicate(selector.get()));
            } catch (IllegalArgumentException e) {
                throw new OptionsException("invalid label selector '" + selector.get() + "': " + e.getMessage(), e);
            }
        }
        return request;
    }
}
