package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule jars from the command line and the configuration file; a rule that throws; --debug. */
class RuleJarCliTest {

    @TempDir
    Path dir;

    /** Compiled once for the class: the compiler is the slow part. */
    private static Path built;

    private Path jar;

    @BeforeAll
    static void buildJar(@TempDir Path work) throws Exception {
        Path src = work.resolve("src/com/example/fragile");
        Files.createDirectories(src);
        Files.writeString(src.resolve("FragileRule.java"), """
                package com.example.fragile;
                import dev.kubelint.core.finding.Severity;
                import dev.kubelint.core.manifest.Manifest;
                import dev.kubelint.core.rule.*;
                @RuleInfo(id = "fragile-rule", category = "team", severity = Severity.WARNING,
                        summary = "Fails on ConfigMaps", rationale = "r", remediation = "m")
                public final class FragileRule implements Rule {
                    public void check(Manifest manifest, RuleContext ctx) {
                        if (manifest.kind().equals("ConfigMap")) {
                            throw new IllegalStateException("cannot handle " + manifest.name());
                        }
                        ctx.report(manifest.root(), "checked " + manifest.name());
                    }
                }
                """);
        Files.writeString(src.resolve("Provider.java"), """
                package com.example.fragile;
                public final class Provider implements dev.kubelint.core.rule.RuleProvider {
                    public String name() { return "Fragile rules"; }
                    public java.util.List<dev.kubelint.core.rule.Rule> rules() { return java.util.List.of(new FragileRule()); }
                }
                """);
        Path resources = work.resolve("res/META-INF/services");
        Files.createDirectories(resources);
        Files.writeString(resources.resolve("dev.kubelint.core.rule.RuleProvider"), "com.example.fragile.Provider\n");
        built = TestJars.build(work.resolve("src"), work.resolve("res"), work, "fragile");
    }

    @BeforeEach
    void files() throws Exception {
        jar = Files.copy(built, dir.resolve("fragile.jar"));
        Files.writeString(dir.resolve("objects.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: token}
                """);
    }

    @Test
    void aRuleThatThrowsIsIsolatedAndDebugAddsTheStackTrace() {
        ConfigCli.Run r = ConfigCli.run(dir, "--rules-jar", "fragile.jar", "objects.yaml");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out()
                        .contains("objects.yaml:1:1: error: rule fragile-rule failed on ConfigMap settings:"
                                + " IllegalStateException (cannot handle settings); the other rules ran normally"
                                + " (run with --debug for the stack trace) [rule-failure]"),
                r::toString);
        assertTrue(r.out().contains("objects.yaml:5:1: warning: checked token [fragile-rule]"), r::toString);
        assertTrue(!r.out().contains("\tat "), r::toString);

        ConfigCli.Run debug = ConfigCli.run(dir, "--rules-jar", "fragile.jar", "--debug", "objects.yaml");
        assertEquals(1, debug.code(), debug::toString);
        assertTrue(debug.out().contains("java.lang.IllegalStateException: cannot handle settings"), debug::toString);
        // the trace stays on the finding's line, its line breaks escaped like every control character of a message
        assertTrue(
                debug.out().contains("\\n\\tat ")
                        && debug.out().contains("com.example.fragile.FragileRule.check(FragileRule.java:10)"),
                debug::toString);
    }

    @Test
    void aDiscoveredConfigurationLoadsItsRuleJarsOnlyWithTrustConfig() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("lib"));
        Files.copy(jar, dir.resolve("lib/fragile.jar"));
        Files.writeString(dir.resolve(".kubelint.yaml"), "rules-jars: [lib/fragile.jar]\n");
        ConfigCli.Run refused = ConfigCli.run(dir, "objects.yaml");
        assertEquals(2, refused.code(), refused::toString);
        assertTrue(
                refused.err()
                        .startsWith("kubelint: .kubelint.yaml:1:14: rules-jars: a configuration file found by"
                                + " discovery does not load rule jars"),
                refused::toString);
        assertEquals("", refused.out());

        ConfigCli.Run trusted = ConfigCli.run(dir, "--trust-config", "objects.yaml");
        assertTrue(
                trusted.out().contains("objects.yaml:5:1: warning: checked token [fragile-rule]"), trusted::toString);
        ConfigCli.Run ignored = ConfigCli.run(dir, "--no-config", "objects.yaml");
        assertFalse(ignored.out().contains("fragile-rule"), ignored::toString);
    }

    @Test
    void jarsFromTheConfigurationFileAreRelativeToIt() throws Exception {
        Files.createDirectories(dir.resolve("conf/lib"));
        Files.copy(jar, dir.resolve("conf/lib/fragile.jar"));
        Files.writeString(dir.resolve("conf/kubelint.yaml"), """
                rules-jars: [lib/fragile.jar]
                rules:
                  fragile-rule: {severity: info}
                """);
        ConfigCli.Run r = ConfigCli.run(dir, "--config", "conf/kubelint.yaml", "objects.yaml");
        assertTrue(r.out().contains("objects.yaml:5:1: info: checked token [fragile-rule]"), r::toString);
        Files.writeString(dir.resolve("conf/kubelint.yaml"), "rules-jars: [lib/missing.jar]\n");
        r = ConfigCli.run(dir, "--config", "conf/kubelint.yaml", "objects.yaml");
        assertEquals(2, r.code(), r::toString);
        assertEquals("kubelint: conf/kubelint.yaml:1:14: rule jar conf/lib/missing.jar does not exist\n", r.err());
    }

    @Test
    void aBadJarOrAClashIsAOneLineUsageError() throws Exception {
        Files.writeString(dir.resolve("notes.jar"), "plain text");
        ConfigCli.Run r = ConfigCli.run(dir, "--rules-jar", "notes.jar", "objects.yaml");
        assertEquals(2, r.code(), r::toString);
        assertEquals("kubelint: --rules-jar: rule jar notes.jar is not a jar (zip) file\n", r.err());

        Files.copy(jar, dir.resolve("copy.jar"));
        r = ConfigCli.run(dir, "--rules-jar", "fragile.jar", "--rules-jar", "copy.jar", "objects.yaml");
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(
                r.err()
                        .startsWith("kubelint: rule id fragile-rule is defined twice: by Fragile rules (fragile.jar)"
                                + " (com.example.fragile.FragileRule) and by Fragile rules (copy.jar)"),
                r::toString);
        assertTrue(r.clean(), r::toString);
    }

    @Test
    void rulesShowsTheOriginOfEachRuleWhenRuleJarsAreLoaded() {
        ConfigCli.Run r = ConfigCli.run(dir, "rules", "--rules-jar", "fragile.jar");
        assertEquals(0, r.code(), r::toString);
        java.util.List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("ID +SEVERITY +ON +CATEGORY +SUMMARY +ORIGIN"), lines.get(0));
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.matches(
                                "fragile-rule +warning +on +team +Fails on ConfigMaps +Fragile " + "rules.*")),
                r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.matches("image-tag +.* +kubelint")), r::toString);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 100), r::toString);
        ConfigCli.Run missing = ConfigCli.run(dir, "rules", "--rules-jar", "missing.jar");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("kubelint: --rules-jar: "), missing::toString);
    }
}
