package dev.kubelint.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The report formats kubelint writes, by the name users give them ({@code --format}, the Maven plugin's
 * {@code formats}), each with the file name it gets in a reports folder. A new reporter is one line here.
 */
public final class ReportFormats {

    /**
     * One format.
     *
     * @param name     the name users write: text, json, sarif, junit, github
     * @param fileName the file it is written to in a reports folder
     * @param reporter makes a reporter (reporters may keep state while writing, so one per report)
     */
    public record Format(String name, String fileName, Supplier<Reporter> reporter) {
    }

    private static final List<Format> ALL = List.of(
            new Format("text", "kubelint.txt", TextReporter::new),
            new Format("json", "kubelint.json", JsonReporter::new),
            new Format("sarif", "kubelint.sarif", SarifReporter::new),
            new Format("junit", "TEST-kubelint.xml", JUnitReporter::new),
            new Format("github", "kubelint-github.txt", GithubReporter::new));

    private ReportFormats() {
    }

    public static List<Format> all() {
        return ALL;
    }

    /** The format with this name, whatever its case and surrounding blanks. */
    public static Optional<Format> find(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.name().equals(wanted)).findFirst();
    }

    /** "text, json, ..." for messages and help. */
    public static String names() {
        return String.join(", ", ALL.stream().map(Format::name).toList());
    }
}
