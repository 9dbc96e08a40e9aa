package dev.kubelint.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.testing.TestJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleJarsTest {

    @TempDir
    Path dir;

    private static String rule(String pkg, String className, String id, String body) {
        return """
                package %s;
                import dev.kubelint.core.finding.Severity;
                import dev.kubelint.core.manifest.Manifest;
                import dev.kubelint.core.rule.*;
                @RuleInfo(id = "%s", category = "team", severity = Severity.ERROR, summary = "s", rationale = "r", remediation = "m")
                public final class %s implements Rule {
                    public void check(Manifest manifest, RuleContext ctx) { %s }
                }
                """.formatted(pkg, id, className, body);
    }

    private static String provider(String pkg, String name, String constructorBody, String... rules) {
        return """
                package %s;
                import java.util.List;
                import dev.kubelint.core.rule.*;
                public final class Provider implements RuleProvider {
                    public Provider() { %s }
                    public String name() { return "%s"; }
                    public List<Rule> rules() { return List.of(%s); }
                }
                """.formatted(
                pkg,
                constructorBody,
                name,
                String.join(
                        ", ",
                        List.of(rules).stream().map(r -> "new " + r + "()").toList()));
    }

    /** The classes of every test jar, compiled once: one package per jar. */
    private static Path classes;

    @BeforeAll
    static void compile(@TempDir Path work) throws Exception {
        classes = TestJars.compile(
                work,
                Map.of(
                        "com.example.team.NoDefaultNamespace",
                                rule(
                                        "com.example.team",
                                        "NoDefaultNamespace",
                                        "no-default-namespace",
                                        "if (manifest.namespace().equals(\"default\")) ctx.report(manifest.root(), \"not in default\");"),
                        "com.example.team.Provider",
                                provider("com.example.team", "Team rules", "", "NoDefaultNamespace"),
                        "com.example.bad.Provider",
                                provider(
                                        "com.example.bad",
                                        "Bad",
                                        "throw new IllegalStateException(\"no licence key\");"),
                        "com.example.plain.Bare",
                                "package com.example.plain; public final class Bare implements dev.kubelint.core.rule.Rule {"
                                        + " public void check(dev.kubelint.core.manifest.Manifest m, dev.kubelint.core.rule.RuleContext c) {} }",
                        "com.example.plain.Provider", provider("com.example.plain", "Plain", "", "Bare"),
                        "com.example.clash.Dup", rule("com.example.clash", "Dup", "duplicate-key", ""),
                        "com.example.texts.Twice", rule("com.example.texts", "Twice", "texts-twice", ""),
                        "com.example.texts.Provider", provider("com.example.texts", "Texts", "", "Twice"),
                        "com.example.clash.Provider", provider("com.example.clash", "Clashing rules", "", "Dup")));
    }

    private Path jar(String name, String pkg) throws Exception {
        String folder = pkg.isEmpty() ? "" : pkg.replace('.', '/');
        Map<String, String> services =
                pkg.isEmpty() ? TestJars.services("com.example.Gone") : TestJars.services(pkg + ".Provider");
        return TestJars.pack(classes, folder, services, dir.resolve(name + ".jar"));
    }

    private Path teamJar() throws Exception {
        return jar("team", "com.example.team");
    }

    private static RuleJars.Jar jar(Path path) {
        return new RuleJars.Jar(path, path.getFileName().toString(), "--rules-jar");
    }

    private String problem(List<RuleJars.Jar> jars) {
        ConfigException e = assertThrows(
                ConfigException.class, () -> RuleJars.load(jars, getClass().getClassLoader()));
        assertEquals(1, e.problems().size());
        return e.getMessage();
    }

    @Test
    void loadsTheJarsRulesWithAnOriginNamingTheJar() throws Exception {
        Path jar = teamJar();
        try (RuleJars jars =
                RuleJars.load(List.of(jar(jar), jar(jar)), getClass().getClassLoader())) {
            assertEquals(1, jars.descriptors().size(), "the same jar twice is loaded once");
            RuleDescriptor d = jars.descriptors().get(0);
            assertEquals("no-default-namespace", d.id());
            assertEquals("Team rules (team.jar)", d.origin());
            assertTrue(d.rule().getClass().getClassLoader() instanceof java.net.URLClassLoader);

            Files.writeString(
                    dir.resolve("cm.yaml"),
                    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: default}\n");
            RuleCatalog catalog = RuleCatalog.load(getClass().getClassLoader()).plus(jars.descriptors());
            LintResult result = new Linter()
                    .lint(LintRequest.of(List.of("cm.yaml"), dir, catalog).withJobs(1));
            assertEquals(
                    List.of("no-default-namespace"),
                    result.findings().stream().map(Finding::ruleId).toList());
        }
    }

    @Test
    void badJarsAreOneLineErrors() throws Exception {
        assertEquals(
                "--rules-jar: rule jar missing.jar does not exist", problem(List.of(jar(dir.resolve("missing.jar")))));
        Files.writeString(dir.resolve("text.jar"), "not a zip");
        assertEquals(
                "--rules-jar: rule jar text.jar is not a jar (zip) file",
                problem(List.of(jar(dir.resolve("text.jar")))));
        TestJars.pack(classes, "", Map.of("readme.txt", "nothing"), dir.resolve("empty.jar"));
        assertEquals(
                "--rules-jar: rule jar empty.jar registers no rule provider (it has no "
                        + "META-INF/services/dev.kubelint.core.rule.RuleProvider)",
                problem(List.of(jar(dir.resolve("empty.jar")))));
    }

    @Test
    void providersThatCannotLoadAreOneLineErrors() throws Exception {
        Path missingClass = jar("missing-class", "");
        assertTrue(
                problem(List.of(jar(missingClass)))
                        .startsWith("--rules-jar: rule jar missing-class.jar has a rule provider"
                                + " that cannot be loaded: "),
                () -> problem(List.of(jar(missingClass))));
        Path throwing = jar("throwing", "com.example.bad");
        String message = problem(List.of(jar(throwing)));
        assertTrue(message.startsWith("--rules-jar: rule jar throwing.jar "), message);
        assertTrue(message.contains("IllegalStateException: no licence key"), message);
        Path noAnnotation = jar("plain", "com.example.plain");
        assertEquals(
                "--rules-jar: rule jar plain.jar rule com.example.plain.Bare of provider com.example.plain.Provider cannot"
                        + " be used: IllegalArgumentException: rule class com.example.plain.Bare has no @RuleInfo",
                problem(List.of(jar(noAnnotation))));
    }

    @Test
    void aBrokenRuleTextResourceIsAOneLineErrorWhenTheJarLoads() throws Exception {
        Map<String, String> resources = new java.util.HashMap<>(TestJars.services("com.example.texts.Provider"));
        resources.put("com/example/texts/Twice.yaml", "rationale: Also in the resource.\n");
        Path twice = TestJars.pack(classes, "com/example/texts", resources, dir.resolve("texts.jar"));
        assertEquals(
                "--rules-jar: rule jar texts.jar rule com.example.texts.Twice of provider com.example.texts.Provider"
                        + " cannot be used: IllegalArgumentException: rule class com.example.texts.Twice gives its"
                        + " rationale twice: in @RuleInfo and in Twice.yaml",
                problem(List.of(jar(twice))));
    }

    @Test
    void aClashOfRuleIdsIsReportedByTheCatalog() throws Exception {
        Path clash = jar("clash", "com.example.clash");
        try (RuleJars jars = RuleJars.load(List.of(jar(clash)), getClass().getClassLoader())) {
            RuleCatalog.RuleLoadingException e = assertThrows(
                    RuleCatalog.RuleLoadingException.class,
                    () -> RuleCatalog.load(getClass().getClassLoader()).plus(jars.descriptors()));
            assertTrue(
                    e.getMessage().startsWith("rule id duplicate-key is defined twice: by kubelint core"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Clashing rules (clash.jar)"), e.getMessage());
        }
    }

    @Test
    void aJarFromTheConfigurationFileNamesItsLine() throws Exception {
        RuleJars.Jar fromFile = new RuleJars.Jar(dir.resolve("lib/x.jar"), "lib/x.jar", ".kubelint.yaml:3:5");
        assertEquals(".kubelint.yaml:3:5: rule jar lib/x.jar does not exist", problem(List.of(fromFile)));
    }
}
