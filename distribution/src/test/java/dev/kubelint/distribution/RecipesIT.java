package dev.kubelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The CI recipes of this repository run as written: the GitHub Action's run step with the runner's environment
 * faked, the pre-commit hook, and the GitLab CI and Jenkins jobs' commands, each against a Maven repository in a
 * temporary folder that holds the runnable jar of this build as release 9.9.9 (no network).
 */
class RecipesIT {

    private static final String VERSION = "9.9.9";
    private static final Path ROOT =
            Path.of(System.getProperty("kubelint.root")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private Path repository;
    private Path workspace;

    private static final String POD = Manifests.read("flow-ports-pod.yaml");

    @BeforeEach
    void repositoryAndWorkspace() throws Exception {
        repository = tmp.resolve("repository");
        Path artifact = Files.createDirectories(repository.resolve("dev/kubelint/kubelint-cli/" + VERSION));
        Path jar = Files.copy(
                Path.of(System.getProperty("kubelint.jar")), artifact.resolve("kubelint-cli-" + VERSION + "-all.jar"));
        Files.writeString(
                artifact.resolve(jar.getFileName() + ".sha1"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(jar))));
        Files.writeString(repository.resolve("dev/kubelint/kubelint-cli/maven-metadata.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                  <groupId>dev.kubelint</groupId>
                  <artifactId>kubelint-cli</artifactId>
                  <versioning>
                    <latest>9.9.9</latest>
                    <release>9.9.9</release>
                    <versions><version>9.9.9</version></versions>
                  </versioning>
                </metadata>
                """);
        workspace = Files.createDirectories(tmp.resolve("workspace"));
        Files.createDirectories(workspace.resolve("k8s"));
        Files.writeString(workspace.resolve("k8s/pod.yaml"), POD);
        Files.writeString(workspace.resolve("k8s/ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8));
    }

    /** The environment of a CI job: a PATH that finds this build's java, curl and the usual tools. */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", tmp.toString());
        return env;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGithubActionAnnotatesAndWritesSarifAndFailsOnItsThreshold() throws Exception {
        Map<String, Object> action = yaml("action.yml");
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        assertTrue(
                inputs.keySet().containsAll(List.of("paths", "formats", "fail-on", "version", "upload-sarif")),
                inputs::toString);
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertEquals("composite", runs.get("using"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
        Map<String, Object> step = steps.stream()
                .filter(s -> "kubelint".equals(s.get("id")))
                .findFirst()
                .orElseThrow();
        assertTrue(steps.get(steps.size() - 1).get("uses").toString().startsWith("github/codeql-action/upload-sarif@"));

        Map<String, String> given = new HashMap<>();
        given.put("paths", "k8s/pod.yaml\nk8s/ok.yaml");
        given.put("version", "latest");
        given.put("repository", repository.toUri().toString());
        DistributionIT.Result r = runStep(step, inputs, given);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().contains("::error file=k8s/pod.yaml,line=9,col=31,"), r.toString());
        Map<String, String> outputs = outputs();
        assertEquals("1", outputs.get("exit-code"));
        String sarif = Files.readString(Path.of(outputs.get("sarif-file")));
        assertTrue(sarif.contains("\"version\" : \"2.1.0\"") || sarif.contains("\"version\": \"2.1.0\""), sarif);
        assertTrue(sarif.contains("port-range"));

        // fail-on none: the same annotations, a passing step; a release that does not exist: a clear failure
        given.put("fail-on", "none");
        given.put("formats", "github, junit");
        DistributionIT.Result lenient = runStep(step, inputs, given);
        assertEquals(0, lenient.code(), lenient.toString());
        assertTrue(lenient.out().contains("::error file=k8s/pod.yaml"), lenient.toString());
        assertTrue(Files.readString(Path.of(outputs().get("reports-dir"), "kubelint.xml"))
                .contains("<failure"));
        given.put("version", "1.2.3");
        DistributionIT.Result missing = runStep(step, inputs, given);
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(
                missing.err()
                        .contains("kubelint: cannot fetch " + repository.toUri() + "dev/kubelint/kubelint-cli/"
                                + "1.2.3/kubelint-cli-1.2.3-all.jar"),
                missing.toString());
    }

    @Test
    void aJarThatDoesNotMatchItsChecksumIsNotRun() throws Exception {
        Path sha1 = repository.resolve(
                "dev/kubelint/kubelint-cli/" + VERSION + "/kubelint-cli-" + VERSION + "-all.jar.sha1");
        Files.writeString(sha1, "0".repeat(40));
        Map<String, String> env = environment();
        env.put("KUBELINT_REPOSITORY", repository.toUri().toString());
        env.put("KUBELINT_CACHE", tmp.resolve("cache").toString());
        DistributionIT.Result r =
                DistributionIT.run(List.of(ROOT.resolve("ci/fetch-kubelint.sh").toString(), VERSION), workspace, env);
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("does not match its SHA-1 checksum"), r.toString());
        assertFalse(Files.exists(tmp.resolve("cache/" + VERSION + "/kubelint.jar")));
    }

    /** Runs the action's step as the runner would: inputs substituted into its env, GITHUB_* variables set. */
    @SuppressWarnings("unchecked")
    private DistributionIT.Result runStep(
            Map<String, Object> step, Map<String, Object> inputs, Map<String, String> given) throws Exception {
        Map<String, String> env = environment();
        env.put("GITHUB_ACTION_PATH", ROOT.toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_OUTPUT", tmp.resolve("github-output").toString());
        env.put(
                "RUNNER_TEMP",
                Files.createDirectories(tmp.resolve("runner-temp")).toString());
        env.put("GITHUB_ACTIONS", "true");
        env.put("CI", "true");
        Files.deleteIfExists(tmp.resolve("github-output"));
        Pattern expression = Pattern.compile("\\$\\{\\{ *(inputs|runner)\\.([a-z_-]+) *}}");
        for (Map.Entry<String, Object> e : ((Map<String, Object>) step.get("env")).entrySet()) {
            Matcher m = expression.matcher(e.getValue().toString());
            StringBuilder value = new StringBuilder();
            while (m.find()) {
                String replacement = m.group(1).equals("runner")
                        ? tmp.resolve("tool-cache").toString()
                        : given.getOrDefault(
                                m.group(2),
                                String.valueOf(((Map<String, Object>) inputs.get(m.group(2))).get("default")));
                m.appendReplacement(value, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(value);
            env.put(e.getKey(), value.toString());
        }
        assertEquals("bash", step.get("shell"));
        return DistributionIT.run(
                List.of("bash", "-e", "-o", "pipefail", "-c", step.get("run").toString()), workspace, env);
    }

    private Map<String, String> outputs() throws Exception {
        Map<String, String> outputs = new HashMap<>();
        for (String line : Files.readAllLines(tmp.resolve("github-output"))) {
            int eq = line.indexOf('=');
            outputs.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return outputs;
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePreCommitHookChecksTheFilesItIsGiven() throws Exception {
        List<Map<String, Object>> hooks = (List<Map<String, Object>>)
                (Object) new Load(LoadSettings.builder().build())
                        .loadFromString(Files.readString(ROOT.resolve(".pre-commit-hooks.yaml")));
        Map<String, Object> hook = hooks.get(0);
        assertEquals("kubelint", hook.get("id"));
        Pattern files = Pattern.compile(hook.get("files").toString());
        Pattern exclude = Pattern.compile(hook.get("exclude").toString());
        assertTrue(
                files.matcher("k8s/pod.yaml").find() && files.matcher("a.json").find());
        assertFalse(files.matcher("README.md").find());
        assertTrue(exclude.matcher(".kubelint.yaml").find()
                && exclude.matcher("ci/kubelint-baseline.json").find());
        assertFalse(exclude.matcher("k8s/pod.yaml").find());

        Map<String, String> env = environment();
        env.put("KUBELINT_REPOSITORY", repository.toUri().toString());
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        List<String> command = new ArrayList<>(
                List.of(ROOT.resolve(hook.get("entry").toString()).toString()));
        command.addAll(List.of("k8s/pod.yaml", "k8s/ok.yaml"));
        DistributionIT.Result r = DistributionIT.run(command, workspace, env);
        assertEquals(1, r.code(), r.toString());
        assertEquals(
                "k8s/pod.yaml:9:31: error: containerPort 70000 is not a valid port number: it must be between 1 "
                        + "and 65535, inclusive [port-range]\n",
                r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("cache/kubelint/" + VERSION + "/kubelint.jar")), "cached");

        DistributionIT.Result clean = DistributionIT.run(List.of(command.get(0), "k8s/ok.yaml"), workspace, env);
        assertEquals(0, clean.code(), clean.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGitlabJobRunsAsWrittenAndLeavesItsJunitReport() throws Exception {
        Map<String, Object> job =
                (Map<String, Object>) yaml("ci/gitlab/kubelint.gitlab-ci.yml").get("kubelint");
        Map<String, String> env = environment();
        ((Map<String, Object>) job.get("variables")).forEach((k, v) -> env.put(k, v.toString()));
        env.put("KUBELINT_REPOSITORY", repository.toUri().toString());
        env.put("KUBELINT_VERSION", VERSION);
        List<String> script = (List<String>) job.get("script");
        DistributionIT.Result r = runLines(script, env);
        assertEquals(1, r.code(), "the job fails on the error: " + r);
        assertTrue(r.out().contains("1 error, 0 warnings"), r.toString());
        String report = ((Map<String, Map<String, String>>) job.get("artifacts"))
                .get("reports")
                .get("junit");
        assertTrue(Files.readString(workspace.resolve(report)).contains("<failure"));
        assertEquals("always", ((Map<String, Object>) job.get("artifacts")).get("when"));
    }

    @Test
    void theJenkinsPipelineRunsAsWrittenAndLeavesItsReports() throws Exception {
        String jenkinsfile = Files.readString(ROOT.resolve("ci/jenkins/Jenkinsfile"));
        Map<String, String> env = environment();
        Matcher variable = Pattern.compile("(?m)^\\s*([A-Z_]+) = '([^']*)'$").matcher(jenkinsfile);
        while (variable.find()) {
            env.put(variable.group(1), variable.group(2));
        }
        assertEquals("k8s/", env.get("KUBELINT_PATHS"));
        env.put("KUBELINT_REPOSITORY", repository.toUri().toString());
        env.put("KUBELINT_VERSION", VERSION);
        List<String> steps = new ArrayList<>();
        Matcher sh = Pattern.compile("(?m)^\\s*sh '([^']*)'$").matcher(jenkinsfile);
        while (sh.find()) {
            steps.add(sh.group(1));
        }
        assertEquals(2, steps.size(), jenkinsfile);
        DistributionIT.Result r = runLines(steps, env);
        assertEquals(1, r.code(), r.toString());
        Matcher junit = Pattern.compile("(?m)^\\s*junit '([^']*)'$").matcher(jenkinsfile);
        assertTrue(junit.find());
        assertTrue(Files.readString(workspace.resolve(junit.group(1))).contains("<failure"));
        assertTrue(Files.isRegularFile(workspace.resolve("target/kubelint.sarif")));
    }

    /** Runs script lines one after the other, as CI runners do, stopping at the first that fails. */
    private DistributionIT.Result runLines(List<String> lines, Map<String, String> env) throws Exception {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String line : lines) {
            DistributionIT.Result r = DistributionIT.run(List.of("sh", "-c", line), workspace, env);
            out.append(r.out());
            err.append(r.err());
            if (r.code() != 0) {
                return new DistributionIT.Result(r.code(), out.toString(), err.toString());
            }
        }
        return new DistributionIT.Result(0, out.toString(), err.toString());
    }
}
