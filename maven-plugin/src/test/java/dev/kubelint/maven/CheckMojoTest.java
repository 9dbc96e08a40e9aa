package dev.kubelint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.cli.Main;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.run.LintPlan;
import dev.kubelint.core.run.OptionProblem;
import dev.kubelint.core.run.OptionsException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mojo as Maven drives it, without Maven: fields set as Maven would inject them, the log recorded. */
class CheckMojoTest {

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @Test
    void givesTheSameFindingsAsTheCommandLineOnTheSameFolder() throws Exception {
        write("src/main/k8s/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        write(
                "src/main/k8s/broken.yaml",
                "apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: 80\n     x: 1\n");
        write(
                "src/main/k8s/nested/tagged.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n" + "data:\n  A: !env X\n");
        write(
                "src/main/k8s/nested/status.json",
                "{\"apiVersion\": \"v1\", \"kind\": \"Service\", "
                        + "\"metadata\": {\"name\": \"s\"}, \"spec\": {\"ports\": [{\"port\": 80}]}, "
                        + "\"status\": {\"loadBalancer\": {}}}\n");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"--quiet", "src/main/k8s"},
                new Main.Environment(project, InputStream.nullInputStream(), Map.of(), false),
                new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(Main.FINDINGS, code, err.toString());
        List<String> fromCli = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            // "file:line:col: severity: message [rule]" becomes Maven's "[SEVERITY] file:line:col: message [rule]"
            String[] parts = line.split(": (?=(error|warning|info): )", 2);
            String[] severityAndRest = parts[1].split(": ", 2);
            String level = severityAndRest[0].equals("warning") ? "WARNING" : severityAndRest[0].toUpperCase();
            fromCli.add("[" + level + "] " + parts[0] + ": " + severityAndRest[1]);
        }

        CheckMojo mojo = mojo();
        set(mojo, "failOn", "none");
        mojo.execute();
        List<String> fromPlugin =
                log.lines.stream().filter(l -> l.contains("src/main/k8s/")).toList();

        assertEquals(4, fromCli.size(), out.toString());
        assertEquals(fromCli, fromPlugin);
    }

    @Test
    void passesEveryOptionToTheRequest() throws Exception {
        CheckMojo mojo = mojo();
        set(mojo, "includes", List.of("prod/**"));
        set(mojo, "excludes", List.of("**/kustomization.yaml"));
        set(mojo, "kubernetesVersion", "1.30");
        set(mojo, "strict", false);
        set(mojo, "failOn", "warning");
        Path k8s = project.resolve("k8s");

        LintPlan plan = mojo.request(project, List.of(k8s)).build();

        LintRequest request = plan.request();
        assertEquals(List.of(k8s.toString()), request.inputs());
        assertEquals(project, request.workingDirectory());
        assertEquals(List.of("prod/**"), request.includes());
        assertEquals(List.of("**/kustomization.yaml"), request.excludes());
        assertEquals("1.30", request.settings().kubernetesVersion());
        assertEquals(false, request.settings().strict());
        assertEquals(Optional.of(Severity.WARNING), plan.failOn());
        assertTrue(
                request.catalog().contains("duplicate-key") && request.catalog().contains("status-section"),
                "core and built-in rules are found on the plugin's class loader");
    }

    @Test
    void leavesUnsetOptionsToTheDefaults() throws Exception {
        LintRequest request =
                mojo().request(project, List.of(project.resolve("k8s"))).build().request();
        assertEquals(LintSettings.DEFAULTS, request.settings());
        assertEquals(List.of(), request.includes());
        assertTrue(request.objectFilter().isEmpty());
    }

    @Test
    void usesTheFirstDefaultFolderThatExists() throws Exception {
        write("src/main/jkube/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        write("k8s/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        CheckMojo mojo = mojo();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "kubelint found 1 error, 0 warnings, 0 infos (failOn: error); see the lines above and the reports"
                        + " target/kubelint/kubelint.json",
                e.getMessage());
        assertTrue(
                log.lines.contains("[ERROR] src/main/jkube/a.yaml:5:3: duplicate key \"name\": first at line 4,"
                        + " column 3; kubectl silently keeps this last value [duplicate-key]"),
                log.lines::toString);
        assertTrue(log.lines.stream().noneMatch(l -> l.contains("k8s/b.yaml")), log.lines::toString);
        assertTrue(Files.isRegularFile(project.resolve("target/kubelint/kubelint.json")));
    }

    @Test
    void skipsAProjectWithoutManifestsInOneLine() throws Exception {
        write("src/main/java/App.java", "class App {}\n");
        mojo().execute();
        assertEquals(
                List.of("[INFO] kubelint: no manifest directory (src/main/k8s, src/main/kubernetes, src/main/jkube,"
                        + " k8s, src/main/helm), skipping"),
                log.lines);
        assertTrue(Files.notExists(project.resolve("target/kubelint")));
    }

    @Test
    void aConfiguredFolderThatDoesNotExistFailsTheBuild() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        CheckMojo mojo = mojo();
        set(mojo, "sourceDirectories", List.of(new File("k8s"), new File("deploy"), new File("charts/out")));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "kubelint: sourceDirectories: no such folder or file: deploy, charts/out (the default folders are "
                        + "optional; configured ones are not)",
                e.getMessage());
        assertEquals(List.of(), log.lines, "nothing is linted");
    }

    @Test
    void theJUnitReportFailsWhatTheBuildFailsOn() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  A: !env X\n");
        CheckMojo mojo = mojoWithFormats("junit");
        mojo.execute();
        String junit = Files.readString(project.resolve("target/kubelint/TEST-kubelint.xml"));
        assertTrue(junit.contains("failures=\"0\""), junit);
        assertTrue(!junit.contains("<failure"), junit);
        assertTrue(junit.contains("below the failure threshold: k8s/a.yaml:6:6: warning: YAML tag !env"), junit);

        mojo = mojoWithFormats("junit");
        set(mojo, "failOn", "warning");
        assertThrows(MojoFailureException.class, mojo::execute);
        junit = Files.readString(project.resolve("target/kubelint/TEST-kubelint.xml"));
        assertTrue(junit.contains("<failure message=\"k8s/a.yaml:6:6: warning: YAML tag !env"), junit);
    }

    @Test
    void pathsAreRelativeToTheFolderTheBuildStartedInAlsoWithDashF() throws Exception {
        write("app/k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        CheckMojo mojo = mojo();
        // mvn -f app/pom.xml from the project folder: the reactor root is app, the build started one level up
        set(mojo, "baseDirectory", project.resolve("app").toFile());
        set(mojo, "executionRootDirectory", project.resolve("app").toFile());
        set(mojo, "invocationDirectory", project.toFile());
        set(mojo, "failOn", "none");
        mojo.execute();
        assertTrue(
                log.lines.contains("[ERROR] app/k8s/a.yaml:5:3: duplicate key \"name\": first at line 4,"
                        + " column 3; kubectl silently keeps this last value [duplicate-key]"),
                log.lines::toString);

        // an IDE that runs Maven from an unrelated folder: relative to the reactor root
        mojo = mojo();
        set(mojo, "baseDirectory", project.resolve("app").toFile());
        set(mojo, "executionRootDirectory", project.resolve("app").toFile());
        set(mojo, "invocationDirectory", project.resolve("elsewhere").toFile());
        set(mojo, "failOn", "none");
        mojo.execute();
        assertTrue(log.lines.stream().anyMatch(l -> l.startsWith("[ERROR] k8s/a.yaml:5:3: ")), log.lines::toString);
    }

    @Test
    void aBaselineAcceptsTodaysFindingsAndAnUpdateWritesIt() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        CheckMojo mojo = mojo();
        set(mojo, "baselineFile", new File("kubelint-baseline.json"));
        set(mojo, "updateBaseline", true);
        mojo.execute();
        assertTrue(
                log.lines.contains("[INFO] kubelint: baseline kubelint-baseline.json: 1 finding accepted (1 added, "
                        + "0 removed)"),
                log.lines::toString);
        assertTrue(
                Files.readString(project.resolve("kubelint-baseline.json")).contains("\"ruleId\": \"duplicate-key\""));

        write("k8s/a.yaml", "# moved\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        mojo = mojo();
        set(mojo, "baselineFile", new File("kubelint-baseline.json"));
        mojo.execute();
        assertTrue(
                log.lines.stream()
                        .anyMatch(l -> l.contains("0 errors, 0 warnings, 0 infos, 0 suppressed, 1 baselined")),
                log.lines::toString);

        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        mojo = mojo();
        set(mojo, "baselineFile", new File("kubelint-baseline.json"));
        mojo.execute();
        assertTrue(
                log.lines.contains("[WARNING] kubelint:   k8s/a.yaml: duplicate-key ConfigMap b at /metadata/name"),
                log.lines::toString);
    }

    @Test
    void theConfigurationComesFromAFileAUrlOrAResourceOfThePluginsDependencies() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        write("shared/team.yaml", "rules:\n  duplicate-key: warning\n");
        Path jar = project.resolve("team-config.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("kubelint/team.yaml"));
            out.write("rules:\n  duplicate-key: info\n".getBytes(StandardCharsets.UTF_8));
        }
        List<String> locations = List.of(
                "shared/team.yaml",
                project.resolve("shared/team.yaml").toUri().toString(),
                "jar:" + jar.toUri() + "!/kubelint/team.yaml",
                "kubelint/team.yaml",
                "/kubelint/team.yaml");
        List<String> levels = List.of("[WARNING]", "[WARNING]", "[INFO]", "[INFO]", "[INFO]");
        for (int i = 0; i < locations.size(); i++) {
            CheckMojo mojo = mojo();
            set(mojo, "configLocation", locations.get(i));
            try (java.net.URLClassLoader plugin = new java.net.URLClassLoader(
                    new java.net.URL[] {jar.toUri().toURL()}, CheckMojo.class.getClassLoader())) {
                Thread.currentThread().setContextClassLoader(plugin);
                Path file = ConfigLocation.resolve(
                        locations.get(i), project, project.resolve("target/kubelint/config"), plugin);
                set(mojo, "configFile", file.toFile());
                mojo.execute();
            }
            String level = levels.get(i);
            assertTrue(
                    log.lines.stream().anyMatch(l -> l.startsWith(level + " k8s/a.yaml:5:3: ")),
                    locations.get(i) + ": " + log.lines);
        }
        OptionsException e = assertThrows(
                OptionsException.class,
                () -> ConfigLocation.resolve(
                        "nowhere/team.yaml",
                        project,
                        project.resolve("target/kubelint/config"),
                        CheckMojo.class.getClassLoader()));
        assertEquals(
                "configLocation: 'nowhere/team.yaml' is neither a file of the project, nor a URL, nor a resource "
                        + "of the plugin's dependencies",
                e.getMessage());
    }

    @Test
    void badOptionsAreConfigurationErrors() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        CheckMojo mojo = mojo();
        set(mojo, "failOn", "fatal");
        assertEquals(
                "kubelint: failOn: failure threshold 'fatal' is not one of error, warning, info, none",
                assertThrows(MojoExecutionException.class, mojo::execute).getMessage());

        mojo = mojo();
        set(mojo, "kubernetesVersion", "1.12");
        set(mojo, "excludes", List.of("[a"));
        assertEquals(
                "kubelint: excludes: invalid glob '[a': Missing '] near index 1\n"
                        + "kubelint: kubernetesVersion: Kubernetes version '1.12' is not one of the bundled releases "
                        + "1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"
                        + " (give a minor release such as 1.31, or a patch release such as 1.31.4)",
                assertThrows(MojoExecutionException.class, mojo::execute).getMessage());

        mojo = mojo();
        set(mojo, "configFile", new File("missing.yaml"));
        assertEquals(
                "kubelint: missing.yaml: no such configuration file",
                assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
    }

    @Test
    void theSameBadOptionsGiveTheSameProblemsAsOnTheCommandLine() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        write("kubelint.yaml", "rules:\n  duplicate-keys: off\n");
        CheckMojo mojo = mojo();
        set(mojo, "failOn", "fatal");
        set(mojo, "kubernetesVersion", "1.99");
        set(mojo, "includes", List.of("a[b"));
        set(mojo, "excludes", List.of("[x"));
        set(mojo, "selector", "app in (web");
        set(mojo, "configFile", new File("kubelint.yaml"));
        OptionsException fromPlugin = assertThrows(
                OptionsException.class,
                () -> mojo.request(project, List.of(project.resolve("k8s"))).build());

        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {
                    "--fail-on",
                    "fatal",
                    "--kubernetes-version",
                    "1.99",
                    "--include",
                    "a[b",
                    "--exclude",
                    "[x",
                    "--selector",
                    "app in (web",
                    "--config",
                    "kubelint.yaml",
                    "k8s"
                },
                new Main.Environment(project, InputStream.nullInputStream(), Map.of(), false),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(Main.USAGE, code);

        // each front end names the option its own way; what is wrong is said the same
        List<String> cliLines = err.toString().lines().toList();
        List<String> expected = new ArrayList<>();
        for (OptionProblem p : fromPlugin.problems()) {
            expected.add(
                    "kubelint: " + p.option().map(o -> "--" + o.label() + ": ").orElse("") + p.message());
        }
        assertEquals(expected, cliLines);
        assertEquals(6, cliLines.size(), cliLines::toString);
        assertTrue(
                cliLines.get(5)
                        .endsWith("kubelint.yaml:2:3: unknown rule id \"duplicate-keys\"; did you mean "
                                + "\"duplicate-key\"?"),
                cliLines::toString);
        assertEquals(
                "kubelint: kubernetesVersion: Kubernetes version '1.99' is not one of the bundled releases "
                        + "1.23, 1.24, 1.25, 1.26, 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35"
                        + " (give a minor release such as 1.31, or a patch release such as 1.31.4)",
                CheckMojo.problems(fromPlugin)
                        .lines()
                        .filter(l -> l.contains("1.99"))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void excludesAddToThoseOfTheConfigurationFile() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        write("k8s/generated/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        write("k8s/tmp/c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
        write(".kubelint.yaml", "exclude: [\"generated/**\"]\n");
        CheckMojo mojo = mojo();
        set(mojo, "excludes", List.of("tmp/**"));
        set(mojo, "failOn", "none");
        try (LintPlan plan =
                mojo.request(project, List.of(project.resolve("k8s"))).build()) {
            assertEquals(List.of("generated/**", "tmp/**"), plan.request().excludes());
        }
        mojo.execute();
        List<String> findings =
                log.lines.stream().filter(l -> l.contains("[duplicate-key]")).toList();
        assertEquals(1, findings.size(), log.lines::toString);
        assertTrue(findings.get(0).contains("k8s/a.yaml:5:3"), findings::toString);
    }

    @Test
    void writesNoReportForFormatsNone() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        CheckMojo mojo = mojoWithFormats("none");
        mojo.execute();
        assertEquals(
                List.of("[INFO] k8s: 0 errors, 0 warnings, 0 infos, 0 suppressed in 1 file, 1 object"),
                log.lines.stream().map(l -> l.replaceFirst(" \\(.*s\\)$", "")).toList());
        assertTrue(Files.notExists(project.resolve("target/kubelint")));
    }

    @Test
    void noValueOrFileNameForgesALogLineAndALoneSurrogateLeavesEveryReportComplete() throws Exception {
        write(
                "src/main/k8s/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n"
                        + "  \"a\\n[INFO] BUILD SUCCESS\\e[32m\\uD800\": x\n  \"a\\n[INFO] BUILD SUCCESS\\e[32m\\uD800\": y\n");
        write("src/main/k8s/evil\n[ERROR] forged.yaml", "kind: A\nkind: B\n");
        CheckMojo mojo = mojo();
        set(mojo, "failOn", "none");
        set(mojo, "formats", List.of("json,sarif,junit,github,text"));
        mojo.execute();
        List<String> findings =
                log.lines.stream().filter(l -> l.contains("src/main/k8s/")).toList();
        assertTrue(
                findings.stream()
                        .anyMatch(l -> l.contains("duplicate key \"a\\n[INFO] BUILD SUCCESS\\u001b[32m\uFFFD\"")),
                String.join("\n", log.lines));
        assertTrue(
                findings.stream().anyMatch(l -> l.startsWith("[ERROR] src/main/k8s/evil\\n[ERROR] forged.yaml:2:1: ")),
                String.join("\n", log.lines));
        for (String line : log.lines) {
            assertTrue(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f), line);
        }
        for (String report : List.of(
                "kubelint.json", "kubelint.sarif", "TEST-kubelint.xml", "kubelint-github.txt", "kubelint.txt")) {
            Path file = project.resolve("target/kubelint").resolve(report);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            assertTrue(text.contains("\uFFFD"), report + ": " + text);
        }
        assertEquals(5, Files.list(project.resolve("target/kubelint")).count());
    }

    @Test
    void theConfigurationsReportsAreWrittenUnlessFormatsNamesOthers() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  A: !env X\n");
        write("kubelint.yaml", "reports:\n  - {format: html, file: build/site/kubelint.html}\n  - format: json\n");
        CheckMojo mojo = mojoOfConfiguration(null);
        mojo.execute();
        assertTrue(Files.readString(project.resolve("build/site/kubelint.html")).contains("<!DOCTYPE html>"));
        assertTrue(Files.readString(project.resolve("target/kubelint/kubelint.json"))
                .contains("\"yaml-tag\""));
        assertTrue(
                log.lines.contains("[INFO] Reports: build/site/kubelint.html, target/kubelint/kubelint.json"),
                log.lines.toString());
        assertTrue(
                Files.notExists(project.resolve("target/kubelint/kubelint.sarif")),
                "the default formats are not added");

        // formats replace the configuration's reports
        Files.delete(project.resolve("build/site/kubelint.html"));
        mojo = mojoOfConfiguration(List.of("sarif"));
        mojo.execute();
        assertTrue(Files.exists(project.resolve("target/kubelint/kubelint.sarif")));
        assertTrue(Files.notExists(project.resolve("build/site/kubelint.html")));

        // without either, the default: SARIF and JUnit (Maven gives an unset list as an empty one)
        Files.delete(project.resolve("target/kubelint/kubelint.sarif"));
        mojo = mojoWithFormats();
        mojo.execute();
        assertTrue(Files.exists(project.resolve("target/kubelint/kubelint.sarif")));
        assertTrue(Files.exists(project.resolve("target/kubelint/TEST-kubelint.xml")));
    }

    @Test
    void aReportOfTheConfigurationThatWouldOverwriteAManifestFailsBeforeTheScan() throws Exception {
        write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        write("kubelint.yaml", "reports:\n  - {format: json, file: k8s/a.yaml}\n");
        CheckMojo mojo = mojoOfConfiguration(null);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("the report file k8s/a.yaml is one of the scanned inputs"), e.getMessage());
        assertEquals(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
                Files.readString(project.resolve("k8s/a.yaml")));
    }

    private CheckMojo mojo() throws Exception {
        log.lines.clear();
        CheckMojo mojo = new CheckMojo();
        mojo.setLog(log.log);
        set(mojo, "baseDirectory", project.toFile());
        set(mojo, "executionRootDirectory", project.toFile());
        set(mojo, "outputDirectory", project.resolve("target/kubelint").toFile());
        set(mojo, "failOn", "error");
        set(mojo, "formats", List.of("json"));
        return mojo;
    }

    private CheckMojo mojoWithFormats(String... formats) throws Exception {
        CheckMojo mojo = mojo();
        set(mojo, "formats", List.of(formats));
        return mojo;
    }

    /** A mojo that reads kubelint.yaml, with the given formats (null: the parameter left unset). */
    private CheckMojo mojoOfConfiguration(List<String> formats) throws Exception {
        CheckMojo mojo = mojo();
        set(mojo, "configFile", new File("kubelint.yaml"));
        set(mojo, "formats", formats);
        return mojo;
    }

    private static void set(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
