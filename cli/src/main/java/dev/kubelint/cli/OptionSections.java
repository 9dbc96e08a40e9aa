package dev.kubelint.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The command's options in titled sections, in the order {@code --help} shows them. The parser sees them all
 * as one {@link Options}; the sections only shape the help text.
 */
final class OptionSections {

    private static final int WIDTH = 100;
    private static final int DESCRIPTION_COLUMN = 32;

    private final Map<String, List<Option>> sections = new LinkedHashMap<>();

    /** Adds options to a section, creating it (at the end) the first time its title is used. */
    OptionSections add(String section, Option... options) {
        sections.computeIfAbsent(section, k -> new ArrayList<>()).addAll(List.of(options));
        return this;
    }

    Options toOptions() {
        Options options = new Options();
        sections.values().forEach(list -> list.forEach(options::addOption));
        return options;
    }

    void printHelp(PrintWriter out) {
        for (Map.Entry<String, List<Option>> section : sections.entrySet()) {
            out.println(section.getKey() + ":");
            for (Option option : section.getValue()) {
                printOption(out, option);
            }
            out.println();
        }
    }

    private static void printOption(PrintWriter out, Option option) {
        StringBuilder name = new StringBuilder("  ");
        name.append(option.getOpt() == null ? "    " : "-" + option.getOpt() + (option.hasLongOpt() ? ", " : "  "));
        if (option.hasLongOpt()) {
            name.append("--").append(option.getLongOpt());
        }
        if (option.hasArg()) {
            name.append(' ').append(option.getArgName() == null ? "VALUE" : option.getArgName());
        }
        List<String> lines =
                wrap(option.getDescription() == null ? "" : option.getDescription(), WIDTH - DESCRIPTION_COLUMN);
        if (name.length() + 2 > DESCRIPTION_COLUMN) {
            out.println(name);
            name.setLength(0);
        }
        for (String line : lines) {
            out.println(name + " ".repeat(DESCRIPTION_COLUMN - name.length()) + line);
            name.setLength(0);
        }
    }

    /** Greedy word wrap. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
