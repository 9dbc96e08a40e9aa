package dev.kubelint.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.LintSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the fixtures of the schema rules the way the fixture format describes them: in bad.yaml every finding of
 * the rule starts on a line whose {@code # expect: <rule-id> "text"} marker names it, and every marker is met; in
 * good.yaml the rule finds nothing.
 */
class SchemaRuleFixturesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Pattern MARKER = Pattern.compile("expect:\\s*([a-z0-9-]+)\\s+\"([^\"]*)\"");
    private static final List<String> RULES = List.of(
            "schema-conformance", "missing-type-meta", "api-version-removed", "api-version-deprecated", "unknown-kind");

    private record Marker(int line, String ruleId, String text) {}

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return RULES.stream()
                .flatMap(rule -> Stream.of(
                        DynamicTest.dynamicTest(rule + " bad.yaml", () -> bad(rule)),
                        DynamicTest.dynamicTest(rule + " good.yaml", () -> good(rule))));
    }

    private static void bad(String rule) throws IOException {
        Path file = FIXTURES.resolve(rule).resolve("bad.yaml");
        List<Marker> markers = markers(file, rule);
        assertFalse(markers.isEmpty(), "bad.yaml has markers");
        List<Finding> findings = new ArrayList<>(Lint.findings(file, LintSettings.DEFAULTS, rule));
        List<String> problems = new ArrayList<>();
        for (Marker m : markers) {
            Finding match = findings.stream()
                    .filter(f -> f.location().line() == m.line() && f.message().contains(m.text()))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                problems.add("line " + m.line() + ": no finding containing \"" + m.text() + "\"");
            } else {
                findings.remove(match);
            }
        }
        findings.forEach(f -> problems.add("line " + f.location().line() + ": unexpected finding: " + f.message()));
        if (!problems.isEmpty()) {
            fail(rule + " bad.yaml:\n" + String.join("\n", problems));
        }
    }

    private static void good(String rule) {
        Path file = FIXTURES.resolve(rule).resolve("good.yaml");
        assertEquals(List.of(), Lint.describe(Lint.findings(file, LintSettings.DEFAULTS, rule)));
    }

    private static List<Marker> markers(Path file, String rule) throws IOException {
        List<Marker> markers = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            while (m.find()) {
                if (m.group(1).equals(rule)) {
                    markers.add(new Marker(i + 1, m.group(1), m.group(2)));
                }
            }
        }
        return markers;
    }
}
