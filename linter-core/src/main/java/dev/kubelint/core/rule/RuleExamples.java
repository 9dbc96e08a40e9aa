package dev.kubelint.core.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule's examples for its documentation, taken from its fixtures ({@code <rule-id>/bad.yaml} and
 * {@code <rule-id>/good.yaml}) with the test machinery removed: the {@code # expect:} (and {@code # expect@COL:}) markers and the
 * {@code # fixture:} header lines. A fixture that needs a test-only rule ({@code # fixture: with-rule=...}) shows
 * nothing a user could reproduce, so it gives no example.
 *
 * @param bad  a manifest the rule reports
 * @param good a manifest the rule accepts
 */
public record RuleExamples(Optional<String> bad, Optional<String> good) {

    public static final RuleExamples NONE = new RuleExamples(Optional.empty(), Optional.empty());

    /** Where the built-in rules' fixtures are packaged in the rules jar. */
    public static final String CLASS_PATH_PREFIX = "dev/kubelint/rules/fixtures/";

    private static final Pattern MARKER = Pattern.compile("\\s*#\\s*expect(?:@\\d+)?:.*$");
    private static final Pattern HEADER = Pattern.compile("^\\s*#\\s*fixture:.*$");
    private static final Pattern WITH_RULE = Pattern.compile("(?m)^\\s*#\\s*fixture:\\s*with-rule\\s*=");

    /** Finds a rule's examples. */
    public interface Source {
        RuleExamples examples(String ruleId);
    }

    /** Fixtures in a folder: {@code <root>/<rule-id>/bad.yaml} and {@code good.yaml}. */
    public static Source fromFolder(Path root) {
        return id -> of(
                read(root.resolve(id).resolve("bad.yaml")),
                read(root.resolve(id).resolve("good.yaml")));
    }

    /** Fixtures on the class path under {@link #CLASS_PATH_PREFIX}, as the rules jar packages them. */
    public static Source fromClassPath(ClassLoader loader) {
        return id -> of(
                read(loader, CLASS_PATH_PREFIX + id + "/bad.yaml"),
                read(loader, CLASS_PATH_PREFIX + id + "/good.yaml"));
    }

    /**
     * The examples of a bad and a good fixture's text. When the bad fixture cannot be shown (it needs a test-only
     * rule), the good one alone would explain nothing, so there are none.
     */
    public static RuleExamples of(Optional<String> badFixture, Optional<String> goodFixture) {
        Optional<String> bad = badFixture.flatMap(RuleExamples::example);
        if (badFixture.isPresent() && bad.isEmpty()) {
            return NONE;
        }
        return new RuleExamples(bad, goodFixture.flatMap(RuleExamples::example));
    }

    /** The example a fixture's text gives: without markers and header, or none if it needs a test-only rule. */
    public static Optional<String> example(String fixture) {
        if (WITH_RULE.matcher(fixture).find()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        boolean header = true;
        for (String line : fixture.split("\r?\n|\r", -1)) {
            if (header && HEADER.matcher(line).matches()) {
                continue;
            }
            // the header ends, as for the fixture runner, at the first line that is not a comment
            header = header && (line.isBlank() || line.strip().startsWith("#"));
            out.append(MARKER.matcher(line).replaceFirst("").stripTrailing()).append('\n');
        }
        String text = out.toString().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text + "\n");
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(decode(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(byte[] bytes) {
        // a fixture of an encoding problem is not UTF-8 on purpose; show it with replacement characters
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
