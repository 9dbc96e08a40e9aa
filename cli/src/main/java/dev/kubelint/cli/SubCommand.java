package dev.kubelint.cli;

import java.io.PrintWriter;
import java.util.function.ToIntFunction;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * What the sub-commands (rules, explain, config) share: where they print, how they report a usage error, and how
 * they parse their options, -h/--help included.
 */
abstract class SubCommand {

    final PrintWriter out;
    final PrintWriter err;
    private final String name;

    SubCommand(String name, PrintWriter out, PrintWriter err) {
        this.name = name;
        this.out = out;
        this.err = err;
    }

    /** The options with -h/--help added, as parsed and as the help lists them. */
    private static Options withHelp(Options options) {
        options.addOption(Option.builder("h")
                .longOpt("help")
                .desc("print this help and exit")
                .get());
        return options;
    }

    /** Prints the sub-command's help for -h/--help; {@code options} are those it was parsed with. */
    abstract void printHelp(Options options);

    /**
     * Parses the arguments against the options (plus -h/--help) and runs {@code body} with them; prints the help
     * instead when asked for, and a usage error when the arguments do not parse.
     */
    final int parseAndRun(Options options, String[] args, ToIntFunction<CommandLine> body) {
        Options all = withHelp(options);
        CommandLine cmd;
        try {
            cmd = CommandLines.parse(all, args);
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        if (cmd.hasOption("help")) {
            printHelp(all);
            return Main.OK;
        }
        return body.applyAsInt(cmd);
    }

    /** Reports a usage error with a pointer to the sub-command's help; returns {@link Main#USAGE}. */
    final int usage(String message) {
        err.println("kubelint: " + message);
        err.println("Run 'kubelint " + name + " --help' for usage.");
        return Main.USAGE;
    }
}
