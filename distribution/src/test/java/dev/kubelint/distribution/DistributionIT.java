package dev.kubelint.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways to get kubelint, as a user meets them: the archive unpacked into a temporary folder and run with a
 * fresh environment in which there is no {@code java} at all, the runnable jar copied alone into a folder, and the
 * container image definition checked against what the archive holds.
 */
class DistributionIT {

    @TempDir
    static Path unpacked;

    @TempDir
    Path work;

    private static Path home;

    /** A Pod with two mistakes that the API server rejects. */
    private static final String POD = Manifests.read("ports-pod.yaml");

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("kubelint.archive"));
        assertTrue(Files.isRegularFile(archive), archive + " is built by package");
        Result tar =
                run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), unpacked, System.getenv());
        assertEquals(0, tar.code(), tar.toString());
        home = unpacked.resolve("kubelint");
    }

    @Test
    void runsWithTheBundledRuntimeWhereThereIsNoJava() throws Exception {
        Files.writeString(work.resolve("pod.yaml"), POD);
        Path emptyPath = Files.createDirectory(work.resolve("empty-path"));
        Map<String, String> fresh = Map.of("PATH", emptyPath.toString(), "HOME", work.toString());
        // the environment really has no java
        assertNotEquals(
                0, run(List.of("/bin/sh", "-c", "command -v java"), work, fresh).code());

        Result scan = run(
                List.of(home.resolve("bin/kubelint").toString(), "--no-config", "--no-source", "pod.yaml"),
                work,
                fresh);
        assertEquals(1, scan.code(), scan.toString());
        assertTrue(
                scan.out().contains("pod.yaml:10:26: error: containerPort 70000 is not a valid port number"),
                scan.toString());
        assertTrue(scan.out().contains("[port-protocol]"), scan.toString());
        assertEquals("", scan.err());

        // every report format works on the trimmed runtime (JSON, SARIF and JUnit XML writers, rule metadata)
        Result reports = run(
                List.of(
                        home.resolve("bin/kubelint").toString(),
                        "--no-config",
                        "--format",
                        "json=r.json",
                        "--format",
                        "sarif=r.sarif",
                        "--format",
                        "junit=r.xml",
                        "--format",
                        "github",
                        "pod.yaml"),
                work,
                fresh);
        assertEquals(1, reports.code(), reports.toString());
        assertTrue(Files.readString(work.resolve("r.sarif")).contains("\"ruleId\" : \"port-range\"")
                || Files.readString(work.resolve("r.sarif")).contains("\"ruleId\": \"port-range\""));
        assertTrue(Files.readString(work.resolve("r.xml")).contains("<failure"));
        Result explain = run(List.of(home.resolve("bin/kubelint").toString(), "explain", "port-range"), work, fresh);
        assertEquals(0, explain.code(), explain.toString());

        // standard input and the exit code pass through
        Result stdin = run(
                List.of(
                        "/bin/sh",
                        "-c",
                        "\"$0\" --no-config - < pod.yaml; echo \"exit $?\"",
                        home.resolve("bin/kubelint").toString()),
                work,
                fresh);
        assertTrue(stdin.out().endsWith("exit 1\n"), stdin.toString());
    }

    @Test
    void runsThroughASymbolicLinkOnThePath() throws Exception {
        Files.writeString(work.resolve("pod.yaml"), POD.replace("70000", "7000").replace("TCPP", "TCP"));
        Path bin = Files.createDirectory(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kubelint"), home.resolve("bin/kubelint"));
        Files.createSymbolicLink(bin.resolve("readlink"), Path.of(which("readlink")));
        Map<String, String> fresh = Map.of("PATH", bin.toString(), "HOME", work.toString());
        Result r = run(List.of("/bin/sh", "-c", "kubelint --no-config pod.yaml"), work, fresh);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("0 errors, 0 warnings"), r.toString());
    }

    @Test
    void theRuntimeHoldsOnlyWhatKubelintNeeds() throws Exception {
        Result modules = run(List.of(home.resolve("runtime/bin/java").toString(), "--list-modules"), work, Map.of());
        assertEquals(0, modules.code(), modules.toString());
        List<String> names = modules.out()
                .lines()
                .map(l -> l.replaceFirst("@.*", ""))
                .sorted()
                .toList();
        assertEquals(List.of("java.base", "java.logging", "java.xml", "jdk.unsupported"), names);
        long bytes;
        try (Stream<Path> files = Files.walk(home)) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
        assertTrue(bytes < 100L * 1024 * 1024, "the unpacked distribution takes " + bytes + " bytes");
        System.out.println("[distribution] unpacked size: " + bytes / 1024 + " KiB; archive: "
                + Files.size(Path.of(System.getProperty("kubelint.archive"))) / 1024 + " KiB");
    }

    @Test
    void theRunnableJarRunsAloneFromAnyFolder() throws Exception {
        Path jar = Path.of(System.getProperty("kubelint.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals(
                    "dev.kubelint.cli.Main",
                    file.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        Path copy = Files.copy(jar, work.resolve("kubelint.jar"));
        Files.writeString(work.resolve("pod.yaml"), POD);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result r = run(
                List.of(java, "-jar", copy.toString(), "--no-config", "-q", "pod.yaml"),
                work,
                Map.of("PATH", work.toString(), "HOME", work.toString()));
        assertEquals(1, r.code(), r.toString());
        assertEquals(2, r.out().lines().count(), r.toString());
    }

    /** What the Dockerfile copies exists in the distribution, and its entry point is the launcher. */
    @Test
    void theContainerImageIsBuiltFromTheDistribution() throws Exception {
        Path root = Path.of(System.getProperty("kubelint.root"));
        List<String> lines = Files.readAllLines(root.resolve("distribution/Dockerfile"), StandardCharsets.UTF_8);
        List<String> copies = new ArrayList<>();
        String copiedTo = null;
        String entrypoint = null;
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("COPY")) {
                copies.add(words[1]);
                copiedTo = words[2];
            } else if (words[0].equals("ENTRYPOINT")) {
                entrypoint = line.replaceAll(".*\\[\"([^\"]+)\".*", "$1");
            }
        }
        assertEquals(List.of("kubelint/"), copies);
        for (String source : copies) {
            assertTrue(Files.isDirectory(unpacked.resolve(source)), source + " is in the distribution");
        }
        assertTrue(entrypoint.startsWith(copiedTo), entrypoint);
        Path launcher = unpacked.resolve("kubelint").resolve(entrypoint.substring(copiedTo.length()));
        assertTrue(Files.isExecutable(launcher), launcher.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("USER ") && !l.contains("root")), "not run as root");
    }

    static String which(String tool) throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException(tool + " is not on the PATH");
    }

    record Result(int code, String out, String err) {}

    /** Runs a command with exactly the given environment. */
    static Result run(List<String> command, Path dir, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("kubelint-out", ".txt");
        Path err = Files.createTempFile("kubelint-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            int code = process.waitFor();
            return new Result(code, Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
