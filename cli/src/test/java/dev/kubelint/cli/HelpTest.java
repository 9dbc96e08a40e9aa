package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;

@CliWorkspace
class HelpTest {

    Cli cli;

    @Test
    void helpIsGroupedWithExamples() {
        Cli.Run run = cli.run("--help");
        String help = run.out();
        List<String> headings =
                help.lines().filter(l -> l.matches("[A-Z][A-Za-z ]+:")).toList();
        assertEquals(
                List.of("Input:", "Validation:", "Output:", "Rules and configuration:", "General:", "Examples:"),
                headings);
        assertTrue(help.startsWith("Usage: kubelint [options] PATH...\n"), help);
        assertTrue(help.contains("kubelint --format text --format sarif=target/kubelint.sarif"), help);
        assertTrue(help.contains("Exit codes: 0"), help);
        assertEquals("", run.err());
    }

    @Test
    void everyOptionIsListedOnceInItsSection() {
        String help = cli.run("-h").out();
        for (Option option : ScanCommand.options().toOptions().getOptions()) {
            Matcher m = Pattern.compile("(?m)^  (-\\w, |    )--" + Pattern.quote(option.getLongOpt()) + "\\b")
                    .matcher(help);
            assertTrue(m.find(), "--" + option.getLongOpt() + " is in the help");
            assertTrue(!m.find(), "--" + option.getLongOpt() + " is listed once");
        }
        String output = help.substring(help.indexOf("Output:"), help.indexOf("Rules and configuration:"));
        for (String name : List.of("--format", "--output", "--color", "--no-source", "--quiet")) {
            assertTrue(output.contains(name), name + " is an output option");
        }
    }

    @Test
    void helpLinesFitA100ColumnTerminal() {
        cli.run("--help").out().lines().forEach(l -> assertTrue(l.length() <= 100, "too long: " + l));
    }

    @Test
    void wrapping() {
        assertEquals(List.of("aa bb", "cc"), OptionSections.wrap("aa bb cc", 5));
        assertEquals(List.of("averylongword", "x"), OptionSections.wrap("averylongword x", 5));
    }
}
