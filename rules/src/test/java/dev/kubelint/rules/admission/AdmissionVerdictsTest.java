package dev.kubelint.rules.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.RuleCatalog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts of public material on ValidatingAdmissionPolicies (the Kubernetes documentation, Kyverno CLI's tests,
 * kyverno/policies' CEL policies and their tests), each file of {@code admission-verdicts} evaluated on its own: every
 * object the file names must pass (no finding), be skipped (no finding), or fail with exactly the messages given.
 */
class AdmissionVerdictsTest {

    private static final RuleCatalog CATALOG = RuleCatalog.load(AdmissionVerdictsTest.class.getClassLoader());
    private static final Pattern VERDICT = Pattern.compile("# verdict: (\\S+)/(\\S+) (pass|skip|fail: (.+))");
    /** The denial's message after kubelint's words about the policy and binding, without the reason. */
    private static final Pattern MESSAGE = Pattern.compile(
            "^.*?(?:denied request: |audits: |with binding '[^']*': )(.*?)(?: \\(reason: [A-Za-z]+\\))?$");

    @TempDir
    Path dir;

    record Verdict(String file, String object, List<String> failures) {}

    @Test
    void everyVerdictAndEveryMessageAgree() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/admission-verdicts").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(root)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        int verdicts = 0;
        int passes = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            List<Verdict> expected = verdicts(file);
            assertTrue(!expected.isEmpty(), file + " gives no verdict");
            Map<String, List<String>> found = findings(file);
            for (Verdict v : expected) {
                verdicts++;
                List<String> actual = found.getOrDefault(v.object(), List.of());
                if (v.failures().isEmpty()) {
                    passes++;
                }
                if (!actual.equals(v.failures())) {
                    disagreements.add(
                            v.file() + " " + v.object() + ": expected " + v.failures() + ", kubelint says " + actual);
                }
            }
            for (String object : found.keySet()) {
                if (expected.stream().noneMatch(v -> v.object().equals(object))) {
                    disagreements.add(
                            file.getFileName() + " " + object + ": no verdict, kubelint says " + found.get(object));
                }
            }
        }
        System.out.printf(
                "admission verdicts: %d of %d agree (%d pass or skip, %d fail)%n",
                verdicts - disagreements.size(), verdicts, passes, verdicts - passes);
        assertTrue(verdicts >= 40, "only " + verdicts + " verdicts");
        assertEquals(List.of(), disagreements);
    }

    private static List<Verdict> verdicts(Path file) throws IOException {
        Map<String, Verdict> byObject = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = VERDICT.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String object = m.group(1) + "/" + m.group(2);
            Verdict v = byObject.computeIfAbsent(
                    object, o -> new Verdict(file.getFileName().toString(), o, new ArrayList<>()));
            if (m.group(4) != null) {
                v.failures().add(m.group(4));
            }
        }
        return List.copyOf(byObject.values());
    }

    /** The admission-policy messages of each object of the file, linted alone. */
    private Map<String, List<String>> findings(Path file) throws IOException {
        Path scan = Files.createDirectories(
                dir.resolve(file.getFileName().toString().replace(".yaml", "")));
        Files.copy(file, scan.resolve("manifests.yaml"));
        LintRequest request =
                LintRequest.of(List.of(scan.toString()), Path.of("").toAbsolutePath(), CATALOG);
        List<Finding> findings;
        try {
            findings = new Linter().lint(request).findings();
        } catch (Linter.InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        Map<String, List<String>> byObject = new TreeMap<>();
        for (Finding f : findings) {
            if (!f.ruleId().equals("admission-policy")) {
                continue;
            }
            Matcher m = MESSAGE.matcher(f.message());
            String object =
                    f.location().object().kind() + "/" + f.location().object().name();
            byObject.computeIfAbsent(object, o -> new ArrayList<>()).add(m.matches() ? m.group(1) : f.message());
        }
        return byObject;
    }
}
