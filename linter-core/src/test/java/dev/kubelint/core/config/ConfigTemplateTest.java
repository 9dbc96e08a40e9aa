package dev.kubelint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.testing.EqualitySelectors;
import dev.kubelint.core.testing.TestCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTemplateTest {

    private final RuleCatalog catalog = TestCatalog.get();
    private final String template = ConfigTemplate.render(catalog, "0.1.0");

    @TempDir
    Path dir;

    private ConfigApplier.Applied read(String text) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("crds"));
        java.nio.file.Files.createDirectories(dir.resolve("policies"));
        ConfigFile file = new ConfigReader(dir).read(dir.resolve(".kubelint.yaml"), text);
        return new ConfigApplier(new EqualitySelectors()).apply(file, catalog);
    }

    @Test
    void listsEveryRuleWithItsDefaults() {
        for (RuleDescriptor rule : catalog.all()) {
            assertTrue(template.contains("  # " + rule.id() + ":"), rule.id());
        }
        assertTrue(template.contains("""
                  # latest-tag:   # An image is tagged latest [test, test rules]
                  #   enabled: true
                  #   severity: warning
                  #   params:
                  #     max: 0   # integer: findings allowed per object
                  #     untagged: true   # boolean: report images without a tag
                  #     tag: "latest"   # string: the tag to report
                  #     allowed: []   # string list: images allowed anyway
                """), template);
    }

    @Test
    void asWrittenItChangesNothing() throws Exception {
        ConfigApplier.Applied applied = read(template);
        assertTrue(applied.ruleSettings().isEmpty());
        assertTrue(applied.file().kubernetesVersion().isEmpty());
    }

    @Test
    void everyLineUncommentedIsAValidConfigurationWithTheDefaults() throws Exception {
        String uncommented = template.lines()
                .filter(line -> !line.isBlank()
                        && !line.startsWith("# kubelint")
                        && !line.startsWith("# Every")
                        && !line.startsWith("# your")
                        && !line.startsWith("# to this")
                        && !line.startsWith("# The file")
                        && !line.startsWith("# Per rule")
                        && !line.startsWith("# selector")
                        && !line.startsWith("# Rules without"))
                .map(line -> line.replaceFirst("^(\\s*)# ", "$1"))
                .collect(Collectors.joining("\n", "", "\n"));
        ConfigApplier.Applied applied = read(uncommented);
        assertEquals(catalog.all().size(), applied.ruleSettings().size());
        for (RuleDescriptor rule : catalog.all()) {
            assertEquals(
                    rule.enabledByDefault(),
                    applied.ruleSettings().get(rule.id()).enabled().orElseThrow(),
                    rule.id());
            assertEquals(
                    rule.severity(),
                    applied.ruleSettings().get(rule.id()).severity().orElseThrow(),
                    rule.id());
        }
        assertEquals(
                List.of("team-label"),
                applied.file().customRules().stream().map(c -> c.spec().id()).toList());
        assertEquals("1.35", applied.file().kubernetesVersion().orElseThrow().value());
        assertEquals(
                List.of("text"),
                applied.file().reports().stream()
                        .map(ConfigFile.ReportEntry::format)
                        .toList());
        assertEquals(
                List.of(dir.resolve("policies")),
                applied.file().policies().stream().map(Located::value).toList());
    }
}
