package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.cli.CliRun.Reported;
import dev.kubelint.cli.HostileCorpus.Case;
import dev.kubelint.cli.HostileCorpus.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command over every input of the bad-input corpus ({@code src/test/resources/hostile/} and the huge
 * inputs generated into a temporary folder), alone and mixed among good files. Each must give exactly the
 * core-rule findings {@code expectations.tsv} records, with file, line and column, and never a stack trace, a
 * hang or an out-of-memory error; the good files around them must be reported exactly as when linted alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String NEIGHBOURS = "neighbours";

    @TempDir
    static Path root;

    private Path corpus;
    private List<Case> cases;
    private Map<String, String> hashesBefore;

    @BeforeAll
    void materialize() throws IOException {
        corpus = root.resolve("corpus");
        HostileCorpus.materialize(corpus);
        Path neighbours = corpus.resolve(NEIGHBOURS);
        Files.createDirectories(neighbours);
        Path source = HostileCorpus.resources().resolveSibling("hostile-neighbours");
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.sorted().toList()) {
                Files.copy(file, neighbours.resolve(file.getFileName().toString()));
            }
        }
        cases = HostileCorpus.cases();
        hashesBefore = HostileCorpus.hashes(corpus);
    }

    @Test
    void theCorpusIsLargeAndEveryFileHasAnExpectation() throws IOException {
        assertTrue(cases.size() >= 50, "at least 50 inputs: " + cases.size());
        List<String> listed = cases.stream().map(Case::path).sorted().toList();
        assertEquals(listed.stream().distinct().toList(), listed, "an input is listed twice");
        List<String> present;
        try (Stream<Path> files = Files.walk(corpus)) {
            present = files.filter(Files::isRegularFile)
                    .map(p -> corpus.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(NEIGHBOURS + "/"))
                    .sorted()
                    .toList();
        }
        assertEquals(present, listed, "files of the corpus and lines of expectations.tsv");
    }

    @TestFactory
    Stream<DynamicTest> eachInputAlone() {
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.path(), () -> {
                    CliRun run = CliRun.run(corpus, List.of("--format", "json", "--jobs", "1", c.path()))
                            .assertCalm();
                    if (c.usage()) {
                        assertUsageError(run);
                        return;
                    }
                    assertLinted(run, 1);
                    assertMatches(c, run.findings());
                }));
    }

    /**
     * One scan of everything with one job, one with eight that writes its report to a file: the good files'
     * findings are those they have alone, every file is counted, the two reports are the same byte for byte, no
     * input changed, and nothing but the report was written.
     */
    @Test
    void mixedAmongGoodFilesEverythingIsReportedTheSameWayForOneJobOrEight() throws IOException {
        CliRun alone = CliRun.run(corpus, List.of("--format", "json", "--jobs", "1", NEIGHBOURS))
                .assertCalm();
        List<Reported> neighboursAlone = alone.findings();
        long neighbourFiles = alone.files();
        assertTrue(neighbourFiles >= 5, "the good files were found: " + neighbourFiles);

        List<Case> lintable = cases.stream().filter(c -> !c.usage()).toList();
        CliRun mixed =
                CliRun.run(corpus, mixedArguments(lintable, "1", List.of())).assertCalm();
        assertLinted(mixed, lintable.size() + neighbourFiles);
        List<Reported> findings = mixed.findings();
        assertEquals(
                neighboursAlone,
                findings.stream()
                        .filter(f -> f.file().startsWith(NEIGHBOURS + "/"))
                        .toList(),
                "the good files' findings must not change when hostile files are linted beside them");
        for (Case c : lintable) {
            assertMatches(
                    c, findings.stream().filter(f -> f.file().equals(c.path())).toList());
        }

        Path reports = root.resolve("reports");
        Files.createDirectories(reports);
        Path report = reports.resolve("report.json");
        CliRun eight = CliRun.run(corpus, mixedArguments(lintable, "8", List.of("-o", report.toString())))
                .assertCalm();
        assertEquals(mixed.exitCode(), eight.exitCode());
        assertTrue(
                eight.out().lines().count() == 1 && eight.out().contains(" suppressed in "),
                "the report goes to the file; standard output has only the summary line: " + eight.out());
        assertEquals(mixed.out(), Files.readString(report), "the same report for --jobs 1 and --jobs 8");
        assertEquals(hashesBefore, HostileCorpus.hashes(corpus), "inputs (names and SHA-256) before and after");
        try (Stream<Path> written = Files.list(reports)) {
            assertEquals(
                    List.of("report.json"),
                    written.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aBadPathAmongGoodOnesIsAOneLineUsageErrorAndNothingIsScanned() {
        CliRun run = CliRun.run(
                        corpus, List.of("--format", "json", NEIGHBOURS, "no/such/file.yaml", "shape/empty.yaml"))
                .assertCalm();
        assertUsageError(run);
        assertTrue(run.err().contains("no/such/file.yaml"), run.err());
    }

    /** Every lintable input, with the good files between them. */
    private static List<String> mixedArguments(List<Case> lintable, String jobs, List<String> options) {
        List<String> args = new ArrayList<>(List.of("--format", "json", "--jobs", jobs));
        args.addAll(options);
        List<String> good = List.of(
                "namespace.yaml", "deployment.yaml", "configmap.json", "with-duplicate-key.yaml", "two-objects.yaml");
        for (int i = 0; i < lintable.size(); i++) {
            if (i % 10 == 0) {
                args.add(NEIGHBOURS + "/" + good.get(i / 10 % good.size()));
            }
            args.add(lintable.get(i).path());
        }
        args.add(NEIGHBOURS);
        return args;
    }

    static void assertUsageError(CliRun run) {
        assertEquals(Main.USAGE, run.exitCode(), run.err());
        assertEquals("", run.out(), "nothing on standard output for a usage error");
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "a one-line usage error: " + run.err());
        assertTrue(lines.get(0).startsWith("kubelint: "), lines.get(0));
    }

    /** A normal run: exit code from the findings' severities, every finding placed, every file counted. */
    static void assertLinted(CliRun run, long files) {
        List<Reported> findings = run.findings();
        boolean errors = findings.stream().anyMatch(f -> f.severity().equals("error"));
        assertEquals(
                errors ? Main.FINDINGS : Main.OK,
                run.exitCode(),
                () -> "exit code of " + run.args() + "\n" + run.err());
        assertEquals(files, run.files(), "every file is reported");
        for (Reported f : findings) {
            assertTrue(f.line() >= 1 && f.column() >= 1, "finding without a position: " + f);
            assertTrue(!f.file().isBlank(), "finding without a file: " + f);
            if (f.ruleId().equals("input-limit")) {
                assertTrue(f.message().contains("--limit "), "a limit finding says how to raise it: " + f.message());
            }
        }
    }

    static void assertMatches(Case c, List<Reported> all) {
        List<Reported> core = all.stream()
                .filter(f -> HostileCorpus.CORE_RULES.contains(f.ruleId()))
                .toList();
        for (Reported f : core) {
            assertEquals(c.path(), f.file(), "finding on another file: " + f);
        }
        Map<String, Integer> counted = new TreeMap<>();
        List<Reported> placed = new ArrayList<>();
        for (Reported f : core) {
            if (c.counted().containsKey(f.ruleId())) {
                counted.merge(f.ruleId(), 1, Integer::sum);
            }
            if (!c.counted().containsKey(f.ruleId())
                    || c.findings().stream().anyMatch(e -> e.brief().equals(f.brief()))) {
                placed.add(f);
            }
        }
        assertEquals(c.counted(), counted, () -> c.path() + ": number of findings per rule");
        List<String> expected = c.findings().stream()
                .sorted(Comparator.comparing(Expected::line)
                        .thenComparing(Expected::column)
                        .thenComparing(Expected::ruleId))
                .map(Expected::brief)
                .toList();
        List<String> actual = placed.stream()
                .sorted(Comparator.comparing(Reported::line)
                        .thenComparing(Reported::column)
                        .thenComparing(Reported::ruleId))
                .map(Reported::brief)
                .toList();
        assertEquals(
                expected,
                actual,
                () -> c.path() + " (" + c.note() + "): core findings\n"
                        + placed.stream()
                                .map(f -> f.brief() + " " + f.message())
                                .collect(Collectors.joining("\n")));
        for (Expected e : c.findings()) {
            e.messagePart()
                    .ifPresent(part -> assertTrue(
                            placed.stream()
                                    .anyMatch(f -> f.brief().equals(e.brief())
                                            && f.message().contains(part)),
                            () -> c.path() + ": " + e.brief() + " should say \"" + part + "\": " + placed));
        }
    }
}
