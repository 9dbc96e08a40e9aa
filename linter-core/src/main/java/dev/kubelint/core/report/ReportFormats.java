package dev.kubelint.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one registry of report formats: their names as users give them ({@code --format}, the Maven plugin's
 * {@code formats}), the file each gets in a reports folder, and their reporters. Every front end lists, finds and
 * names formats through it, so a new format is one line here (and its reporter class).
 *
 * <p>Names are matched ignoring case and surrounding blanks, by every front end alike: {@code --format JSON} and
 * {@code <formats>JSON</formats>} both mean {@code json}. Names are listed and written in lower case.
 */
public final class ReportFormats {

    /**
     * One format.
     *
     * @param name     the name users write, lower case: text, json, sarif, ...
     * @param fileName the file it is written to in a reports folder
     * @param reporter makes a reporter (reporters may keep state while writing, so one per report)
     */
    public record Format(String name, String fileName, Supplier<Reporter> reporter) {}

    private static final List<Format> ALL = List.of(
            new Format("text", "kubelint.txt", TextReporter::new),
            new Format("json", "kubelint.json", JsonReporter::new),
            new Format("sarif", "kubelint.sarif", SarifReporter::new),
            new Format("junit", "TEST-kubelint.xml", JUnitReporter::new),
            new Format("github", "kubelint-github.txt", GithubReporter::new),
            new Format("checkstyle", "kubelint-checkstyle.xml", CheckstyleReporter::new),
            new Format("codeclimate", "kubelint-codeclimate.json", CodeClimateReporter::new),
            new Format("html", "kubelint.html", HtmlReporter::new));

    private static final List<String> NAMES = ALL.stream().map(Format::name).toList();

    private ReportFormats() {}

    public static List<Format> all() {
        return ALL;
    }

    /** The format names, in the order help texts list them. */
    public static List<String> names() {
        return NAMES;
    }

    /** The format with this name, whatever its case and surrounding blanks. */
    public static Optional<Format> find(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.name().equals(wanted)).findFirst();
    }

    /** "text, json, ..." for messages and help. */
    public static String list() {
        return String.join(", ", NAMES);
    }
}
