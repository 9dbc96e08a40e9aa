package dev.kubelint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

import dev.kubelint.core.config.ConfigApplier;
import dev.kubelint.core.config.ConfigException;
import dev.kubelint.core.config.ConfigProblem;
import dev.kubelint.core.config.ConfigReader;
import dev.kubelint.core.config.Configuration;
import dev.kubelint.core.config.RuleJars;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.RuleSettings;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.LabelSelectorException;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.ReadLimits;

/**
 * The options that shape what a scan checks and how: the configuration file, rule jars, rules turned on or off,
 * Kubernetes version, strictness, globs, schema locations, limits, suppressions, debugging. They are applied
 * over the configuration file: command-line flags win.
 */
final class RequestOptions {

    /**
     * Turns the label selectors of {@code .kubelint.yaml} ({@code rules.<id>.selector}, {@code custom-rules[].selector})
     * into tests on labels with kubelint's label selector parser (kubectl's {@code -l} syntax).
     */
    static final Function<String, Predicate<Map<String, String>>> SELECTORS = text -> {
        try {
            return LabelSelector.parse(text)::matches;
        } catch (LabelSelectorException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    };

    private RequestOptions() {
    }

    /** Options that change what is validated and how the input is read (help section "Validation"). */
    static Option[] validationOptions() {
        return new Option[] {
            Option.builder().longOpt("strict")
                    .desc("fields the schema does not define are errors (the default)").get(),
            Option.builder().longOpt("schema-location").hasArg().argName("PATH")
                    .desc("folder of CRD manifests or JSON Schemas of custom resources (repeatable)").get(),
            Option.builder().longOpt("crds-from-scan")
                    .desc("CRDs among the scanned manifests define schemas too (the default)").get(),
            Option.builder().longOpt("no-crds-from-scan")
                    .desc("ignore CRDs among the scanned manifests as schemas").get(),
            Option.builder().longOpt("limit").hasArg().argName("KEY=N")
                    .desc("set a reader limit: " + String.join(", ", limitKeys()) + " (repeatable)").get()
        };
    }

    /** Options about the configuration file, the rules and suppressions (help section "Rules and configuration"). */
    static Option[] ruleOptions() {
        return new Option[] {
            Option.builder("c").longOpt("config").hasArg().argName("FILE")
                    .desc("configuration file (default: the nearest " + ConfigReader.FILE_NAME
                            + " above the scanned paths)").get(),
            Option.builder().longOpt("no-config").desc("use no configuration file").get(),
            Option.builder().longOpt("enable").hasArg().argName("RULE[,RULE]")
                    .desc("turn rules on (repeatable)").get(),
            Option.builder().longOpt("disable").hasArg().argName("RULE[,RULE]")
                    .desc("turn rules off (repeatable)").get(),
            Option.builder().longOpt("rules-jar").hasArg().argName("JAR")
                    .desc("load third-party rules from JAR (repeatable)").get(),
            Option.builder().longOpt("no-suppressions")
                    .desc("ignore suppression annotations and comments (for audits)").get(),
            Option.builder().longOpt("debug").desc("add stack traces to rule-failure findings").get()
        };
    }

    /** A request ready to lint, holding its rule jars open until {@link #close}. */
    record Prepared(LintRequest request, Configuration configuration) implements AutoCloseable {
        @Override
        public void close() {
            configuration.close();
        }
    }

    /** Reads the configuration, loads the rules, and applies the command line over both. */
    static Prepared prepare(CommandLine cmd, Path workingDirectory, List<String> paths) throws ConfigException {
        checkFlags(cmd, workingDirectory);
        Configuration configuration = Configuration.load(new Configuration.Request(workingDirectory, paths,
                Optional.ofNullable(cmd.getOptionValue("config")).map(Path::of), !cmd.hasOption("no-config"),
                jars(cmd, workingDirectory), Main.class.getClassLoader(), SELECTORS));
        try {
            LintRequest request = configuration.applyTo(LintRequest.of(paths, workingDirectory, configuration.catalog()));
            return new Prepared(overrides(cmd, workingDirectory, request), configuration);
        } catch (ConfigException | RuntimeException e) {
            configuration.close();
            throw e;
        }
    }

    /** Built-in rules plus those of {@code --rules-jar} options, without a configuration file (config init). */
    static Configuration rulesOnly(CommandLine cmd, Path workingDirectory) throws ConfigException {
        return Configuration.load(new Configuration.Request(workingDirectory, List.of(), Optional.empty(), false,
                jars(cmd, workingDirectory), Main.class.getClassLoader(), SELECTORS));
    }

    /** The jars of {@code --rules-jar} options. */
    private static List<RuleJars.Jar> jars(CommandLine cmd, Path workingDirectory) {
        List<RuleJars.Jar> jars = new ArrayList<>();
        for (String jar : values(cmd, "rules-jar")) {
            jars.add(new RuleJars.Jar(workingDirectory.resolve(jar).normalize(), jar, "--rules-jar"));
        }
        return jars;
    }

    private static void checkFlags(CommandLine cmd, Path workingDirectory) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        if (cmd.hasOption("config") && cmd.hasOption("no-config")) {
            problems.add(flag("--config and --no-config contradict each other"));
        }
        conflict(cmd, "strict", "no-strict", problems);
        conflict(cmd, "crds-from-scan", "no-crds-from-scan", problems);
        String version = cmd.getOptionValue("kubernetes-version");
        if (version != null && !LintSettings.KUBERNETES_VERSIONS.contains(version)) {
            problems.add(flag("--kubernetes-version must be one of " + String.join(", ", LintSettings.KUBERNETES_VERSIONS)
                    + ", not " + version));
        }
        for (String glob : concat(values(cmd, "include"), values(cmd, "exclude"))) {
            SourceScanner.checkGlob(glob).ifPresent(p -> problems.add(flag(p)));
        }
        for (String location : values(cmd, "schema-location")) {
            if (!Files.exists(workingDirectory.resolve(location))) {
                problems.add(flag("--schema-location: no such folder or file: " + location));
            }
        }
        try {
            limits(cmd, ReadLimits.DEFAULTS);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static void conflict(CommandLine cmd, String on, String off, List<ConfigProblem> problems) {
        if (cmd.hasOption(on) && cmd.hasOption(off)) {
            problems.add(flag("--" + on + " and --" + off + " contradict each other"));
        }
    }

    private static LintRequest overrides(CommandLine cmd, Path workingDirectory, LintRequest request) throws ConfigException {
        LintSettings settings = request.settings();
        if (cmd.hasOption("kubernetes-version")) {
            settings = settings.withKubernetesVersion(cmd.getOptionValue("kubernetes-version"));
        }
        if (cmd.hasOption("strict") || cmd.hasOption("no-strict")) {
            settings = settings.withStrict(cmd.hasOption("strict"));
        }
        if (cmd.hasOption("crds-from-scan") || cmd.hasOption("no-crds-from-scan")) {
            settings = settings.withCrdsFromScan(cmd.hasOption("crds-from-scan"));
        }
        List<Path> locations = new ArrayList<>(settings.schemaLocations());
        values(cmd, "schema-location").forEach(l -> locations.add(workingDirectory.resolve(l).normalize()));
        settings = settings.withSchemaLocations(locations);
        List<String> includes = cmd.hasOption("include") ? values(cmd, "include") : request.includes();
        List<String> excludes = concat(request.excludes(), values(cmd, "exclude"));
        return request.withSettings(settings)
                .withGlobs(includes, excludes)
                .withLimits(limits(cmd, request.limits()))
                .withRuleSettings(switches(cmd, request))
                .withUseSuppressions(!cmd.hasOption("no-suppressions"))
                .withDebug(cmd.hasOption("debug"));
    }

    /** {@code --enable} and {@code --disable} over the configured rule settings. */
    private static Map<String, RuleSettings> switches(CommandLine cmd, LintRequest request) throws ConfigException {
        Map<String, RuleSettings> settings = new LinkedHashMap<>(request.ruleSettings());
        List<ConfigProblem> problems = new ArrayList<>();
        for (String option : List.of("enable", "disable")) {
            for (String value : values(cmd, option)) {
                for (String id : value.split(",")) {
                    String trimmed = id.trim();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (!request.catalog().contains(trimmed)) {
                        problems.add(flag("--" + option + ": " + ConfigApplier.unknownRule(trimmed, request.catalog())));
                        continue;
                    }
                    settings.put(trimmed, request.ruleSettings(trimmed).withEnabled(option.equals("enable")));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return settings;
    }

    /** {@code --limit KEY=N} options over {@code limits}. */
    private static ReadLimits limits(CommandLine cmd, ReadLimits limits) throws ConfigException {
        ReadLimits result = limits;
        List<ConfigProblem> problems = new ArrayList<>();
        for (String value : values(cmd, "limit")) {
            int eq = value.indexOf('=');
            Optional<ReadLimits.Limit> limit = eq < 0 ? Optional.empty() : limit(value.substring(0, eq).trim());
            if (limit.isEmpty()) {
                problems.add(flag("--limit must be KEY=N with KEY one of " + String.join(", ", limitKeys()) + ", not " + value));
                continue;
            }
            long min = limit.get() == ReadLimits.Limit.ALIAS_NODES ? 0 : 1;
            long max = limit.get() == ReadLimits.Limit.FILE_SIZE ? Long.MAX_VALUE : Integer.MAX_VALUE;
            try {
                long n = Long.parseLong(value.substring(eq + 1).trim().replace("_", ""));
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                result = result.with(limit.get(), n);
            } catch (NumberFormatException e) {
                problems.add(flag("--limit " + limit.get().key() + " must be a whole number from " + min + " to " + max
                        + ", not " + value.substring(eq + 1).trim()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return result;
    }

    private static Optional<ReadLimits.Limit> limit(String key) {
        for (ReadLimits.Limit l : ReadLimits.Limit.values()) {
            if (l.key().equals(key)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static List<String> limitKeys() {
        return List.of(ReadLimits.Limit.values()).stream().map(ReadLimits.Limit::key).toList();
    }

    private static ConfigProblem flag(String message) {
        return ConfigProblem.of("", message);
    }

    private static List<String> values(CommandLine cmd, String option) {
        String[] values = cmd.getOptionValues(option);
        return values == null ? List.of() : List.of(values);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
