package dev.kubelint.rules.verdicts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The verdicts of Kubernetes' own validation and warning tests, restated as manifests: each document of
 * {@code src/test/resources/verdicts/*.yaml} carries a comment {@code # verdict: VERDICT | SOURCE} naming the test
 * case it comes from. From a validation test: {@code valid} (created, whatever the warnings) or {@code reject};
 * from a warnings test: {@code accept} (created without warning) or {@code warn} (created with a warning).
 * kubelint rejects a manifest when a rule that judges one object reports an error on it, and warns when
 * pod-warning or service-warning reports on it.
 */
class KubernetesVerdictsTest {

    private static final Path ROOT = Path.of("src/test/resources/verdicts");
    private static final RuleCatalog CATALOG = RuleCatalog.load(KubernetesVerdictsTest.class.getClassLoader());
    private static final Pattern VERDICT = Pattern.compile("(?m)^# verdict: (valid|accept|reject|warn)\\b.*$");
    /** The API server's warnings, as kubelint reports them (duplicate container ports: container-port-conflict). */
    private static final Set<String> WARNING_RULES =
            Set.of("pod-warning", "service-warning", "container-port-conflict");
    /** Rules that compare objects of the scan: the documents of a verdict file are independent requests. */
    private static final Set<String> CROSS_OBJECT_RULES = Set.of("node-port-conflict", "namespace-undefined");

    /** One case: its file, document index, expected verdict and the comment naming its source. */
    record Case(Path file, int document, String expected, String source) {}

    static List<Case> cases(Path file) throws IOException {
        String text = Files.readString(file);
        String[] documents = text.split("(?m)^---\\s*$");
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            Matcher m = VERDICT.matcher(documents[i]);
            if (m.find()) {
                out.add(new Case(file, i, m.group(1), m.group().substring("# verdict: ".length())));
            }
        }
        return out;
    }

    static Map<Integer, String> verdicts(Path file) {
        LintRequest request = LintRequest.of(
                        List.of(file.toString()), Path.of("").toAbsolutePath(), CATALOG)
                .withSettings(LintSettings.DEFAULTS)
                .withJobs(1);
        LintResult result;
        try {
            result = new Linter().lint(request);
        } catch (Linter.InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        Map<Integer, String> verdicts = new HashMap<>();
        for (Finding f : result.findings()) {
            if (CROSS_OBJECT_RULES.contains(f.ruleId())) {
                continue;
            }
            int doc = f.location().documentIndex();
            if (f.severity() == Severity.ERROR) {
                verdicts.put(doc, "reject");
            } else if (WARNING_RULES.contains(f.ruleId())) {
                verdicts.putIfAbsent(doc, "warn");
            }
        }
        return verdicts;
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyVerdictHolds() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            List<Case> cases = cases(file);
            Map<Integer, String> got = verdicts(file);
            for (Case c : cases) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " #" + c.document() + " " + c.source(), () -> {
                    String actual = got.getOrDefault(c.document(), "accept");
                    String message = "document " + c.document() + " of " + file + ": " + c.source();
                    if (c.expected().equals("valid")) {
                        assertNotEquals("reject", actual, message);
                    } else {
                        assertEquals(c.expected(), actual, message);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theTableIsLargeAndHoldsEveryVerdict() throws IOException {
        int total = 0;
        Map<String, Integer> byVerdict = new HashMap<>();
        for (Path file : files()) {
            for (Case c : cases(file)) {
                total++;
                byVerdict.merge(c.expected(), 1, Integer::sum);
            }
        }
        assertTrue(total >= 120, "only " + total + " cases");
        assertTrue(
                byVerdict.getOrDefault("accept", 0) + byVerdict.getOrDefault("valid", 0) >= 20,
                "too few accepted cases: " + byVerdict);
        assertTrue(byVerdict.getOrDefault("reject", 0) >= 60, "too few rejected cases: " + byVerdict);
        assertTrue(byVerdict.getOrDefault("warn", 0) >= 10, "too few warned cases: " + byVerdict);
    }
}
