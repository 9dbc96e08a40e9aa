package dev.kubelint.cli;

import dev.kubelint.core.config.Configuration;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleDocs;
import dev.kubelint.core.rule.RuleExamples;
import dev.kubelint.core.run.OptionsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code kubelint rules}: lists the rules as a table, or writes their Markdown documentation
 * ({@code --format markdown}, to standard output as the catalogue index, or with {@code --output DIR} as one page
 * per rule plus the index).
 */
final class RulesCommand extends SubCommand {

    private static final int DEFAULT_WIDTH = 100;
    private static final int MIN_WIDTH = 60;
    private static final int SUMMARY = 4;
    private static final int MIN_SUMMARY = 20;
    private static final int MIN_ID = 16;

    private final Main.Environment env;

    RulesCommand(Main.Environment env, PrintWriter out, PrintWriter err) {
        super("rules", out, err);
        this.env = env;
    }

    int run(String[] args) {
        return parseAndRun(options(), args, this::list);
    }

    private static Options options() {
        Options options = new Options();
        options.addOption(CommandLines.formatOption("text (default): a table; markdown: the rule catalogue"));
        options.addOption(Option.builder("o")
                .longOpt("output")
                .hasArg()
                .argName("DIR")
                .desc("with --format markdown: write README.md and one page per rule into DIR, removing generated"
                        + " pages of rules that no longer exist")
                .get());
        options.addOption(Option.builder()
                .longOpt("rules-jar")
                .hasArg()
                .argName("JAR")
                .desc("also list the rules of this jar, with an origin column (repeatable)")
                .get());
        return options;
    }

    @Override
    void printHelp(Options options) {
        CommandLines.printHelp(out, "kubelint rules [options]", "Lists the rules kubelint knows.", options);
    }

    private int list(CommandLine cmd) {
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
        boolean jars = cmd.hasOption("rules-jar");
        try {
            if (jars) {
                try (Configuration configuration = RequestOptions.rulesOnly(cmd, env.workingDirectory())) {
                    catalog = configuration.catalog();
                }
            } else {
                catalog = RuleCatalog.load(Main.class.getClassLoader());
            }
        } catch (RuleCatalog.RuleLoadingException e) {
            return usage(e.getMessage());
        } catch (OptionsException e) {
            e.problems().forEach(p -> err.println("kubelint: " + RequestOptions.shown(p)));
            return Main.USAGE;
        }
        if (format.equals("text")) {
            printTable(catalog.all(), jars, width());
            return Main.OK;
        }
        if (!cmd.hasOption("output")) {
            out.print(RuleDocs.markdownIndex(catalog.all()));
            return Main.OK;
        }
        return writeDocs(catalog, env.workingDirectory().resolve(cmd.getOptionValue("output")));
    }

    /** The terminal's width as the shell exports it ({@code COLUMNS}), else 100; never below 60. */
    private int width() {
        try {
            return Math.max(
                    MIN_WIDTH,
                    Integer.parseInt(env.variables().getOrDefault("COLUMNS", "").trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /**
     * One row per rule, within {@code width} columns: a summary (and an origin) too long for its column continues
     * on the next lines of that column, and the origin column is there only when rule jars are loaded.
     */
    private void printTable(List<RuleDescriptor> rules, boolean origin, int width) {
        List<String[]> rows = new ArrayList<>();
        rows.add(
                origin
                        ? new String[] {"ID", "SEVERITY", "ON", "CATEGORY", "SUMMARY", "ORIGIN"}
                        : new String[] {"ID", "SEVERITY", "ON", "CATEGORY", "SUMMARY"});
        for (RuleDescriptor r : rules) {
            String[] row = {
                r.id(), r.severity().label(), r.enabledByDefault() ? "on" : "off", r.category(), r.summary(), r.origin()
            };
            rows.add(origin ? row : Arrays.copyOf(row, 5));
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        int fixed = 0;
        for (int i = 0; i < SUMMARY; i++) {
            fixed += widths[i] + 2;
        }
        int minRest = MIN_SUMMARY + (origin ? MIN_SUMMARY : 0);
        if (width - fixed < minRest) {
            // the longest ids would push the summary off the line: their column wraps after a '-' instead
            int idWidth = Math.max(MIN_ID, widths[0] - (minRest - (width - fixed)));
            fixed -= widths[0] - idWidth;
            widths[0] = idWidth;
        }
        int rest = Math.max(minRest, width - fixed);
        if (origin) {
            widths[SUMMARY + 1] = Math.min(widths[SUMMARY + 1], rest / 3);
            widths[SUMMARY] = Math.min(widths[SUMMARY], rest - widths[SUMMARY + 1] - 2);
        } else {
            widths[SUMMARY] = Math.min(widths[SUMMARY], rest);
        }
        for (String[] row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < columns; i++) {
                List<String> lines =
                        i == 0 ? wrapId(row[i], widths[i]) : i < SUMMARY ? List.of(row[i]) : wrap(row[i], widths[i]);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int n = 0; n < height; n++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    String cell = n < cells.get(i).size() ? cells.get(i).get(n) : "";
                    line.append(cell)
                            .append(i == columns - 1 ? "" : " ".repeat(Math.max(1, widths[i] + 2 - cell.length())));
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }

    /** A rule id within a width, broken after a '-' where it can be, else cut. */
    private static List<String> wrapId(String id, int width) {
        List<String> lines = new ArrayList<>();
        String rest = id;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf('-', width - 1) + 1;
            if (cut <= 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        lines.add(rest);
        return lines;
    }

    /** Word-wrapped to a width; a word longer than the width is cut. */
    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String line : OptionSections.wrap(text, width)) {
            for (int start = 0; start < line.length(); start += width) {
                lines.add(line.substring(start, Math.min(line.length(), start + width)));
            }
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    private int writeDocs(RuleCatalog catalog, Path dir) {
        Map<String, String> files =
                RuleDocs.markdownFiles(catalog.all(), RuleExamples.fromClassPath(Main.class.getClassLoader()));
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
}
