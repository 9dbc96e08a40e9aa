package dev.kubelint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine calls observe in no fixed order: the cross-object rules must report the same whatever the order. */
class CrossObjectOrderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    /** Every fixture file of every built-in rule that compares objects across the scan. */
    static Stream<Arguments> crossObjectFixtures() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (Rule rule : new BuiltinRules().rules()) {
            if (rule.newCrossObjectCheck().isEmpty()) {
                continue;
            }
            Path folder = FIXTURES.resolve(
                    rule.getClass().getAnnotation(RuleInfo.class).id());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.toString().endsWith(".yaml") && !setsParameters(f))
                        .sorted()
                        .forEach(f -> cases.add(Arguments.of(
                                rule.getClass().getAnnotation(RuleInfo.class).id(), f)));
            }
        }
        return cases.stream();
    }

    /** A fixture that sets rule parameters: the recorder here runs rules with their defaults. */
    private static boolean setsParameters(Path fixture) {
        try {
            return Files.readString(fixture, StandardCharsets.UTF_8).contains("# fixture: param");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRulesThatCompareObjectsHaveFixtures() throws IOException {
        List<String> ids =
                crossObjectFixtures().map(a -> (String) a.get()[0]).distinct().toList();
        assertTrue(
                ids.containsAll(List.of(
                        "service-selector-no-match",
                        "namespace-undefined",
                        "readiness-probe-missing",
                        "ingress-backend-undefined",
                        "node-port-conflict")),
                ids.toString());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("crossObjectFixtures")
    void reportsTheSameInEveryOrder(String ruleId, Path file) throws IOException {
        Rule rule = new BuiltinRules()
                .rules().stream()
                        .filter(r ->
                                r.getClass().getAnnotation(RuleInfo.class).id().equals(ruleId))
                        .findFirst()
                        .orElseThrow();
        List<Manifest> manifests = read(file);
        List<String> expected = run(rule, manifests);
        if (file.getFileName().toString().startsWith("bad")) {
            assertFalse(expected.isEmpty(), file + ": the bad fixture should give findings");
        }
        Random random = new Random(11);
        for (int i = 0; i < 50; i++) {
            List<Manifest> shuffled = new ArrayList<>(manifests);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, run(rule, shuffled), "order " + shuffled);
        }
    }

    private static List<String> run(Rule rule, List<Manifest> manifests) {
        CrossObjectCheck check = rule.newCrossObjectCheck().orElseThrow();
        List<String> findings = new ArrayList<>();
        for (Manifest m : manifests) {
            check.observe(m, new Recorder(Optional.of(m), findings));
        }
        check.finish(new Recorder(Optional.empty(), findings));
        Collections.sort(findings);
        return findings;
    }

    /** The objects of a fixture as the engine hands them to the rules: the items of a List one by one. */
    private static List<Manifest> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        SourceFile source = SourceFile.of(file.toString(), text);
        List<Manifest> manifests = new ArrayList<>();
        for (YamlDocument doc :
                new YamlReader(ReadLimits.DEFAULTS).read(file.toString(), text).documents()) {
            doc.root()
                    .flatMap(YamlNode::asMapping)
                    .ifPresent(root -> manifests.addAll(new Manifest(source, doc.index(), root).objects(item -> {})));
        }
        return manifests;
    }

    /** A context that records findings as "line:column message". */
    private record Recorder(Optional<Manifest> current, List<String> findings) implements RuleContext {

        @Override
        public void report(Location location, String message, List<Location> related) {
            findings.add(location.line() + ":" + location.column() + " " + message);
        }

        @Override
        public Location locate(YamlNode node) {
            Manifest m = current.orElseThrow();
            return new Location(m.source().displayName(), m.documentIndex(), node.span(), node.pointer(), m.ref());
        }

        @Override
        public Location locateKey(MappingNode mapping, String key) {
            Manifest m = current.orElseThrow();
            return new Location(
                    m.source().displayName(), m.documentIndex(), mapping.keySpan(key), mapping.pointer(), m.ref());
        }

        @Override
        public Optional<Manifest> manifest() {
            return current;
        }

        @Override
        public <T> T param(RuleParam<T> param) {
            return param.defaultValue();
        }

        @Override
        public LintSettings settings() {
            return LintSettings.DEFAULTS;
        }
    }
}
