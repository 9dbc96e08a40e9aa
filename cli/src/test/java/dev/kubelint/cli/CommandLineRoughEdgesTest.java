package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: the help, shell completion, standard input with a name, paths that hold nothing. */
class CommandLineRoughEdgesTest {

    @TempDir
    Path dir;

    private static final String POD = Inputs.manifest("flow-ports-pod.yaml");

    @Test
    void helpNamesEveryCommand() {
        Cli.Run help = new Cli(dir).run("--help");
        assertEquals(0, help.exitCode());
        for (String command : List.of(
                "kubelint rules",
                "kubelint explain RULE",
                "kubelint config init",
                "kubelint config schema",
                "kubelint completion bash|zsh|fish",
                "--baseline FILE",
                "--update-baseline",
                "--stdin-filename NAME")) {
            assertTrue(help.out().contains(command), command + " in\n" + help.out());
        }
        assertTrue(help.out().lines().allMatch(l -> l.length() <= 100), help.out());
        assertEquals(0, new Cli(dir).run("completion", "--help").exitCode());
    }

    @Test
    void bashCompletionOffersCommandsOptionsAndValues() throws Exception {
        Cli.Run script = new Cli(dir).run("completion", "bash");
        assertEquals(0, script.exitCode(), script::toString);
        Files.writeString(dir.resolve("kubelint.bash"), script.out());
        Files.createDirectories(dir.resolve("k8s"));
        assertEquals(List.of("rules"), complete("kubelint", "ru"));
        assertEquals(List.of("--fail-on"), complete("kubelint", "--fail-"));
        assertEquals(List.of("warning"), complete("kubelint", "--fail-on", "w"));
        assertEquals(List.of("json", "junit"), complete("kubelint", "--format", "j"));
        assertEquals(List.of("image-tag"), complete("kubelint", "explain", "image-t"));
        assertEquals(List.of("image-tag"), complete("kubelint", "--disable", "image-t"));
        assertEquals(List.of("k8s"), complete("kubelint", "--baseline", "k8"));
        assertEquals(List.of("init", "schema"), complete("kubelint", "config", ""));
        assertEquals(List.of("zsh"), complete("kubelint", "completion", "z"));
    }

    /** What bash's completion offers for a command line whose last word is being typed. */
    private List<String> complete(String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append("'");
        }
        String script = "source ./kubelint.bash; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _kubelint; printf '%s\\n' \"${COMPREPLY[@]}\" | sort -u";
        Process p = new ProcessBuilder("bash", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void zshAndFishScriptsAreMadeFromTheSameOptions() throws Exception {
        Cli.Run zsh = new Cli(dir).run("completion", "zsh");
        assertEquals(0, zsh.exitCode());
        assertTrue(zsh.out().contains("bashcompinit")
                && zsh.out().contains("complete -o filenames -F _kubelint kubelint"));
        Cli.Run fish = new Cli(dir).run("completion", "fish");
        assertEquals(0, fish.exitCode());
        assertTrue(fish.out().contains("complete -c kubelint -l fail-on -x -a 'error warning info none'"), fish.out());
        assertTrue(fish.out().contains("complete -c kubelint -l baseline -r -F"), fish.out());
        for (String shell : List.of("zsh", "fish")) {
            if (onPath(shell)) {
                Files.writeString(dir.resolve("script." + shell), shell.equals("zsh") ? zsh.out() : fish.out());
                Process p = new ProcessBuilder(shell, "-n", "script." + shell)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
            }
        }
        Cli.Run bad = new Cli(dir).run("completion", "powershell");
        assertEquals(2, bad.exitCode());
        assertEquals("kubelint: completion needs one shell: bash, zsh or fish, not powershell\n", bad.err());
    }

    private static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void standardInputIsReportedUnderTheNameGiven() {
        Cli cli = new Cli(dir).stdin(POD);
        Cli.Run r = cli.run("--no-config", "--no-source", "--stdin-filename", "k8s/web.yaml", "-");
        assertEquals(1, r.exitCode(), r::toString);
        assertTrue(r.out().startsWith("k8s/web.yaml:6:73: error: containerPort 70000"), r::toString);
        Cli.Run github = new Cli(dir)
                .stdin(POD)
                .run("--no-config", "--format", "github", "--stdin-filename", "k8s/web.yaml", "-");
        assertTrue(github.out().startsWith("::error file=k8s/web.yaml,line=6,col=73,"), github::toString);
        Cli.Run json =
                new Cli(dir).stdin(POD).run("--no-config", "--format", "json", "--stdin-filename", "web.yaml", "-");
        assertFalse(json.out().contains("<stdin>"), json::toString);
    }

    @Test
    void namedPathsWithoutManifestsAreTold() throws Exception {
        Cli cli = new Cli(dir)
                .file("docs/README.md", "# docs\n")
                .file("k8s/pod.yaml", POD.replace("70000", "7000"))
                .file("charts/values.yaml", "replicas: 1\n");
        Cli.Run r = cli.run(
                "--no-config",
                "--exclude",
                "charts/**",
                "--exclude",
                "values.yaml",
                "docs",
                "k8s",
                "charts/values.yaml");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("""
                kubelint: docs: no manifest to check: the folder holds no .yaml, .yml or .json file that the include and exclude globs let through
                kubelint: charts/values.yaml: not checked: the include and exclude globs leave it out
                """, r.err());
        assertTrue(r.out().contains("in 1 file, 1 object"), r::toString);
    }
}
