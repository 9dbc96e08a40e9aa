package dev.kubelint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;
import dev.kubelint.rules.metadata.NamespaceUndefinedRule;
import dev.kubelint.rules.selectors.ServiceSelectorNoMatchRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine calls observe in no fixed order: the cross-object rules must report the same whatever the order. */
class CrossObjectOrderTest {

    @ParameterizedTest
    @CsvSource({
        "service-selector-no-match, src/test/resources/fixtures/service-selector-no-match/bad.yaml",
        "service-selector-no-match, src/test/resources/fixtures/service-selector-no-match/good.yaml",
        "namespace-undefined, src/test/resources/fixtures/namespace-undefined/bad.yaml",
        "namespace-undefined, src/test/resources/fixtures/namespace-undefined/good.yaml"
    })
    void reportsTheSameInEveryOrder(String ruleId, String file) throws IOException {
        Rule rule =
                ruleId.equals("namespace-undefined") ? new NamespaceUndefinedRule() : new ServiceSelectorNoMatchRule();
        List<Manifest> manifests = read(Path.of(file));
        List<String> expected = run(rule, manifests);
        if (file.endsWith("bad.yaml")) {
            assertFalse(expected.isEmpty(), "the bad fixture should give findings");
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

    private static List<Manifest> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        SourceFile source = SourceFile.of(file.toString(), text);
        List<Manifest> manifests = new ArrayList<>();
        for (YamlDocument doc :
                new YamlReader(ReadLimits.DEFAULTS).read(file.toString(), text).documents()) {
            doc.root()
                    .flatMap(YamlNode::asMapping)
                    .ifPresent(root -> manifests.add(new Manifest(source, doc.index(), root)));
        }
        return manifests;
    }

    /** A context that records findings as "line:column message". */
    private record Recorder(Optional<Manifest> current, List<String> findings) implements RuleContext {

        @Override
        public void report(YamlNode node, String message) {
            report(locate(node), message);
        }

        @Override
        public void report(YamlNode node, String message, List<Location> related) {
            report(locate(node), message);
        }

        @Override
        public void reportKey(MappingNode mapping, String key, String message) {
            report(locateKey(mapping, key), message);
        }

        @Override
        public void report(Location location, String message) {
            findings.add(location.line() + ":" + location.column() + " " + message);
        }

        @Override
        public void report(Location location, String message, List<Location> related) {
            report(location, message);
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
