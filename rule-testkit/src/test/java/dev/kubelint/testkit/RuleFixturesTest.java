package dev.kubelint.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fixture runner must fail loudly on every kind of mismatch, and pass only on an exact match. */
class RuleFixturesTest {

    @TempDir
    Path root;

    private Path write(String ruleId, String file, String text) throws IOException {
        Path dir = Files.createDirectories(root.resolve(ruleId));
        return Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    private void verify(Path file) throws Exception {
        RuleFixtures.in(root)
                .verify(Fixture.read(file, file.getParent().getFileName().toString()));
    }

    private String failure(Path file) {
        AssertionError e = assertThrows(AssertionError.class, () -> verify(file));
        return e.getMessage();
    }

    /** A fixture file: its path below the fixture root ("rule-id/file.yaml") and its text. */
    record Case(String path, String text) {
        @Override
        public String toString() {
            return path + ": " + text.strip().lines().reduce((a, b) -> b).orElse("");
        }
    }

    private static Arguments accepted(String what, String path, String text) {
        return Arguments.of(what, new Case(path, text));
    }

    private static Arguments rejected(String what, String path, String text, String... says) {
        return Arguments.of(what, new Case(path, text), List.of(says));
    }

    private Path write(Case fixture) throws IOException {
        int slash = fixture.path().indexOf('/');
        return write(fixture.path().substring(0, slash), fixture.path().substring(slash + 1), fixture.text());
    }

    static Stream<Arguments> exactMatches() {
        return Stream.of(
                accepted("every marker matched", "testkit-flag/bad.yaml", """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "key flagA is set"
                        other: 2
                        flagB: 3 # expect: testkit-flag "flagB"
                        """),
                accepted("a column marker on the finding's column", "testkit-flag/bad.yaml", """
                        kind: Thing
                        flagA: 1 # expect@1: testkit-flag "flagA"
                        """),
                accepted("a clean good fixture", "testkit-flag/good.yaml", """
                        kind: Thing
                        other: 1
                        """),
                // duplicate-key reports the second "a"; the fixture neither names it nor is about it
                accepted("findings of rules the fixture does not name are ignored", "testkit-flag/good.yaml", """
                        kind: Thing
                        a: 1
                        a: 2
                        """),
                accepted("a rule off by default is enabled for its fixtures", "testkit-off/bad.yaml", """
                        kind: Thing
                        quiet: true # expect: testkit-off "quiet is set"
                        """),
                accepted("the header ends at the first content line", "testkit-flag/bad.yaml", """
                        kind: Thing
                        # fixture: kubernetes-version=1.30
                        flagA: 1 # expect: testkit-flag "kubernetes 1.35"
                        """),
                accepted("defaults apply without a header", "testkit-flag/bad.yaml", """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "(kubernetes 1.35, limit 3)"
                        """),
                accepted("with-rule adds a test-only rule", "rule-failure/bad.yaml", """
                        # fixture: with-rule=dev.kubelint.core.testing.FailingRule
                        kind: Thing # expect: rule-failure "rule always-fails failed"
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactMatches")
    void anExactMatchPasses(String what, Case fixture) throws Exception {
        Path file = write(fixture);
        assertDoesNotThrow(() -> verify(file));
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                rejected(
                        "a column marker on another column",
                        "testkit-flag/bad.yaml",
                        """
                        kind: Thing
                        flagA: 1 # expect@3: testkit-flag "flagA"
                        """,
                        "missing finding at line 2, column 3: testkit-flag \"flagA\"",
                        "unexpected finding at line 2, column 1"),
                rejected(
                        "a missing finding",
                        "testkit-flag/bad.yaml",
                        """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "flagA"
                        other: 2 # expect: testkit-flag "other"
                        """,
                        "missing finding at line 3: testkit-flag \"other\""),
                rejected(
                        "a finding on another line than its marker",
                        "testkit-flag/bad.yaml",
                        """
                        kind: Thing # expect: testkit-flag "flagA"
                        flagA: 1
                        """,
                        "missing finding at line 1",
                        "findings near it: testkit-flag@2",
                        "unexpected finding at line 2, column 1: testkit-flag"),
                rejected(
                        "an unexpected finding",
                        "testkit-flag/bad.yaml",
                        """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "flagA"
                        flagB: 2
                        """,
                        "unexpected finding at line 3, column 1: testkit-flag \"key flagB is set"),
                rejected(
                        "marker text that is not part of the message",
                        "testkit-flag/bad.yaml",
                        """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "something else"
                        """,
                        "missing finding at line 2: testkit-flag \"something else\"",
                        "unexpected finding at line 2"),
                rejected("two markers for one finding", "testkit-flag/bad.yaml", """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "flagA" testkit-flag "flagA"
                        """, "missing finding at line 2"),
                rejected(
                        "a good fixture that expects its rule",
                        "testkit-flag/good.yaml",
                        """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "flagA"
                        """,
                        "a good fixture must not expect findings of testkit-flag"),
                rejected(
                        "a good fixture with a finding", "testkit-flag/good.yaml", """
                        kind: Thing
                        flagA: 1
                        """, "unexpected finding at line 2"),
                rejected(
                        "a bad fixture without its rule",
                        "testkit-flag/bad.yaml",
                        """
                        kind: Thing
                        other: 1
                        """,
                        "a bad fixture must expect at least one finding of testkit-flag"),
                rejected(
                        "an unmarked finding of a rule marked elsewhere",
                        "testkit-flag/bad.yaml",
                        """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "flagA"
                        a: 1
                        a: 2 # expect: duplicate-key "duplicate key"
                        b: 1
                        b: 2
                        """,
                        "unexpected finding at line 6, column 1: duplicate-key"),
                rejected(
                        "a folder named after no rule",
                        "no-such-rule/bad.yaml",
                        """
                        kind: Thing
                        """,
                        "fixture folder no-such-rule names no known rule"),
                rejected(
                        "a parameter the rule does not have",
                        "testkit-flag/bad.yaml",
                        """
                        # fixture: param nope=1
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "flagA"
                        """,
                        "rule testkit-flag has no parameter nope"),
                rejected(
                        "with-rule naming a class that is not a rule",
                        "rule-failure/bad.yaml",
                        """
                        # fixture: with-rule=java.lang.String
                        kind: Thing # expect: rule-failure "failed"
                        """,
                        "with-rule java.lang.String is not a rule class"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatches")
    void aMismatchFailsAndSaysWhere(String what, Case fixture, List<String> says) throws Exception {
        String message = failure(write(fixture));
        for (String part : says) {
            assertTrue(message.contains(part), () -> "says \"" + part + "\": " + message);
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                rejected("an unquoted marker text", "testkit-flag/bad.yaml", """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag flagA
                        """, ":2: malformed expect marker"),
                rejected("text after the marker's quotes", "testkit-flag/bad.yaml", """
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "flagA" and more
                        """, "malformed expect marker"),
                rejected("column 0", "testkit-flag/bad.yaml", """
                        kind: Thing
                        flagA: 1 # expect@0: testkit-flag "flagA"
                        """, "columns start at 1"),
                rejected("an unknown setting", "testkit-flag/bad.yaml", """
                        # fixture: kubernetes=1.30
                        kind: Thing
                        """, "unknown fixture setting kubernetes"),
                rejected("a parameter value of the wrong type", "testkit-flag/bad.yaml", """
                        # fixture: param limit=many
                        kind: Thing
                        flagA: 1 # expect: testkit-flag "flagA"
                        """, "expected an integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedFixtureIsRejected(String what, Case fixture, List<String> says) throws Exception {
        Path file = write(fixture);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> verify(file));
        for (String part : says) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void headerSetsKubernetesVersionAndParameters() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                # fixture: kubernetes-version=1.30
                # fixture: param limit=7
                kind: Thing
                flagA: 1 # expect: testkit-flag "(kubernetes 1.30, limit 7)"
                """);
        assertDoesNotThrow(() -> verify(bad));
        Fixture fixture = Fixture.read(bad, "testkit-flag");
        assertEquals(Map.of("kubernetes-version", "1.30"), fixture.settings());
        assertEquals(Map.of("limit", "7"), fixture.params());
    }

    @Test
    void invalidUtf8IsReadWithReplacementCharacters() throws Exception {
        Path dir = Files.createDirectories(root.resolve("unreadable-file"));
        Path bad = dir.resolve("bad.yaml");
        byte[] head = "kind: Thing\nname: caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = " # expect: unreadable-file \"not valid text\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(bad, bytes);
        assertEquals(
                List.of(new Expectation(2, "unreadable-file", "not valid text")),
                Fixture.read(bad, "unreadable-file").expectations());
        assertDoesNotThrow(() -> verify(bad));
    }

    @Test
    void testsHaveOneContainerPerRuleAndOneTestPerFile() throws Exception {
        write("testkit-flag", "bad.yaml", "kind: Thing\nflagA: 1 # expect: testkit-flag \"flagA\"\n");
        write("testkit-flag", "good.yaml", "kind: Thing\n");
        write("testkit-flag", "notes.txt", "not a fixture\n");
        write("testkit-off", "good.yml", "kind: Thing\n");
        List<DynamicNode> nodes = RuleFixtures.in(root).tests().toList();
        assertEquals(
                List.of("testkit-flag", "testkit-off"),
                nodes.stream().map(DynamicNode::getDisplayName).toList());
        List<? extends DynamicNode> flagTests =
                ((DynamicContainer) nodes.get(0)).getChildren().toList();
        assertEquals(
                List.of("bad.yaml", "good.yaml"),
                flagTests.stream().map(DynamicNode::getDisplayName).toList());
        for (DynamicNode node : flagTests) {
            assertDoesNotThrow(() -> ((DynamicTest) node).getExecutable().execute());
        }
        assertEquals(
                Set.of("testkit-flag", "testkit-off"), RuleFixtures.in(root).ruleIds());
    }

    @Test
    void aFailingFixtureFailsItsDynamicTest() throws Exception {
        write("testkit-flag", "good.yaml", "kind: Thing\nflagA: 1\n");
        DynamicContainer container =
                (DynamicContainer) RuleFixtures.in(root).tests().findFirst().orElseThrow();
        DynamicTest test = (DynamicTest) container.getChildren().findFirst().orElseThrow();
        assertThrows(AssertionError.class, () -> test.getExecutable().execute());
    }
}
