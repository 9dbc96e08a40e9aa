package dev.kubelint.cli;

import dev.kubelint.core.kube.Suggestions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * How every kubelint command reads its arguments: whole option names only (an abbreviation could silently mean
 * another option once one is added), and a mistake told in one line, with a suggestion for a misspelt option.
 */
final class CommandLines {

    private CommandLines() {}

    static CommandLine parse(Options options, String[] args) throws UsageException {
        try {
            return DefaultParser.builder().setAllowPartialMatching(false).get().parse(options, args);
        } catch (ParseException e) {
            throw new UsageException(describe(e, longNames(options)));
        }
    }

    /** The --format option of a sub-command whose formats the description names. */
    static Option formatOption(String description) {
        return Option.builder()
                .longOpt("format")
                .hasArg()
                .argName("FORMAT")
                .desc(description)
                .get();
    }

    /** The help of a sub-command: its syntax, what it does, and its options. */
    static void printHelp(PrintWriter out, String syntax, String purpose, Options options) {
        HelpFormatter.builder()
                .setPrintWriter(out)
                .get()
                .printHelp(out, 100, syntax, purpose + "\n\n", options, 2, 4, "");
    }

    static List<String> longNames(Options options) {
        return options.getOptions().stream()
                .filter(Option::hasLongOpt)
                .map(Option::getLongOpt)
                .toList();
    }

    /** A parse error in one line, with a suggestion for a misspelled option. */
    static String describe(ParseException e, List<String> longNames) {
        if (e instanceof UnrecognizedOptionException u && u.getOption() != null) {
            String token = u.getOption();
            String name = token.replaceFirst("^-+", "");
            int equals = name.indexOf('=');
            if (equals >= 0) {
                name = name.substring(0, equals);
                if (longNames.contains(name)) {
                    return "option --" + name + " takes no value";
                }
            }
            Optional<String> suggestion = Suggestions.closest(name, longNames, Suggestions.OPTIONS);
            return "unknown option " + token
                    + suggestion.map(s -> "; did you mean --" + s + "?").orElse("");
        }
        if (e instanceof MissingArgumentException m && m.getOption() != null) {
            Option o = m.getOption();
            String name = o.hasLongOpt() ? "--" + o.getLongOpt() : "-" + o.getOpt();
            return "option " + name + " needs a value: " + name + " " + o.getArgName();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
