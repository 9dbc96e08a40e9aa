package dev.kubelint.core.yaml;

import dev.kubelint.core.yaml.ReadProblem.Kind;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * One parse of (a suffix of) the stream: runs SnakeYAML Engine's parser, hands each document's events to a
 * {@link TreeBuilder}, and keeps what the {@link YamlReader}'s resume loop needs: where a limit made it give up,
 * and where its last complete document ended.
 */
final class ParsePass {
    private final FileRead file;
    private final int lineOffset;
    private final int documentsBefore;
    private final int problemsBefore;

    private int documentIndex;
    private TreeBuilder tree;
    private Position documentStart;
    private boolean patchedEscapes;
    private Optional<Mark> abandonedAt = Optional.empty();
    private Optional<Mark> lastDocumentEnd = Optional.empty();
    private int documentsAtLastEnd;
    private int problemsAtLastEnd;

    /** A pass over the part of {@code file} that starts {@code lineOffset} lines into it. */
    ParsePass(FileRead file, int lineOffset, int firstDocumentIndex) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.documentsBefore = file.documents().size();
        this.problemsBefore = file.problems().size();
        this.documentIndex = firstDocumentIndex;
    }

    int currentDocumentIndex() {
        return documentIndex;
    }

    /** Where a limit made this pass give up its document; reading resumes at the next document marker. */
    Optional<Mark> abandonedAt() {
        return abandonedAt;
    }

    /**
     * Forgets what this pass read after its last complete document and returns where that document ended
     * (empty: nothing is kept, read again from the start of the pass); {@link #currentDocumentIndex()} is then
     * the index of the next document.
     */
    Optional<Mark> rollbackToLastDocument() {
        int keepDocuments = lastDocumentEnd.isPresent() ? documentsAtLastEnd : documentsBefore;
        int keepProblems = lastDocumentEnd.isPresent() ? problemsAtLastEnd : problemsBefore;
        file.truncate(keepDocuments, keepProblems);
        List<YamlDocument> documents = file.documents();
        if (lastDocumentEnd.isPresent()) {
            documentIndex = documents.isEmpty()
                    ? documentIndex
                    : documents.get(documents.size() - 1).index() + 1;
        }
        return lastDocumentEnd;
    }

    Optional<MarkedYamlEngineException> run(GrowingReader text, int bufferSize, boolean patched) {
        patchedEscapes = patched;
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file.name())
                .setBufferSize(bufferSize)
                .setCodePointLimit(
                        (int) Math.min(Integer.MAX_VALUE, file.limits().maxFileBytes() + 1))
                .setParseComments(false)
                .setUseMarks(true)
                .build();
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        try {
            while (parser.hasNext()) {
                Event event = parser.next();
                if (!handle(event)) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            return Optional.of(e);
        } catch (NumberFormatException e) {
            // SnakeYAML's scanner reads the missing digits of an x, u or U escape that the end of the stream cuts off
            // as
            // an empty number, where it means to report a syntax error
            return Optional.of(new ScannerException(
                    "while scanning a double-quoted scalar",
                    Optional.empty(),
                    "an escape sequence is cut off by the end of the file: \\x takes 2 hexadecimal digits, \\u 4"
                            + " and \\U 8",
                    Optional.of(text.markOf(text.lastBackslash()))));
        } catch (YamlEngineException e) {
            String message = e.getMessage() == null ? "invalid YAML" : e.getMessage();
            file.report(new ReadProblem(
                    Kind.SYNTAX,
                    "YAML syntax error: " + message.replace('\n', ' '),
                    Span.at(lineOffset + 1, 1),
                    documentIndex));
            return Optional.empty();
        }
    }

    /** Returns false to stop reading the stream. */
    private boolean handle(Event event) {
        if (abandonedAt.isPresent()) {
            return false;
        }
        switch (event.getEventId()) {
            case DocumentStart -> {
                if (file.budget().exhausted()) {
                    return false;
                }
                if (documentIndex >= file.limits().maxDocuments()) {
                    file.report(YamlReader.documentLimit(
                            file.limits(),
                            Events.position(lineOffset, event.getStartMark())
                                    .map(p -> new Span(p, p))
                                    .orElse(Span.START),
                            documentIndex));
                    return false;
                }
                tree = new TreeBuilder(file, lineOffset, documentIndex, patchedEscapes);
                documentStart =
                        Events.position(lineOffset, event.getStartMark()).orElse(Position.START);
                unsupportedVersion((DocumentStartEvent) event);
            }
            case DocumentEnd -> {
                Position end = Events.position(lineOffset, event.getEndMark()).orElse(documentStart);
                file.documents().add(new YamlDocument(documentIndex, tree.root(), new Span(documentStart, end)));
                documentIndex++;
                lastDocumentEnd = event.getEndMark();
                documentsAtLastEnd = file.documents().size();
                problemsAtLastEnd = file.problems().size();
            }
            case MappingStart, SequenceStart, MappingEnd, SequenceEnd, Scalar, Alias -> {
                tree.accept(event);
                if (tree.abandoned()) {
                    // Parsing the rest of a document over a limit costs time for nothing, and deep flow nesting
                    // costs the parser time in proportion to the depth for every token: stop here and resume at
                    // the next document marker instead.
                    abandonedAt = event.getStartMark();
                    if (!file.budget().exhausted() && !file.budget().addAbandoned()) {
                        file.report(new ReadProblem(
                                Kind.LIMIT,
                                file.budget().abandonedMessage(),
                                Events.span(lineOffset, event),
                                documentIndex));
                        file.budget().exhaust();
                    }
                }
            }
            default -> {
                // stream start and end, comments
            }
        }
        return abandonedAt.isEmpty();
    }

    /** kubectl's YAML library refuses any %YAML directive but 1.1 and 1.2. */
    private void unsupportedVersion(DocumentStartEvent event) {
        event.getSpecVersion()
                .filter(v -> v.getMajor() != 1 || v.getMinor() < 1 || v.getMinor() > 2)
                .ifPresent(v -> file.report(new ReadProblem(
                        Kind.SYNTAX,
                        "YAML syntax error: %YAML " + v.getRepresentation()
                                + " is not supported: kubectl reads YAML 1.1 and 1.2 documents only",
                        Events.span(lineOffset, event),
                        documentIndex)));
    }
}
