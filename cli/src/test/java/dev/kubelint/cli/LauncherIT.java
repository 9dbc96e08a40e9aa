package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kubelint} launcher script as users run it, on the packaged jar (run by failsafe after
 * {@code package}). Each test works on a copy of the launcher and the jar in a folder of its own, laid out like
 * the repository, so the class data sharing archive can be broken on purpose without touching the build's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherIT {

    private static final String GOOD_POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n"
            + "  containers:\n    - name: web\n      image: nginx:1.27.3\n";
    private static final String BAD_POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n"
            + "  containers:\n    - name: web\n      image: nginx\n      image: nginx:1.27.3\n";

    private Path moduleDir;

    @TempDir
    Path temp;

    @BeforeAll
    void findBuild() {
        moduleDir = Paths.get("").toAbsolutePath();
        assertTrue(
                Files.isRegularFile(moduleDir.resolve("target/kubelint.jar")),
                "run after package: target/kubelint.jar is missing in " + moduleDir);
    }

    /** A repository-like folder with the launcher, the jar and a sample to train the archive on. */
    private Path layout(String name) throws IOException {
        Path root = Files.createDirectories(temp.resolve(name));
        Path launcher = root.resolve("kubelint");
        Files.copy(moduleDir.resolveSibling("kubelint"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("cli/target"));
        Files.copy(moduleDir.resolve("target/kubelint.jar"), root.resolve("cli/target/kubelint.jar"));
        Files.createDirectories(root.resolve("samples/good"));
        Files.createDirectories(root.resolve("samples/bad"));
        Files.writeString(root.resolve("samples/good/pod.yaml"), GOOD_POD);
        Files.writeString(root.resolve("samples/bad/pod.yaml"), BAD_POD);
        return root;
    }

    private record Run(int code, String out, String err) {}

    private static Run run(Path launcher, Path workingDirectory, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        pb.environment().remove("KUBELINT_JAVA_OPTS");
        pb.environment().remove("KUBELINT_CDS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workingDirectory, "out", ".txt");
        Path err = Files.createTempFile(workingDirectory, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void passesArgumentsStdinAndExitCodesFromAnyFolder() throws Exception {
        Path root = layout("repo");
        Path elsewhere = Files.createDirectories(temp.resolve("some where/else"));
        Files.writeString(elsewhere.resolve("good pod.yaml"), GOOD_POD);
        Files.writeString(elsewhere.resolve("bad.yaml"), BAD_POD);
        Path launcher = root.resolve("kubelint");

        Run good = run(launcher, elsewhere, Map.of(), "", "good pod.yaml");
        assertEquals(0, good.code(), good.err());
        assertTrue(good.out().contains("0 errors"), good.out());
        assertEquals("", good.err());

        Run bad = run(launcher, elsewhere, Map.of(), "", "-q", "bad.yaml");
        assertEquals(1, bad.code(), bad.err());
        assertTrue(bad.out().startsWith("bad.yaml:9:7: error: duplicate key \"image\""), bad.out());

        Run stdin = run(launcher, elsewhere, Map.of(), BAD_POD, "-q", "-");
        assertEquals(1, stdin.code(), stdin.err());
        assertTrue(stdin.out().contains("duplicate key \"image\""), stdin.out());

        Run missing = run(launcher, elsewhere, Map.of(), "", "no such.yaml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file or directory: no such.yaml"), missing.err());

        Path sub = Files.createDirectories(root.resolve("sub"));
        Files.writeString(sub.resolve("pod.yaml"), GOOD_POD);
        Run relative = run(Paths.get("../kubelint"), sub, Map.of(), "", "pod.yaml");
        assertEquals(0, relative.code(), relative.err());
        assertTrue(relative.out().contains("1 file"), relative.out());

        Path link = Files.createSymbolicLink(temp.resolve("kl"), launcher);
        Run viaLink = run(link, elsewhere, Map.of(), "", "--version");
        assertEquals(0, viaLink.code(), viaLink.err());
        assertTrue(viaLink.out().startsWith("kubelint "), viaLink.out());
    }

    @Test
    void recordsTheArchiveOnceAndUsesIt() throws Exception {
        Path root = layout("cds");
        Path archive = root.resolve("cli/target/kubelint.jsa");
        Path launcher = root.resolve("kubelint");

        Run first = run(launcher, root, Map.of(), "", "samples/good");
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.size(archive) > 0, "no archive recorded");
        FileTime recorded = Files.getLastModifiedTime(archive);
        assertTrue(command(launcher, root, Map.of()).contains("-XX:SharedArchiveFile=" + archive));

        Run second = run(launcher, root, Map.of(), "", "samples/good");
        assertEquals(0, second.code(), second.err());
        assertEquals(recorded, Files.getLastModifiedTime(archive), "a fresh archive was recorded again");
        try (var files = Files.list(archive.getParent())) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary archive left");
        }
    }

    @Test
    void aStaleArchiveIsRecordedAgain() throws Exception {
        Path root = layout("stale");
        Path archive = root.resolve("cli/target/kubelint.jsa");
        Path jar = root.resolve("cli/target/kubelint.jar");
        Path launcher = root.resolve("kubelint");
        assertEquals(0, run(launcher, root, Map.of(), "", "samples/good").code());
        // a rebuilt jar: newer than the archive, which the JVM would refuse
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(120)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));

        Run run = run(launcher, root, Map.of(), "", "--format", "json", "samples/bad");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().startsWith("{") && run.out().strip().endsWith("}"), run.out());
        assertTrue(
                Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the archive was not recorded again");
    }

    @Test
    void anArchiveTheJvmRefusesNeitherBreaksTheRunNorItsOutput() throws Exception {
        Path root = layout("broken");
        Path archive = root.resolve("cli/target/kubelint.jsa");
        Path launcher = root.resolve("kubelint");
        // newer than the jar, so the launcher takes it as fresh; the JVM cannot map it
        Files.writeString(archive, "not a class data sharing archive\n".repeat(1000));
        Run junk = run(launcher, root, Map.of(), "", "--format", "json", "samples/bad");
        assertEquals(1, junk.code(), junk.err());
        assertTrue(junk.out().startsWith("{") && junk.out().strip().endsWith("}"), junk.out());
        assertEquals("", junk.err());

        // an archive recorded for another jar (same name, other content): refused by the JVM, silently
        Path other = layout("other");
        assertEquals(
                0,
                run(other.resolve("kubelint"), other, Map.of(), "", "samples/good")
                        .code());
        Files.copy(other.resolve("cli/target/kubelint.jsa"), archive, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(
                root.resolve("cli/target/kubelint.jar"),
                FileTime.from(Instant.now().minusSeconds(60)));
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        Run foreign = run(launcher, root, Map.of(), "", "samples/bad");
        assertEquals(1, foreign.code(), foreign.err());
        assertTrue(foreign.out().contains("duplicate key"), foreign.out());
        assertEquals("", foreign.err());
    }

    @Test
    void optionsOverrideTheDefaultsAndTheArchiveCanBeTurnedOff() throws Exception {
        Path root = layout("options");
        Path launcher = root.resolve("kubelint");
        List<String> off =
                command(launcher, root, Map.of("KUBELINT_CDS", "off", "KUBELINT_JAVA_OPTS", "-Xmx200m -Xss4m"));
        assertFalse(off.stream().anyMatch(a -> a.contains("SharedArchiveFile")), off.toString());
        assertTrue(
                off.contains("-Xmx200m") && off.contains("-Xss4m") && !off.contains("-XX:+UseSerialGC"),
                off.toString());
        assertFalse(Files.exists(root.resolve("cli/target/kubelint.jsa")));

        Run run = run(
                launcher, root, Map.of("KUBELINT_CDS", "off", "KUBELINT_JAVA_OPTS", "-Xmx200m"), "", "samples/good");
        assertEquals(0, run.code(), run.err());
        assertFalse(Files.exists(root.resolve("cli/target/kubelint.jsa")));
    }

    private static List<String> command(Path launcher, Path dir, Map<String, String> env) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KUBELINT_PRINT_COMMAND", "1");
        Run r = run(launcher, dir, all, "", "x.yaml");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("x.yaml", lines.get(lines.size() - 1));
        return lines;
    }
}
