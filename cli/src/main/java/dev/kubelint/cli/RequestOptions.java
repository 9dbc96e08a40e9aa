package dev.kubelint.cli;

import dev.kubelint.core.config.ConfigReader;
import dev.kubelint.core.config.Configuration;
import dev.kubelint.core.report.ReportFormats;
import dev.kubelint.core.report.ReportOptions;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.LintRequestBuilder;
import dev.kubelint.core.run.OptionProblem;
import dev.kubelint.core.run.OptionsException;
import dev.kubelint.core.yaml.ReadLimits;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * The options that shape what a scan checks and how (the configuration file, rule jars, rules turned on or off,
 * Kubernetes version, strictness, globs, selector, jobs, failure threshold, schema locations, limits,
 * suppressions, debugging), and their translation into a {@link LintRequestBuilder}, which checks them and applies
 * them over the configuration file exactly as it does for the Maven plugin. Only what is the command line's own
 * is checked here: flags that contradict each other, and values that are not numbers.
 */
final class RequestOptions {

    private RequestOptions() {}

    /** Options that change what is validated and how the input is read (help section "Validation"). */
    static Option[] validationOptions() {
        return new Option[] {
            Option.builder()
                    .longOpt("strict")
                    .desc("fields the schema does not define are errors (the default)")
                    .get(),
            Option.builder()
                    .longOpt("schema-location")
                    .hasArg()
                    .argName("PATH")
                    .desc("folder of CRD manifests or JSON Schemas of custom resources (repeatable)")
                    .get(),
            Option.builder()
                    .longOpt("policy")
                    .hasArg()
                    .argName("PATH")
                    .desc("file or folder of ValidatingAdmissionPolicies and bindings to evaluate the scan"
                            + " against (repeatable)")
                    .get(),
            Option.builder()
                    .longOpt("crds-from-scan")
                    .desc("CRDs among the scanned manifests define schemas too (the default)")
                    .get(),
            Option.builder()
                    .longOpt("no-crds-from-scan")
                    .desc("ignore CRDs among the scanned manifests as schemas")
                    .get(),
            Option.builder()
                    .longOpt("limit")
                    .hasArg()
                    .argName("KEY=N")
                    .desc("set a reader limit: " + String.join(", ", ReadLimits.Limit.keys()) + " (repeatable)")
                    .get()
        };
    }

    /** Options about the configuration file, the rules and suppressions (help section "Rules and configuration"). */
    static Option[] ruleOptions() {
        return new Option[] {
            Option.builder("c")
                    .longOpt("config")
                    .hasArg()
                    .argName("FILE")
                    .desc("configuration file (default: the nearest " + ConfigReader.FILE_NAME
                            + " above the scanned paths)")
                    .get(),
            Option.builder()
                    .longOpt("no-config")
                    .desc("use no configuration file (for pull requests from forks: see" + " SECURITY.md)")
                    .get(),
            Option.builder()
                    .longOpt("trust-config")
                    .desc("let a .kubelint.yaml found by discovery load its rules-jars"
                            + " (which run code); a file named with --config always may")
                    .get(),
            Option.builder()
                    .longOpt("enable")
                    .hasArg()
                    .argName("RULE[,RULE]")
                    .desc("turn rules on (repeatable)")
                    .get(),
            Option.builder()
                    .longOpt("disable")
                    .hasArg()
                    .argName("RULE[,RULE]")
                    .desc("turn rules off (repeatable)")
                    .get(),
            Option.builder()
                    .longOpt("rules-jar")
                    .hasArg()
                    .argName("JAR")
                    .desc("load third-party rules from JAR (repeatable)")
                    .get(),
            Option.builder()
                    .longOpt("baseline")
                    .hasArg()
                    .argName("FILE")
                    .desc("accept the findings listed in FILE (default: the configuration file's baseline): "
                            + "they are reported as baselined and fail nothing")
                    .get(),
            Option.builder()
                    .longOpt("update-baseline")
                    .desc("write the current findings to the baseline file, then report them as baselined")
                    .get(),
            Option.builder()
                    .longOpt("no-suppressions")
                    .desc("ignore suppression annotations and comments (for audits)")
                    .get(),
            Option.builder()
                    .longOpt("debug")
                    .desc("add stack traces to rule-failure findings")
                    .get()
        };
    }

