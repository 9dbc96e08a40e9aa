package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** kubelint config init and kubelint config schema. */
class ConfigCommandTest {

    @TempDir
    Path dir;

    @Test
    void initWritesACommentedStarterFileThatScansUnchanged() throws Exception {
        ConfigCli.Run r = ConfigCli.run(dir, "config", "init");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("wrote .kubelint.yaml with "), r::toString);
        String text = Files.readString(dir.resolve(".kubelint.yaml"));
        assertTrue(text.contains("  # duplicate-key:   # "), text);
        assertTrue(text.contains("  #   severity: error"), text);
        assertTrue(text.contains("  # unused-suppression:"), text);

        Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: a, name: b}\n");
        ConfigCli.Run scan = ConfigCli.run(dir, "pod.yaml");
        assertEquals(1, scan.code(), scan::toString);
        assertTrue(scan.out().contains("[duplicate-key]"), scan::toString);
    }

    @Test
    void initRefusesToOverwriteWithoutForce() throws Exception {
        Files.writeString(dir.resolve(".kubelint.yaml"), "strict: false\n");
        ConfigCli.Run r = ConfigCli.run(dir, "config", "init");
        assertEquals(2, r.code(), r::toString);
        assertTrue(
                r.err().startsWith("kubelint: .kubelint.yaml already exists; add --force to overwrite it"),
                r::toString);
        assertEquals("strict: false\n", Files.readString(dir.resolve(".kubelint.yaml")));
        r = ConfigCli.run(dir, "config", "init", "--force");
        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.readString(dir.resolve(".kubelint.yaml")).startsWith("# kubelint configuration"));
    }

    @Test
    void initWritesAnotherFileAndListsTheRulesOfRuleJars() throws Exception {
        ConfigCli.Run r = ConfigCli.run(dir, "config", "init", "conf/kubelint.yaml");
        assertEquals(0, r.code(), r::toString);
        assertTrue(Files.exists(dir.resolve("conf/kubelint.yaml")));
        r = ConfigCli.run(dir, "config", "init", "--rules-jar", "missing.jar", "other.yaml");
        assertEquals(2, r.code(), r::toString);
        assertEquals("kubelint: --rules-jar: rule jar missing.jar does not exist\n", r.err());
    }

    @Test
    void schemaPrintsTheConfigurationSchema() throws Exception {
        ConfigCli.Run r = ConfigCli.run(dir, "config", "schema");
        assertEquals(0, r.code(), r::toString);
        assertEquals(
                "https://kubelint.dev/schemas/kubelint-config.schema.json",
                JsonMapper.builder().build().readTree(r.out()).get("$id").asString());
    }

    @Test
    void aFolderNamedConfigIsStillScanned() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: a, name: b}\n");
        ConfigCli.Run r = ConfigCli.run(dir, "config");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("config/pod.yaml:3:21: error: duplicate key"), r::toString);
        r = ConfigCli.run(dir, "config", "unknown");
        assertEquals(2, r.code(), r::toString);
    }
}
