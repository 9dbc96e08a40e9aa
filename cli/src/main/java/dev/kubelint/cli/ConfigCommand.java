package dev.kubelint.cli;

import dev.kubelint.core.config.ConfigReader;
import dev.kubelint.core.config.ConfigSchema;
import dev.kubelint.core.config.ConfigTemplate;
import dev.kubelint.core.config.Configuration;
import dev.kubelint.core.report.Version;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.run.OptionsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code kubelint config init [--force] [--rules-jar JAR]... [FILE]}: writes a starter configuration listing every
 * rule with its default; {@code kubelint config schema}: prints the configuration's JSON Schema.
 */
final class ConfigCommand extends SubCommand {

    private static final Set<String> SUBCOMMANDS = Set.of("init", "schema", "-h", "--help");

    private final Main.Environment env;

    ConfigCommand(Main.Environment env, PrintWriter out, PrintWriter err) {
        super("config", out, err);
        this.env = env;
    }

    /**
     * Whether {@code kubelint config ...} means this command rather than a scan of a folder named "config":
     * it does when a subcommand follows, or when nothing follows and there is no such folder.
     */
    static boolean isCommand(String[] rest, Main.Environment env) {
        if (rest.length == 0) {
            return !Files.exists(env.workingDirectory().resolve("config"));
        }
        return SUBCOMMANDS.contains(rest[0]);
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            printHelp();
            return args.length == 0 ? Main.USAGE : Main.OK;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        return args[0].equals("init") ? init(rest) : schema(rest);
    }

    private static Options initOptions() {
        Options options = new Options();
        options.addOption(Option.builder("f")
                .longOpt("force")
                .desc("overwrite an existing file")
                .get());
        options.addOption(Option.builder()
                .longOpt("rules-jar")
                .hasArg()
                .argName("JAR")
                .desc("list the rules of JAR too (repeatable)")
                .get());
        return options;
    }

    private int init(String[] args) {
        return parseAndRun(initOptions(), args, this::writeTemplate);
    }

    private int writeTemplate(CommandLine cmd) {
        if (cmd.getArgList().size() > 1) {
            return usage("config init takes at most one FILE, not " + String.join(" ", cmd.getArgList()));
        }
        Path file = env.workingDirectory()
                .resolve(
                        cmd.getArgList().isEmpty()
                                ? ConfigReader.FILE_NAME
                                : cmd.getArgList().get(0))
                .normalize();
        String shown = new ConfigReader(env.workingDirectory()).displayName(file);
        if (Files.isDirectory(file)) {
            return usage(shown + " is a folder");
        }
        if (Files.exists(file) && !cmd.hasOption("force")) {
            return usage(shown + " already exists; add --force to overwrite it");
        }
        String text;
        int rules;
        try (Configuration setup = RequestOptions.rulesOnly(cmd, env.workingDirectory())) {
            RuleCatalog catalog = setup.catalog();
            text = ConfigTemplate.render(catalog, Version.current());
            rules = catalog.all().size();
        } catch (OptionsException e) {
            e.problems().forEach(p -> err.println("kubelint: " + RequestOptions.shown(p)));
            return Main.USAGE;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return usage("cannot write " + shown + ": " + e.getMessage());
        }
        out.println("wrote " + shown + " with " + rules + " rules at their defaults, all commented out");
        return Main.OK;
    }

    private int schema(String[] args) {
        if (args.length > 0) {
            return usage("config schema takes no arguments");
        }
        out.print(ConfigSchema.text());
        return Main.OK;
    }

    @Override
    void printHelp(Options options) {
        printHelp();
    }

    private void printHelp() {
        out.println("usage: kubelint config init [--force] [--rules-jar JAR]... [FILE]");
        out.println("       kubelint config schema");
        out.println();
        out.println("config init    writes a starter " + ConfigReader.FILE_NAME
                + " (or FILE) that lists every setting and");
        out.println("               every rule with its default, all commented out");
        out.println("  -f, --force          overwrite an existing file");
        out.println("  --rules-jar JAR      list the rules of JAR too (repeatable)");
        out.println("config schema  prints the JSON Schema of the configuration file");
    }
}
