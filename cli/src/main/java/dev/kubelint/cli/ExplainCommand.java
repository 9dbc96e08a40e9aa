package dev.kubelint.cli;

import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleDocs;
import dev.kubelint.core.rule.RuleExamples;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code kubelint explain RULE-ID}: prints a rule's documentation, with examples from its fixtures. */
final class ExplainCommand extends SubCommand {

    ExplainCommand(PrintWriter out, PrintWriter err) {
        super("explain", out, err);
    }

    int run(String[] args) {
        return parseAndRun(options(), args, this::explain);
    }

    private static Options options() {
        Options options = new Options();
        options.addOption(CommandLines.formatOption("text (default) or markdown"));
        return options;
    }

    @Override
    void printHelp(Options options) {
        CommandLines.printHelp(
                out,
                "kubelint explain [options] RULE-ID",
                "Prints what a rule finds, why, how to fix it, and examples.",
                options);
    }

    private int explain(CommandLine cmd) {
        if (cmd.getArgList().size() != 1) {
            return usage(
                    cmd.getArgList().isEmpty()
                            ? "give the id of a rule, such as image-tag"
                            : "give one rule id, not " + cmd.getArgList().size());
        }
        String format = cmd.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("markdown")) {
            return usage("--format must be text or markdown, not " + format);
        }
        RuleCatalog catalog;
        try {
            catalog = RuleCatalog.load(Main.class.getClassLoader());
        } catch (RuleCatalog.RuleLoadingException e) {
            return usage(e.getMessage());
        }
        String id = cmd.getArgList().get(0);
        Optional<RuleDescriptor> rule = catalog.find(id);
        if (rule.isEmpty()) {
            err.println("kubelint: unknown rule " + id
                    + suggestion(id, catalog.all())
                            .map(s -> "; did you mean " + s + "?")
                            .orElse(""));
            err.println("Run 'kubelint rules' to list the rules.");
            return Main.USAGE;
        }
        RuleExamples examples =
                RuleExamples.fromClassPath(Main.class.getClassLoader()).examples(id);
        out.print(
                format.equals("markdown")
                        ? RuleDocs.markdownPage(rule.get(), examples)
                        : RuleDocs.text(rule.get(), examples));
        return Main.OK;
    }

    /** The closest rule id, if one is close enough to be a likely typo or a fragment. */
    static Optional<String> suggestion(String id, List<RuleDescriptor> rules) {
        return Suggestions.closest(id, rules.stream().map(RuleDescriptor::id).toList(), Suggestions.RULE_IDS);
    }
}
