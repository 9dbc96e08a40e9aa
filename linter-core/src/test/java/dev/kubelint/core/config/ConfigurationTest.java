package dev.kubelint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.testing.EqualitySelectors;

/** The set-up every front end shares: file, rule jars, catalogue. */
class ConfigurationTest {

    @TempDir
    Path dir;

    private Configuration.Request request(Optional<Path> file, boolean discover) {
        return new Configuration.Request(dir, List.of("app"), file, discover, List.of(), getClass().getClassLoader(),
                new EqualitySelectors());
    }

    @Test
    void findsAppliesAndExtendsTheCatalogue() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve(".kubelint.yaml"), """
                rules: {yaml-tag: error, named: warning}
                custom-rules: [{id: named, message: objects need a name, pointer: /metadata, schema: {required: [name]}}]
                """);
        try (Configuration c = Configuration.load(request(Optional.empty(), true))) {
            assertEquals(".kubelint.yaml", c.file().displayName());
            assertTrue(c.catalog().contains("named"));
            LintRequest r = c.applyTo(LintRequest.of(List.of("app"), dir, c.catalog()));
            assertEquals(Optional.of(Severity.ERROR), r.ruleSettings("yaml-tag").severity());
            assertEquals(Optional.of(Severity.WARNING), r.ruleSettings("named").severity());
        }
        try (Configuration none = Configuration.load(request(Optional.empty(), false))) {
            assertTrue(none.file().rules().isEmpty());
            assertTrue(!none.catalog().contains("named"));
        }
    }

    @Test
    void problemsOfTheFileOrItsJarsAreConfigErrors() throws Exception {
        Files.writeString(dir.resolve("k.yaml"), "rules-jars: [lib/none.jar]\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Configuration.load(request(Optional.of(Path.of("k.yaml")), true)));
        assertEquals("k.yaml:1:14: rule jar lib/none.jar does not exist", e.getMessage());
    }
}
