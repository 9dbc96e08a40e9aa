package dev.kubelint.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    private static ReadResult read(YamlReader reader, String text) {
        return reader.read("test.yaml", text);
    }

    private YamlNode root(String text) {
        ReadResult result = read(reader, text);
        assertEquals(List.of(), result.problems(), "problems");
        return result.documents().get(0).root().orElseThrow();
    }

    private ScalarNode scalar(String text, String pointer) {
        return (ScalarNode) root(text).at(pointer).orElseThrow();
    }

    @Test
    void nodesKnowTheirPositionsAndPointers() {
        YamlNode root = root(
                "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    ports:\n    - containerPort: 80\n");
        ScalarNode port =
                (ScalarNode) root.at("/spec/containers/0/ports/0/containerPort").orElseThrow();
        assertEquals(new Position(7, 22), port.span().start());
        assertEquals(new Position(7, 24), port.span().end());
        assertEquals("/spec/containers/0/ports/0/containerPort", port.pointer());
        MappingNode container = (MappingNode) root.at("/spec/containers/0").orElseThrow();
        assertEquals(new Position(5, 5), container.span().start());
        assertEquals(new Position(6, 5), container.keySpan("ports").start());
        assertEquals("spec.containers[0].ports[0].containerPort", JsonPointers.toPath(port.pointer()));
    }

    @Test
    void quotedScalarsAreStringsAndPlainOnesAreTypedLikeKubectl() {
        assertEquals(Boolean.TRUE, scalar("gpu: yes", "/gpu").value());
        assertEquals("yes", scalar("gpu: \"yes\"", "/gpu").value());
        assertEquals("yes", scalar("gpu: 'yes'", "/gpu").value());
        assertEquals(511L, scalar("mode: 0777", "/mode").value());
        assertEquals("0777", scalar("mode: \"0777\"", "/mode").value());
        assertEquals(1000.0, scalar("num: 1e3", "/num").value());
        // "n" itself is a key that kubectl reads as the boolean false
        assertEquals(1000.0, scalar("n: 1e3", "/false").value());
        assertEquals(ScalarType.NULL, scalar("v:", "/v").type());
        assertEquals("line\n", scalar("v: |\n  line\n", "/v").value());
        assertEquals(ScalarStyle.LITERAL, scalar("v: |\n  line\n", "/v").style());
        assertEquals("42", scalar("v: !!str 42", "/v").value());
    }

    @Test
    void nonStringKeysBecomeStringKeys() {
        MappingNode root = (MappingNode) root("on: 1\n0x10: 2\n");
        assertTrue(root.has("true"));
        assertTrue(root.has("16"));
    }

    @Test
    void duplicateKeysAreReportedWithBothPositionsAndTheLastWins() {
        ReadResult result = read(reader, "a: 1\nb: 2\na: 3\n");
        ReadProblem p = onlyProblem(result, ReadProblem.Kind.DUPLICATE_KEY);
        assertEquals(new Position(3, 1), p.span().start());
        assertEquals(new Position(1, 1), p.related().get(0).start());
        assertTrue(p.message().contains("first at line 1, column 1"), p.message());
        MappingNode root = (MappingNode) result.documents().get(0).root().orElseThrow();
        assertEquals(3L, root.scalar("a").orElseThrow().value());
        assertEquals(2, root.entries().size());
    }

    @Test
    void keysThatKubectlSeesAsTheSameAreDuplicates() {
        ReadResult result = read(reader, "y: 1\ntrue: 2\n");
        assertEquals(ReadProblem.Kind.DUPLICATE_KEY, result.problems().get(0).kind());
    }

    @Test
    void mergeKeysAndAliasesWorkWithPointersOfTheirNewPlace() {
        MappingNode root = (MappingNode) root("base: &b\n  x: 1\n  z: 2\nm:\n  <<: *b\n  z: 3\nlist: [*b]\n");
        MappingNode m = root.mapping("m").orElseThrow();
        assertEquals(1L, m.scalar("x").orElseThrow().value());
        assertEquals(3L, m.scalar("z").orElseThrow().value());
        assertEquals("/m/x", m.get("x").orElseThrow().pointer());
        assertFalse(m.has("<<"));
        assertEquals("/list/0/z", root.at("/list/0/z").orElseThrow().pointer());
    }

    @Test
    void mergeOfAListOfMappingsPrefersTheEarlierOne() {
        MappingNode root = (MappingNode) root("a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc:\n  <<: [*a, *b]\n");
        MappingNode c = root.mapping("c").orElseThrow();
        assertEquals(1L, c.scalar("k").orElseThrow().value());
        assertEquals(3L, c.scalar("j").orElseThrow().value());
    }

    @Test
    void multipleDocumentsAreIndexedAndEmptyOnesKept() {
        ReadResult result = read(reader, "a: 1\n---\n---\nb: 2\n");
        assertEquals(3, result.documents().size());
        assertTrue(result.documents().get(1).root().isEmpty());
        assertEquals(2, result.documents().get(2).index());
    }

    @Test
    void aSyntaxErrorIsReportedAndLaterDocumentsAreStillRead() {
        ReadResult result = read(reader, "a: 1\n---\nb: [1, 2\n---\nc: 3\n");
        ReadProblem p = onlyProblem(result, ReadProblem.Kind.SYNTAX);
        assertEquals(4, p.span().start().line());
        assertEquals(1, p.documentIndex());
        assertEquals(2, result.documents().size());
        YamlDocument last = result.documents().get(1);
        assertEquals(2, last.index());
        assertEquals(
                5,
                ((MappingNode) last.root().orElseThrow())
                        .get("c")
                        .orElseThrow()
                        .span()
                        .start()
                        .line());
    }

    @Test
    void kubectlsSingleQuoteEscapeIsAccepted() {
        ScalarNode s = scalar("command: \"echo \\'hi\\' and \\\"there\\\"\"\n", "/command");
        assertEquals("echo 'hi' and \"there\"", s.value());
        assertEquals(new Position(1, 10), s.span().start());
    }

    @Test
    void strictJsonIsRequiredWhenTheStreamStartsWithABrace() {
        ReadResult ok =
                read(reader, "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"x\"}}");
        assertEquals(List.of(), ok.problems());
        ReadResult trailingComma = read(reader, "{\n  \"a\": 1,\n}\n");
        assertEquals(ReadProblem.Kind.SYNTAX, trailingComma.problems().get(0).kind());
        assertEquals(3, trailingComma.problems().get(0).span().start().line());
        ReadResult comment = read(reader, "{\n  // no comments in JSON\n  \"a\": 1\n}\n");
        assertEquals(2, comment.problems().get(0).span().start().line());
    }

    @Test
    void deepNestingHitsTheDepthLimitWithoutOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ReadResult result = read(reader, deep);
        assertEquals(ReadProblem.Kind.LIMIT, result.problems().get(0).kind());
        assertTrue(
                result.problems().get(0).message().contains("max-depth"),
                result.problems().get(0).message());
    }

    @Test
    void aliasBombsHitTheAliasLimit() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 30; i++) {
            bomb.append("a" + i + ": &a" + i + " [*a" + (i - 1) + ", *a" + (i - 1) + "]\n");
        }
        ReadResult result = read(reader, bomb.toString());
        assertEquals(ReadProblem.Kind.LIMIT, result.problems().get(0).kind());
        assertTrue(result.problems().get(0).message().contains("max-alias-nodes"));
    }

    @Test
    void recursiveAliasesAreReportedNotFollowed() {
        ReadResult result = read(reader, "a: &a [*a]\n");
        assertEquals(ReadProblem.Kind.SYNTAX, result.problems().get(0).kind());
        assertTrue(result.problems().get(0).message().contains("recursive"));
    }

    @Test
    void theDocumentLimitStopsReading() {
        YamlReader small = new YamlReader(ReadLimits.DEFAULTS.with(ReadLimits.Limit.DOCUMENTS, 3));
        ReadResult result = read(small, "a: 1\n---\na: 2\n---\na: 3\n---\na: 4\n---\na: 5\n");
        assertEquals(3, result.documents().size());
        assertEquals(ReadProblem.Kind.LIMIT, result.problems().get(0).kind());
        assertEquals(
                6, result.problems().get(0).span().start().line(), "the fourth document starts at the --- on line 6");
    }

    @Test
    void longScalarsHitTheScalarLimit() {
        YamlReader small = new YamlReader(ReadLimits.DEFAULTS.with(ReadLimits.Limit.SCALAR_LENGTH, 10));
        ReadResult result = read(small, "a: " + "x".repeat(11) + "\n");
        assertEquals(ReadProblem.Kind.LIMIT, result.problems().get(0).kind());
    }

    @Test
    void tagsNeverConstructAnythingAndAreReported() {
        ReadResult result = read(reader, "a: !!python/object:os.system echo\nb: !!java.lang.Runtime {}\n");
        assertEquals(2, result.problems().size());
        assertTrue(result.problems().stream().allMatch(p -> p.kind() == ReadProblem.Kind.TAG));
        MappingNode root = (MappingNode) result.documents().get(0).root().orElseThrow();
        assertEquals("echo", root.scalar("a").orElseThrow().value());
    }

    @Test
    void complexKeysAreSyntaxProblemsForKubectl() {
        ReadResult result = read(reader, "? [a, b]\n: value\nok: 1\n");
        assertEquals(ReadProblem.Kind.SYNTAX, result.problems().get(0).kind());
        MappingNode root = (MappingNode) result.documents().get(0).root().orElseThrow();
        assertTrue(root.has("ok"));
    }

    @Test
    void crlfLineEndingsKeepLineNumbers() {
        ReadResult result = read(reader, "a: 1\r\nb: 2\r\n");
        MappingNode root = (MappingNode) result.documents().get(0).root().orElseThrow();
        assertEquals(2, root.get("b").orElseThrow().span().start().line());
        assertInstanceOf(ScalarNode.class, root.get("b").orElseThrow());
    }

    /** The one problem of a read, which must be of the kind given. */
    private static ReadProblem onlyProblem(ReadResult result, ReadProblem.Kind kind) {
        assertEquals(1, result.problems().size(), result.problems()::toString);
        ReadProblem p = result.problems().get(0);
        assertEquals(kind, p.kind());
        return p;
    }
}
