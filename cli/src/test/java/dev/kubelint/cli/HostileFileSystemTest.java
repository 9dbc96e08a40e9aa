package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubelint.cli.CliRun.Reported;
import dev.kubelint.core.testing.TestFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs that are hostile because of what they are on disk rather than what they contain: symbolic link loops and
 * links leading out of the scanned folder, unreadable files, named pipes, a folder named like a manifest, missing
 * paths, folders of many files, names with spaces and non-ASCII letters, and report paths that cannot be written.
 */
class HostileFileSystemTest {

    private static final String GOOD = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: good\n";
    private static final String DUPLICATE =
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\ndata:\n  a: '1'\n  a: '2'\n";

    @TempDir
    Path dir;

    private Path scan;

    @BeforeEach
    void folder() throws IOException {
        scan = dir.resolve("scan");
        Files.createDirectories(scan);
        write("good.yaml", GOOD);
        write("dup.yaml", DUPLICATE);
    }

    private Path write(String name, String text) throws IOException {
        return TestFiles.write(scan, name, text);
    }

    private CliRun lint(String... paths) {
        List<String> args = new ArrayList<>(List.of("--format", "json", "--jobs", "2"));
        args.addAll(List.of(paths));
        return CliRun.run(dir, args).assertCalm();
    }

    private static List<Reported> on(CliRun run, String file) {
        return run.findings().stream().filter(f -> f.file().equals(file)).toList();
    }

    /** "rule@line:column" of each finding. */
    private static List<String> briefs(List<Reported> findings) {
        return findings.stream().map(Reported::brief).toList();
    }

    /** The file has exactly one finding, {@code brief} ("rule@line:column"). */
    private static Reported assertOnlyFinding(CliRun run, String file, String brief) {
        List<Reported> findings = on(run, file);
        assertEquals(List.of(brief), briefs(findings));
        return findings.get(0);
    }

    /** The file has exactly one finding, {@code brief}, whose message says {@code told}. */
    private static void assertOnlyFinding(CliRun run, String file, String brief, String told) {
        String message = assertOnlyFinding(run, file, brief).message();
        assertTrue(message.contains(told), message);
    }

    /** The two ordinary files are linted as always: good.yaml clean, dup.yaml with its duplicate key. */
    private static void assertOrdinaryFilesLinted(CliRun run) {
        assertEquals(
                List.of(),
                on(run, "scan/good.yaml").stream()
                        .filter(f -> HostileCorpus.CORE_RULES.contains(f.ruleId()))
                        .toList());
        assertEquals(
                List.of("duplicate-key@7:3"),
                on(run, "scan/dup.yaml").stream()
                        .filter(f -> HostileCorpus.CORE_RULES.contains(f.ruleId()))
                        .map(Reported::brief)
                        .toList());
    }

    @Test
    void aSymbolicLinkLoopIsWalkedOnceAndEveryFileIsLinted() throws IOException {
        Files.createSymbolicLink(scan.resolve("loop"), scan);
        Files.createDirectories(scan.resolve("sub"));
        Files.createSymbolicLink(scan.resolve("sub/up"), Path.of(".."));
        CliRun run = lint("scan");
        HostileInputTest.assertLinted(run, 2);
        assertOrdinaryFilesLinted(run);
    }

