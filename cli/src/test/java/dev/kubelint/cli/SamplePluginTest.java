package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.config.RuleJars;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that the sample rule project (samples/custom-rule-plugin, not part of this build) works with the
 * command line: its sources are compiled into a jar here, the jar is loaded with --rules-jar, and every fixture
 * of the sample gives exactly the findings its markers expect.
 */
class SamplePluginTest {

    private static final Path SAMPLE = Path.of("").toAbsolutePath().getParent().resolve("samples/custom-rule-plugin");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([a-z0-9-]+)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PARAM = Pattern.compile("^#\\s*fixture:\\s*param\\s+([a-z0-9-]+)=(.*)$");

    @TempDir
    static Path work;

    private static Path jar;

    @BeforeAll
    static void buildTheSampleJar() throws Exception {
        jar = TestJars.build(
                SAMPLE.resolve("src/main/java"), SAMPLE.resolve("src/main/resources"), work, "team-kubelint-rules");
    }

    @Test
    void theRulesComeWithAnOriginNamingTheJar() throws Exception {
        try (RuleJars jars = RuleJars.load(
                List.of(new RuleJars.Jar(jar, "team-kubelint-rules.jar", "--rules-jar")),
                Main.class.getClassLoader())) {
            assertEquals(
                    List.of("team-label", "allowed-registries"),
                    jars.descriptors().stream().map(RuleDescriptor::id).toList());
            for (RuleDescriptor d : jars.descriptors()) {
                assertEquals("Example team rules (team-kubelint-rules.jar)", d.origin());
            }
            // allowed-registries keeps its texts in a YAML resource of the jar, team-label in its annotation
            RuleDescriptor registries = jars.descriptors().get(1);
            assertTrue(registries.rationale().startsWith("Images from the team's registries are scanned"));
            assertTrue(registries.remediation().endsWith("add the registry to the rule's registries parameter."));
            assertTrue(jars.descriptors().get(0).rationale().startsWith("When a workload misbehaves at night"));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureOfTheSampleThroughTheCommandLine() throws Exception {
        Path fixtures = SAMPLE.resolve("src/test/resources/fixtures");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(fixtures)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String rule = file.getParent().getFileName().toString();
                tests.add(DynamicTest.dynamicTest(rule + "/" + file.getFileName(), () -> verify(rule, file)));
            }
        }
        assertEquals(4, tests.size(), "bad and good fixtures of both rules");
        return tests.stream();
    }

    /** Lints a fixture with the jar and compares the rule's findings with the markers, both ways. */
    private static void verify(String rule, Path fixture) throws Exception {
        List<String> lines = Files.readAllLines(fixture);
        StringBuilder params = new StringBuilder();
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher param = PARAM.matcher(lines.get(i).trim());
            if (param.matches()) {
                params.append(param.group(1))
                        .append(": ")
                        .append(param.group(2))
                        .append(", ");
            }
            Matcher expect = EXPECT.matcher(lines.get(i));
            while (expect.find()) {
                expected.add(
                        (i + 1) + " " + expect.group(1) + " " + expect.group(2).replace("\\\"", "\""));
            }
        }
        Path config = work.resolve(rule + "-" + fixture.getFileName() + ".kubelint.yaml");
        Files.writeString(config, "rules:\n  " + rule + ":\n    params: {" + params + "}\n");
        ConfigCli.Run r = ConfigCli.run(
                fixture.getParent(),
                "--rules-jar",
                jar.toString(),
                "--config",
                config.toString(),
                "--format",
                "json",
                fixture.getFileName().toString());
        assertTrue(r.code() == 0 || r.code() == 1, r::toString);
        JsonNode findings = JsonMapper.builder().build().readTree(r.out()).get("findings");
        List<String> unexpected = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(expected);
        for (JsonNode f : findings) {
            if (!f.get("ruleId").asString().equals(rule)) {
                continue;
            }
            String found = f.get("line").asInt() + " " + rule + " ";
            String message = f.get("message").asString();
            boolean matched =
                    missing.removeIf(e -> e.startsWith(found) && message.contains(e.substring(found.length())));
            if (!matched) {
                unexpected.add(found + message);
            }
        }
        assertTrue(
                missing.isEmpty() && unexpected.isEmpty(),
                () -> fixture + ": missing " + missing + ", unexpected " + unexpected + "\n" + r);
        if (fixture.getFileName().toString().startsWith("bad")) {
            assertTrue(!expected.isEmpty(), "a bad fixture expects findings");
        }
    }
}
