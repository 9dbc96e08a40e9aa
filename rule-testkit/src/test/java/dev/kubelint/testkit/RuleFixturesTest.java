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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void exactMatchPasses() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "key flagA is set"
                other: 2
                flagB: 3 # expect: testkit-flag "flagB"
                """);
        assertDoesNotThrow(() -> verify(bad));
    }

    @Test
    void aColumnMarkerPinsTheColumn() throws Exception {
        Path good = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect@1: testkit-flag "flagA"
                """);
        assertDoesNotThrow(() -> verify(good));
        Path wrong = write("testkit-flag", "bad2.yaml", """
                kind: Thing
                flagA: 1 # expect@3: testkit-flag "flagA"
                """);
        String message = failure(wrong);
        assertTrue(message.contains("missing finding at line 2, column 3: testkit-flag \"flagA\""), message);
        assertTrue(message.contains("unexpected finding at line 2, column 1"), message);
        Path zero = write("testkit-flag", "bad3.yaml", """
                kind: Thing
                flagA: 1 # expect@0: testkit-flag "flagA"
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> verify(zero));
        assertTrue(e.getMessage().contains("columns start at 1"), e.getMessage());
    }

    @Test
    void missingFindingFails() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "flagA"
                other: 2 # expect: testkit-flag "other"
                """);
        String message = failure(bad);
        assertTrue(message.contains("missing finding at line 3: testkit-flag \"other\""), message);
    }

    @Test
    void findingOnAnotherLineThanItsMarkerFails() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing # expect: testkit-flag "flagA"
                flagA: 1
                """);
        String message = failure(bad);
        assertTrue(message.contains("missing finding at line 1"), message);
        assertTrue(message.contains("findings near it: testkit-flag@2"), message);
        assertTrue(message.contains("unexpected finding at line 2, column 1: testkit-flag"), message);
    }

    @Test
    void unexpectedFindingFails() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "flagA"
                flagB: 2
                """);
        String message = failure(bad);
        assertTrue(
                message.contains("unexpected finding at line 3, column 1: testkit-flag \"key flagB is set"), message);
    }

    @Test
    void markerTextMustBePartOfTheMessage() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "something else"
                """);
        String message = failure(bad);
        assertTrue(message.contains("missing finding at line 2: testkit-flag \"something else\""), message);
        assertTrue(message.contains("unexpected finding at line 2"), message);
    }

    @Test
    void oneMarkerPerFinding() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "flagA" testkit-flag "flagA"
                """);
        String message = failure(bad);
        assertTrue(message.contains("missing finding at line 2"), message);
    }

    @Test
    void malformedMarkerIsRejected() throws Exception {
        Path unquoted = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag flagA
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> verify(unquoted));
        assertTrue(e.getMessage().contains(":2: malformed expect marker"), e.getMessage());

        Path trailing = write("testkit-flag", "bad-2.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "flagA" and more
                """);
        e = assertThrows(IllegalArgumentException.class, () -> verify(trailing));
        assertTrue(e.getMessage().contains("malformed expect marker"), e.getMessage());
    }

    @Test
    void goodFixtureMustNotExpectItsRule() throws Exception {
        Path good = write("testkit-flag", "good.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "flagA"
                """);
        String message = failure(good);
        assertTrue(message.contains("a good fixture must not expect findings of testkit-flag"), message);
    }

    @Test
    void goodFixtureWithAFindingFails() throws Exception {
        Path good = write("testkit-flag", "good.yaml", """
                kind: Thing
                flagA: 1
                """);
        String message = failure(good);
        assertTrue(message.contains("unexpected finding at line 2"), message);
    }

    @Test
    void cleanGoodFixturePasses() throws Exception {
        Path good = write("testkit-flag", "good.yaml", """
                kind: Thing
                other: 1
                """);
        assertDoesNotThrow(() -> verify(good));
    }

    @Test
    void badFixtureMustExpectItsRule() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                other: 1
                """);
        String message = failure(bad);
        assertTrue(message.contains("a bad fixture must expect at least one finding of testkit-flag"), message);
    }

    @Test
    void findingsOfRulesTheFixtureDoesNotNameAreIgnored() throws Exception {
        // duplicate-key reports the second "a"; the fixture neither names it nor is about it
        Path good = write("testkit-flag", "good.yaml", """
                kind: Thing
                a: 1
                a: 2
                """);
        assertDoesNotThrow(() -> verify(good));
    }

    @Test
    void aMarkedOtherRuleIsCheckedStrictlyToo() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "flagA"
                a: 1
                a: 2 # expect: duplicate-key "duplicate key"
                b: 1
                b: 2
                """);
        String message = failure(bad);
        assertTrue(message.contains("unexpected finding at line 6, column 1: duplicate-key"), message);
    }

    @Test
    void ruleOffByDefaultIsEnabledForItsFixtures() throws Exception {
        Path bad = write("testkit-off", "bad.yaml", """
                kind: Thing
                quiet: true # expect: testkit-off "quiet is set"
                """);
        assertDoesNotThrow(() -> verify(bad));
    }

    @Test
    void unknownRuleFolderFails() throws Exception {
        Path bad = write("no-such-rule", "bad.yaml", "kind: Thing\n");
        String message = failure(bad);
        assertTrue(message.contains("fixture folder no-such-rule names no known rule"), message);
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
    void defaultsApplyWithoutHeader() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                flagA: 1 # expect: testkit-flag "(kubernetes 1.35, limit 3)"
                """);
        assertDoesNotThrow(() -> verify(bad));
    }

    @Test
    void headerMistakesAreReported() throws Exception {
        Path unknownSetting = write("testkit-flag", "bad.yaml", """
                # fixture: kubernetes=1.30
                kind: Thing
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> verify(unknownSetting));
        assertTrue(e.getMessage().contains("unknown fixture setting kubernetes"), e.getMessage());

        Path unknownParam = write("testkit-flag", "bad-2.yaml", """
                # fixture: param nope=1
                kind: Thing
                flagA: 1 # expect: testkit-flag "flagA"
                """);
        assertTrue(failure(unknownParam).contains("rule testkit-flag has no parameter nope"));

        Path wrongType = write("testkit-flag", "bad-3.yaml", """
                # fixture: param limit=many
                kind: Thing
                flagA: 1 # expect: testkit-flag "flagA"
                """);
        assertThrows(IllegalArgumentException.class, () -> verify(wrongType));
    }

    @Test
    void headerEndsAtTheFirstContentLine() throws Exception {
        Path bad = write("testkit-flag", "bad.yaml", """
                kind: Thing
                # fixture: kubernetes-version=1.30
                flagA: 1 # expect: testkit-flag "kubernetes 1.35"
                """);
        assertDoesNotThrow(() -> verify(bad));
    }

    @Test
    void withRuleAddsATestOnlyRule() throws Exception {
        Path bad = write("rule-failure", "bad.yaml", """
                # fixture: with-rule=dev.kubelint.testkit.TestRules$ThrowingRule
                kind: Thing # expect: rule-failure "rule testkit-throws failed"
                """);
        assertDoesNotThrow(() -> verify(bad));

        Path notARule = write("rule-failure", "bad-2.yaml", """
                # fixture: with-rule=java.lang.String
                kind: Thing # expect: rule-failure "failed"
                """);
        assertTrue(failure(notARule).contains("with-rule java.lang.String is not a rule class"));
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