    @Test
    void aLinkLeadingOutOfTheFolderIsNotFollowedAndSaysSo() throws IOException {
        Path outside = dir.resolve("elsewhere");
        Files.createDirectories(outside);
        String secret = "kubelint-must-not-print-this-" + System.nanoTime();
        Files.writeString(outside.resolve("secret.yaml"), "password: [" + secret + "\n");
        Files.createSymbolicLink(scan.resolve("secret.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(scan.resolve("linked-folder"), outside);
        Files.createSymbolicLink(scan.resolve("inside.yaml"), scan.resolve("dup.yaml"));

        CliRun run = lint("scan");
        assertFalse(run.out().contains(secret), "text of a file outside the scanned folder was printed");
        HostileInputTest.assertLinted(run, 5);
        assertOrdinaryFilesLinted(run);
        for (String link : List.of("scan/secret.yaml", "scan/linked-folder")) {
            List<Reported> findings = on(run, link);
            assertEquals(1, findings.size(), link + ": " + findings);
            assertEquals("skipped-file@1:1", findings.get(0).brief());
            assertTrue(
                    findings.get(0).message().contains("outside the folder"),
                    findings.get(0).message());
        }
        // a link that stays inside the folder is followed like any file
        assertEquals(List.of("duplicate-key@7:3"), briefs(on(run, "scan/inside.yaml")));

        // nor is its text shown in a code frame, of the scan, a policy folder or a schema location
        Path policies = Files.createDirectories(dir.resolve("policies"));
        Files.createSymbolicLink(policies.resolve("leak.yaml"), outside.resolve("secret.yaml"));
        Path schemas = Files.createDirectories(dir.resolve("schemas"));
        Files.createSymbolicLink(schemas.resolve("leak.yaml"), outside.resolve("secret.yaml"));
        for (String format : List.of("text", "html")) {
            CliRun framed = CliRun.run(
                    dir, List.of("--format", format, "--policy", "policies", "--schema-location", "schemas", "scan"));
            assertTrue(framed.out().contains("outside the folder"), format + ": " + framed.out());
            assertFalse(framed.out().contains(secret), format + ": text of a file outside the folders was printed");
        }

        // named explicitly, the link's target is read: the user asked for it
        CliRun explicit = lint("scan/secret.yaml");
        assertEquals("yaml-syntax", explicit.findings().get(0).ruleId());
    }

    @Test
    void aBrokenLinkIsReportedAsUnreadable() throws IOException {
        Files.createSymbolicLink(scan.resolve("broken.yaml"), scan.resolve("missing.yaml"));
        CliRun run = lint("scan");
        HostileInputTest.assertLinted(run, 3);
        assertOrdinaryFilesLinted(run);
        assertOnlyFinding(run, "scan/broken.yaml", "unreadable-file@1:1", "does not exist");
    }

    @Test
    void anUnreadableFileIsAFindingAndTheOthersAreLinted() throws IOException {
        Path locked = write("locked.yaml", DUPLICATE);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            CliRun run = lint("scan");
            HostileInputTest.assertLinted(run, 3);
            assertOrdinaryFilesLinted(run);
            List<String> findings = briefs(on(run, "scan/locked.yaml"));
            if (Files.isReadable(locked)) {
                // running as root: permissions do not stop reading, and the file is linted like any other
                assertEquals(List.of("duplicate-key@7:3"), findings);
            } else {
                assertEquals(List.of("unreadable-file@1:1"), findings);
                assertTrue(on(run, "scan/locked.yaml").get(0).message().contains("permission denied"));
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * A special file named explicitly is one finding at its start and the ordinary files are linted as always:
     * reading /proc/self/mem from its start fails with an I/O error for every user, root included; /dev/zero never
     * ends, so it stops at the file size limit.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/proc/self/mem, unreadable-file@1:1, ''", "/dev/zero, input-limit@1:1, max-file-bytes"})
    void aSpecialFileNamedExplicitlyIsOneFindingEvenForRoot(String special, String brief, String told) {
        Path file = Path.of(special);
        assumeTrue(Files.exists(file), "needs " + special);
        CliRun run = lint("scan", file.toString());
        HostileInputTest.assertLinted(run, 3);
        assertOrdinaryFilesLinted(run);
        assertOnlyFinding(run, file.toString(), brief, told);
    }

    @Test
    void aPathThatDoesNotExistIsAOneLineUsageError() {
        CliRun run = lint("scan", "no-such-folder/x.yaml");
        HostileInputTest.assertUsageError(run);
        assertTrue(run.err().contains("no-such-folder/x.yaml"), run.err());
    }

    @Test
    void aFolderNamedLikeAManifestIsWalked() throws IOException {
        write("folder.yaml/inner.yaml", DUPLICATE);
        CliRun run = lint("scan");
        HostileInputTest.assertLinted(run, 3);
        assertEquals(List.of("duplicate-key@7:3"), briefs(on(run, "scan/folder.yaml/inner.yaml")));
        CliRun named = lint("scan/folder.yaml");
        HostileInputTest.assertLinted(named, 1);
    }

    @Test
    void aNamedPipeInAFolderIsSkippedWithoutWaitingAndOneNamedExplicitlyIsRead() throws Exception {
        Path fifo = scan.resolve("pipe.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");

        // no process ever writes to the pipe: a scan that opened it would wait forever (the hang guard fails it)
        CliRun run = lint("scan");
        HostileInputTest.assertLinted(run, 3);
        assertOrdinaryFilesLinted(run);
        assertOnlyFinding(run, "scan/pipe.yaml", "skipped-file@1:1", "named pipe");

        // named explicitly (as with kubelint <(helm template ...)), the pipe is read to its end
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(DUPLICATE.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        CliRun explicit = lint("scan/pipe.yaml");
        assertEquals(List.of("duplicate-key@7:3"), briefs(explicit.findings()));
        writer.join(10_000);
    }

    @Test
    void aFolderOfManyFilesIsLintedCompletely() throws IOException {
        Path many = scan.resolve("many");
        Files.createDirectories(many);
        int count = 3_000;
        for (int i = 0; i < count; i++) {
            Files.writeString(
                    many.resolve(String.format("cm-%05d.yaml", i)),
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + i + "\n"
                            + (i % 1000 == 7 ? "  name: again\n" : ""));
        }
        CliRun run = lint("scan/many");
        HostileInputTest.assertLinted(run, count);
        List<String> duplicates = run.findings().stream()
                .filter(f -> f.ruleId().equals("duplicate-key"))
                .map(f -> f.file() + "@" + f.line())
                .toList();
        assertEquals(
                List.of("scan/many/cm-00007.yaml@5", "scan/many/cm-01007.yaml@5", "scan/many/cm-02007.yaml@5"),
                duplicates);
    }

    @Test
    void pathsWithSpacesAndNonAsciiLettersAreShownAsTheyAre() throws IOException {
        write("with spaces/ünïcødé 文件 🚀.yaml", DUPLICATE);
        CliRun run = lint("scan/with spaces");
        HostileInputTest.assertLinted(run, 1);
        assertEquals(
                List.of("scan/with spaces/ünïcødé 文件 🚀.yaml"),
                run.findings().stream().map(Reported::file).toList());
        CliRun explicit = lint("scan/with spaces/ünïcødé 文件 🚀.yaml");
        assertEquals(List.of("duplicate-key@7:3"), briefs(explicit.findings()));
    }

    @Test
    void aReportPathThatCannotBeWrittenIsAUsageErrorBeforeAnyScanning() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        // if the scan started, it would wait forever on this pipe, which no one writes: the hang guard would fail
        Path fifo = dir.resolve("waiting.yaml");
        boolean haveFifo;
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            haveFifo = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            haveFifo = false;
        }
        String input = haveFifo ? "waiting.yaml" : "scan";
        for (String report : List.of("plain-file/report.json", "scan")) {
            CliRun run = CliRun.run(dir, List.of("--format", "json", "-o", report, input))
                    .assertCalm();
            assertEquals(Main.USAGE, run.exitCode(), report + ": " + run.err());
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("kubelint: cannot write the report"), run.err());
        }
        assertEquals("x", Files.readString(notAFolder));
    }
}
