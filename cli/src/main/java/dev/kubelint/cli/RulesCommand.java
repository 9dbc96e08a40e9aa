package dev.kubelint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleDocs;
import dev.kubelint.core.rule.RuleExamples;

/**
 * {@code kubelint rules}: lists the rules as a table, or writes their Markdown documentation
 * ({@code --format markdown}, to standard output as the catalogue index, or with {@code --output DIR} as one page
 * per rule plus the index).
 */
final class RulesCommand {

    private final Main.Environment env;
    private final PrintWriter out;
    private final PrintWriter err;

    RulesCommand(Main.Environment env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    private static Options options() {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                .desc("text (default): a table; markdown: the rule catalogue").get());
        options.addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR")
                .desc("with --format markdown: write README.md and one page per rule into DIR, removing generated"
                        + " pages of rules that no longer exist").get());
        options.addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get());
        return options;
    }

    int run(String[] args) {
        CommandLine cmd;
        try {
            cmd = CommandLines.parse(options(), args);
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        if (cmd.hasOption("help")) {
            CommandLines.printHelp(out, "kubelint rules [options]", "Lists the rules kubelint knows.", options());
            return Main.OK;
        }
        if (!cmd.getArgList().isEmpty()) {
            return usage("unexpected argument " + cmd.getArgList().get(0));
        }
        String format = cmd.getOptionValue("format", "text");
        if (!format.equals("text") && !format.equals("markdown")) {
            return usage("--format must be text or markdown, not " + format);
        }
        if (cmd.hasOption("output") && !format.equals("markdown")) {
            return usage("--output needs --format markdown");
        }
        RuleCatalog catalog;
        try {
            catalog = RuleCatalog.load(Main.class.getClassLoader());
        } catch (RuleCatalog.RuleLoadingException e) {
            return usage(e.getMessage());
        }
        if (format.equals("text")) {
            printTable(catalog.all());
            return Main.OK;
        }
        if (!cmd.hasOption("output")) {
            out.print(RuleDocs.markdownIndex(catalog.all()));
            return Main.OK;
        }
        return writeDocs(catalog, env.workingDirectory().resolve(cmd.getOptionValue("output")));
    }

    private void printTable(List<RuleDescriptor> rules) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "SEVERITY", "ENABLED", "CATEGORY", "SUMMARY", "ORIGIN"});
        for (RuleDescriptor r : rules) {
            rows.add(new String[] {r.id(), r.severity().label(), r.enabledByDefault() ? "on" : "off", r.category(),
                    r.summary(), r.origin()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private int writeDocs(RuleCatalog catalog, Path dir) {
        Map<String, String> files = RuleDocs.markdownFiles(catalog.all(),
                RuleExamples.fromClassPath(Main.class.getClassLoader()));
        try {
            Files.createDirectories(dir);
            int removed = removeStale(dir, files);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            err.println("kubelint: wrote " + files.size() + " files to " + dir
                    + (removed == 0 ? "" : ", removed " + removed + " stale pages"));
            return Main.OK;
        } catch (IOException e) {
            err.println("kubelint: cannot write the rule docs to " + dir + ": " + e.getMessage());
            return Main.USAGE;
        }
    }

    /** Removes generated pages whose rule no longer exists; files that were not generated stay. */
    private static int removeStale(Path dir, Map<String, String> files) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(dir, "*.md")) {
            for (Path page : pages) {
                if (!files.containsKey(page.getFileName().toString()) && isGenerated(page)) {
                    Files.delete(page);
                    removed++;
                }
            }
        }
        return removed;
    }

    static boolean isGenerated(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        return !lines.isEmpty() && lines.get(0).equals(RuleDocs.GENERATED);
    }

    private int usage(String message) {
        err.println("kubelint: " + message);
        err.println("Run 'kubelint rules --help' for usage.");
        return Main.USAGE;
    }
}
