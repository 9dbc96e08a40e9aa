package dev.kubelint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.testing.EqualitySelectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The set-up every front end shares: file, rule jars, catalogue. */
class ConfigurationTest {

    @TempDir
    Path dir;

    private Configuration.Request request(Optional<Path> file, boolean discover) {
        return new Configuration.Request(
                dir,
                List.of("app"),
                file,
                discover,
                List.of(),
                getClass().getClassLoader(),
                new EqualitySelectors(),
                false);
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
        ConfigException e = assertThrows(
                ConfigException.class, () -> Configuration.load(request(Optional.of(Path.of("k.yaml")), true)));
        assertEquals("k.yaml:1:14: rule jar lib/none.jar does not exist", e.getMessage());
    }

    /** A project folder (a git root) with its folder {@code app} to scan. */
    private Path project() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve(".git"));
        Files.createDirectories(project.resolve("app"));
        return project;
    }

    /** The problems of loading the project's .kubelint.yaml found by discovery, which must refuse it. */
    private List<String> problemsWhenDiscovered(Path project) {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> Configuration.load(inProject(project, Optional.empty())).close());
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    /** The problem at {@code index} is at {@code at} ("line:column: key") and says {@code path} is outside. */
    private static void assertOutside(List<String> messages, int index, String at, String path) {
        assertTrue(
                messages.get(index).contains(".kubelint.yaml:" + at + ": ")
                        && messages.get(index).contains(path + " is outside"),
                messages.toString());
    }

    /** The project's .kubelint.yaml loaded as a file the user named. */
    private Configuration loadNamed(Path project) throws Exception {
        return Configuration.load(inProject(project, Optional.of(project.resolve(".kubelint.yaml"))));
    }

    /** A request for the folder {@code app} of a project, with the file named or else discovered. */
    private Configuration.Request inProject(Path project, Optional<Path> file) {
        return new Configuration.Request(
                project,
                List.of("app"),
                file,
                true,
                List.of(),
                getClass().getClassLoader(),
                new EqualitySelectors(),
                false);
    }

    @Test
    void aDiscoveredFileMayNameOnlyPathsInItsOwnFolderTree() throws Exception {
        Path project = project();
        Files.createDirectories(project.resolve("crds"));
        Files.writeString(dir.resolve("secret.yaml"), "password: hunter2\n");
        Files.createSymbolicLink(project.resolve("crds/link.yaml"), dir.resolve("secret.yaml"));
        Files.writeString(
                project.resolve(".kubelint.yaml"),
                "schema-locations: [../secret.yaml, /etc/passwd, crds/link.yaml, crds]\n");
        List<String> messages = problemsWhenDiscovered(project);
        assertEquals(3, messages.size(), messages.toString());
        assertOutside(messages, 0, "1:20: schema-locations", "secret.yaml");
        assertTrue(messages.get(1).contains("/etc/passwd is outside"), messages.toString());
        assertTrue(messages.get(2).contains("crds/link.yaml is outside"), "a link is followed: " + messages);
        assertTrue(messages.stream().allMatch(m -> m.contains("name the file with --config")), messages.toString());

        // named by the user, the same file may name any path
        Files.writeString(project.resolve(".kubelint.yaml"), "schema-locations: [../secret.yaml, crds]\n");
        try (Configuration c = loadNamed(project)) {
            assertEquals(2, c.file().schemaLocations().size());
        }
    }

    @Test
    void aDiscoveredFileMayNameOnlyPoliciesInItsOwnFolderTree() throws Exception {
        Path project = project();
        Files.createDirectories(project.resolve("policies"));
        Files.writeString(dir.resolve("elsewhere.yaml"), "kind: ValidatingAdmissionPolicy\n");
        Files.writeString(project.resolve(".kubelint.yaml"), "policies: [../elsewhere.yaml, policies]\n");
        List<String> messages = problemsWhenDiscovered(project);
        assertEquals(1, messages.size(), messages.toString());
        assertOutside(messages, 0, "1:12: policies", "elsewhere.yaml");

        // named by the user, the same file may name any path
        try (Configuration c = loadNamed(project)) {
            assertEquals(
                    List.of(dir.resolve("elsewhere.yaml"), project.resolve("policies")),
                    c.file().policies().stream().map(Located::value).toList());
        }
    }

    @Test
    void aDiscoveredFileMayWriteReportsOnlyInItsOwnFolderTree() throws Exception {
        Path project = project();
        Files.createDirectories(dir.resolve("elsewhere"));
        // a link to a folder outside, and a report file still to be written below it
        Files.createSymbolicLink(project.resolve("out"), dir.resolve("elsewhere"));
        Files.writeString(project.resolve(".kubelint.yaml"), """
                reports:
                  - {format: json, file: ../report.json}
                  - {format: sarif, file: out/new/kubelint.sarif}
                  - {format: html, file: build/kubelint.html}
                """);
        List<String> messages = problemsWhenDiscovered(project);
        assertEquals(2, messages.size(), messages.toString());
        assertOutside(messages, 0, "2:26: reports", "report.json");
        // a link is followed even to a file that does not exist yet
        assertOutside(messages, 1, "3:27: reports", "kubelint.sarif");

        // named by the user, the same file may write anywhere
        try (Configuration c = loadNamed(project)) {
            assertEquals(3, c.file().reports().size());
            assertEquals(
                    Optional.of(dir.resolve("report.json")),
                    c.file().reports().get(0).file());
        }
    }

    @Test
    void aDiscoveredFileLoadsRuleJarsOnlyWhenTrusted() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve(".kubelint.yaml"), "rules-jars: [tools/rules.jar]\n");
        ConfigException refused = assertThrows(
                ConfigException.class,
                () -> Configuration.load(request(Optional.empty(), true)).close());
        assertEquals(1, refused.problems().size());
        String message = refused.problems().get(0).toString();
        assertTrue(
                message.startsWith(".kubelint.yaml:1:14: rules-jars: a configuration file found by discovery does"
                        + " not load rule jars"),
                message);
        assertTrue(message.contains("--trust-config") && message.contains("--no-config"), message);

        // trusted, or named: the jar is loaded (here it does not exist, which is the next problem)
        for (Configuration.Request allowed : List.of(
                new Configuration.Request(
                        dir,
                        List.of("app"),
                        Optional.empty(),
                        true,
                        List.of(),
                        getClass().getClassLoader(),
                        new EqualitySelectors(),
                        true),
                request(Optional.of(dir.resolve(".kubelint.yaml")), true))) {
            ConfigException loaded = assertThrows(
                    ConfigException.class, () -> Configuration.load(allowed).close());
            assertTrue(
                    loaded.problems().stream().noneMatch(p -> p.toString().contains("found by discovery")),
                    loaded.problems().toString());
        }
    }
}
