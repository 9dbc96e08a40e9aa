package dev.kubelint.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the reader recovers from what SnakeYAML refuses, without losing documents or positions. */
class YamlReaderRecoveryTest {

    private final YamlReader reader = new YamlReader();

    @Test
    void singleQuoteEscapesInManyDocumentsKeepEveryDocumentValueAndPosition() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("---\nk: \"it\\'s \\'").append(i).append("\\'\"\nv: \"x\\'\"\n");
        }
        text.append("---\na: 1\na: 2\n");
        ReadResult result = reader.read("escapes.yaml", text.toString());
        assertEquals(51, result.documents().size());
        for (int i = 0; i < 50; i++) {
            MappingNode doc = (MappingNode) result.documents().get(i).root().orElseThrow();
            assertEquals("it's '" + i + "'", doc.scalar("k").orElseThrow().value());
            assertEquals("x'", doc.scalar("v").orElseThrow().value());
            assertEquals(
                    new Position(3 * i + 2, 4),
                    doc.scalar("k").orElseThrow().span().start());
        }
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals(ReadProblem.Kind.DUPLICATE_KEY, result.problems().get(0).kind());
        assertEquals(
                new Position(3 * 50 + 3, 1), result.problems().get(0).span().start());
    }

    @Test
    void aTagDirectiveBeforeADocumentWithAnEscapeStillApplies() {
        String text = "a: 1\n---\nb: 2\n...\n%TAG !e! tag:example.com,2000:\n---\nc: !e!x \"it\\'s\"\n";
        ReadResult result = reader.read("directive.yaml", text);
        assertEquals(3, result.documents().size());
        assertEquals(
                List.of(ReadProblem.Kind.TAG),
                result.problems().stream().map(ReadProblem::kind).toList());
        assertEquals(
                "it's",
                ((MappingNode) result.documents().get(2).root().orElseThrow())
                        .scalar("c")
                        .orElseThrow()
                        .value());
    }

    @Test
    void aControlCharacterIsPlacedAndTheDocumentsAroundItAreRead() {
        ReadResult result = reader.read("nul.yaml", "a: 1\n---\nb: x\u0000y\n---\nc: 3\nc: 4\n");
        assertEquals(2, result.problems().size(), result.problems().toString());
        ReadProblem nul = result.problems().get(0);
        assertEquals(new Position(3, 5), nul.span().start());
        assertTrue(nul.message().contains("U+0000"), nul.message());
        assertEquals(1, nul.documentIndex());
        assertEquals(ReadProblem.Kind.DUPLICATE_KEY, result.problems().get(1).kind());
        assertEquals(3, result.documents().size());
    }

    @Test
    void aDocumentOverALimitIsAbandonedAndTheNextOneRead() {
        String deep = "a: " + "[".repeat(300) + "]".repeat(300) + "\n---\nb: 1\nb: 2\n";
        ReadResult result = reader.read("deep.yaml", deep);
        assertEquals(
                List.of(ReadProblem.Kind.LIMIT, ReadProblem.Kind.DUPLICATE_KEY),
                result.problems().stream().map(ReadProblem::kind).toList());
        assertEquals(new Position(4, 1), result.problems().get(1).span().start());
        assertEquals(1, result.problems().get(1).documentIndex());
    }

    @Test
    void brokenDocumentsCountTowardsTheDocumentLimit() {
        YamlReader small = new YamlReader(ReadLimits.DEFAULTS.with(ReadLimits.Limit.DOCUMENTS, 5));
        ReadResult result = small.read("broken.yaml", "---\na: [\n".repeat(100));
        assertEquals(6, result.problems().size());
        assertEquals(ReadProblem.Kind.LIMIT, result.problems().get(5).kind());
        assertEquals(new Position(11, 1), result.problems().get(5).span().start());
    }

    @Test
    void concatenatedJsonValuesAreDocumentsOfTheirOwn() {
        ReadResult result = reader.read("stream.json", "{\"a\": 1}\n{\"b\": 2, \"b\": 3} {\"c\": [1]}\n");
        assertEquals(3, result.documents().size());
        assertEquals(1, result.problems().size());
        assertEquals(new Position(2, 10), result.problems().get(0).span().start());
        assertEquals(1, result.problems().get(0).documentIndex());
        MappingNode third = (MappingNode) result.documents().get(2).root().orElseThrow();
        assertEquals(new Position(2, 18), third.span().start());
    }

    @Test
    void kubectlRefusesOtherYamlVersions() {
        assertTrue(reader.read("v.yaml", "%YAML 1.1\n---\na: 1\n").problems().isEmpty());
        ReadResult future = reader.read("v.yaml", "%YAML 2.0\n---\na: 1\n");
        assertEquals(ReadProblem.Kind.SYNTAX, future.problems().get(0).kind());
    }

    @Test
    void anEscapeCutOffByTheEndOfTheFileIsASyntaxErrorAtItsBackslash() {
        for (String escape : List.of("\\x", "\\u", "\\U")) {
            ReadResult result = reader.read("cut.yaml", "a: 1\na: 2\n---\ndata: {k: \"" + escape);
            assertEquals(
                    List.of(ReadProblem.Kind.DUPLICATE_KEY, ReadProblem.Kind.SYNTAX),
                    result.problems().stream().map(ReadProblem::kind).toList(),
                    escape + ": " + result.problems());
            ReadProblem cut = result.problems().get(1);
            assertEquals(new Position(4, 12), cut.span().start(), escape + ": " + cut);
            assertEquals(1, cut.documentIndex());
        }
        ReadProblem inBlock = reader.read("cut.yaml", "k: \"\\u").problems().get(0);
        assertTrue(inBlock.message().contains("cut off by the end of the file"), inBlock.message());
        assertEquals(new Position(1, 5), inBlock.span().start());
    }

    @Test
    void aFinalLoneCarriageReturnEndsTheLine() {
        ReadProblem atEnd = reader.read("cr.yaml", "a: {\r").problems().get(0);
        assertEquals(new Position(2, 1), atEnd.span().start(), atEnd.toString());
        ReadProblem crLines = reader.read("cr.yaml", "a: {\rb: 1\r").problems().get(0);
        assertEquals(new Position(3, 1), crLines.span().start(), crLines.toString());
    }
}