    /**
     * Reads the configuration, loads the rules, and applies the command line over both, for a run that writes these
     * reports with these options.
     */
    static LintPlan plan(
            CommandLine cmd,
            Path workingDirectory,
            List<String> paths,
            InputStream stdin,
            List<ReportFormats.Format> reports,
            ReportOptions reportOptions)
            throws OptionsException {
        List<OptionProblem> problems = new ArrayList<>();
        LintRequestBuilder builder = new LintRequestBuilder(workingDirectory, paths)
                .ruleClassLoader(Main.class.getClassLoader())
                .stdin(stdin)
                .includes(values(cmd, "include"))
                .excludes(values(cmd, "exclude"))
                .enableRules(ruleIds(cmd, "enable"))
                .disableRules(ruleIds(cmd, "disable"))
                .updateBaseline(cmd.hasOption("update-baseline"))
                .useSuppressions(!cmd.hasOption("no-suppressions"))
                .debug(cmd.hasOption("debug"));
        if (cmd.hasOption("format")) {
            builder.reports(reports, reportOptions);
        } else { // without --format, the configuration file's reports are written when it names any
            builder.reportsOrConfigured(reports, reportOptions);
        }
        configFile(cmd, builder, problems);
        rulesJars(cmd, builder);
        values(cmd, "schema-location").forEach(builder::schemaLocation);
        values(cmd, "policy").forEach(builder::policy);
        values(cmd, "helm-values").forEach(builder::helmValues);
        values(cmd, "helm-set").forEach(builder::helmSet);
        switchPair(cmd, "strict", "no-strict", problems).ifPresent(builder::strict);
        switchPair(cmd, "crds-from-scan", "no-crds-from-scan", problems).ifPresent(builder::crdsFromScan);
        last(cmd, "kubernetes-version").ifPresent(builder::kubernetesVersion);
        last(cmd, "selector").ifPresent(builder::selector);
        last(cmd, "fail-on").ifPresent(builder::failOn);
        last(cmd, "baseline").ifPresent(file -> builder.baselineFile(Path.of(file)));
        jobs(cmd, builder, problems);
        limits(cmd, builder, problems);
        return build(builder, problems);
    }

    /** Built-in rules plus those of {@code --rules-jar} options, without a configuration file (config init). */
    static Configuration rulesOnly(CommandLine cmd, Path workingDirectory) throws OptionsException {
        LintRequestBuilder builder = new LintRequestBuilder(workingDirectory, List.of())
                .noConfigFile()
                .ruleClassLoader(Main.class.getClassLoader());
        rulesJars(cmd, builder);
        return builder.build().configuration();
    }

    /** A problem as the command line prints it: the option as the user typed it, then what is wrong. */
    static String shown(OptionProblem problem) {
        return problem.shown(o -> "--" + o.label());
    }

    /** The builder's problems after the command line's own, all at once. */
    private static LintPlan build(LintRequestBuilder builder, List<OptionProblem> problems) throws OptionsException {
        LintPlan plan;
        try {
            plan = builder.build();
        } catch (OptionsException e) {
            problems.addAll(e.problems());
            throw new OptionsException(problems);
        }
        if (!problems.isEmpty()) {
            plan.close();
            throw new OptionsException(problems);
        }
        return plan;
    }

    private static void configFile(CommandLine cmd, LintRequestBuilder builder, List<OptionProblem> problems) {
        if (cmd.hasOption("config") && cmd.hasOption("no-config")) {
            problems.add(OptionProblem.general("--config and --no-config contradict each other"));
        } else if (cmd.hasOption("config")) {
            builder.configFile(Path.of(last(cmd, "config").orElseThrow()));
        } else if (cmd.hasOption("no-config")) {
            builder.noConfigFile();
        }
        builder.trustConfig(cmd.hasOption("trust-config"));
    }

    private static void rulesJars(CommandLine cmd, LintRequestBuilder builder) {
        values(cmd, "rules-jar").forEach(builder::rulesJar);
    }

    /** The value of an on/off pair of flags; both at once is a problem. */
    private static Optional<Boolean> switchPair(CommandLine cmd, String on, String off, List<OptionProblem> problems) {
        if (cmd.hasOption(on) && cmd.hasOption(off)) {
            problems.add(OptionProblem.general("--" + on + " and --" + off + " contradict each other"));
            return Optional.empty();
        }
        return cmd.hasOption(on) || cmd.hasOption(off) ? Optional.of(cmd.hasOption(on)) : Optional.empty();
    }

    /** {@code --enable a,b}: ids separated by commas, repeatable. */
    private static List<String> ruleIds(CommandLine cmd, String option) {
        return values(cmd, option).stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .toList();
    }

    private static void jobs(CommandLine cmd, LintRequestBuilder builder, List<OptionProblem> problems) {
        Optional<String> text = last(cmd, "jobs");
        if (text.isEmpty()) {
            return;
        }
        try {
            builder.jobs(Integer.parseInt(text.get().trim()));
        } catch (NumberFormatException e) {
            problems.add(OptionProblem.of(OptionProblem.Option.JOBS, "'" + text.get() + "' is not a whole number"));
        }
    }

    /** {@code --limit KEY=N}: the syntax is the command line's; keys and ranges are the builder's to check. */
    private static void limits(CommandLine cmd, LintRequestBuilder builder, List<OptionProblem> problems) {
        for (String value : values(cmd, "limit")) {
            int eq = value.indexOf('=');
            try {
                if (eq < 0) {
                    throw new NumberFormatException();
                }
                builder.limit(
                        value.substring(0, eq).trim(),
                        Long.parseLong(value.substring(eq + 1).trim().replace("_", "")));
            } catch (NumberFormatException e) {
                problems.add(OptionProblem.of(
                        OptionProblem.Option.LIMIT,
                        "'" + value + "' is not KEY=N with N a whole number and KEY one of "
                                + String.join(", ", ReadLimits.Limit.keys())));
            }
        }
    }

    /** The last value of an option given more than once: later words on a command line override earlier ones. */
    private static Optional<String> last(CommandLine cmd, String option) {
        List<String> values = values(cmd, option);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    private static List<String> values(CommandLine cmd, String option) {
        String[] values = cmd.getOptionValues(option);
        return values == null ? List.of() : List.of(values);
    }
}
