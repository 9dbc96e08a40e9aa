package dev.kubelint.core.yaml;

import dev.kubelint.core.yaml.ReadLimits.Limit;
import dev.kubelint.core.yaml.ReadProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a YAML or JSON stream into {@link YamlNode} trees with positions, the way kubectl reads it.
 *
 * <p>The tree is built straight from SnakeYAML Engine's parser events, without its composer ({@link TreeBuilder}):
 * that keeps one tree instead of two, needs no recursion (so deep nesting cannot overflow the stack), and lets
 * kubelint type scalars by YAML 1.1 rules, apply merge keys, report every duplicate key with both positions and
 * bound what aliases may expand to. This class is the resume loop around it: a syntax error ends the document it
 * is in; reading resumes at the next {@code ---} line ({@link TextOffsets}), so later documents of the same file
 * are still linted, and a {@code \'} escape that kubectl accepts is patched and read again ({@link EscapePatch}).
 */
public final class YamlReader {

    private final ReadLimits limits;

    public YamlReader(ReadLimits limits) {
        this.limits = limits;
    }

    public YamlReader() {
        this(ReadLimits.DEFAULTS);
    }

    public ReadLimits limits() {
        return limits;
    }

    /** Reads a whole stream; never throws for bad input. */
    public ReadResult read(String name, String text) {
        List<YamlDocument> documents = new ArrayList<>();
        FileBudget.Problems problems = new FileBudget.Problems();
        FileBudget budget = new FileBudget(limits, text.length());
        if (text.length() > limits.maxFileBytes()) {
            problems.add(new ReadProblem(
                    Kind.LIMIT,
                    "file has " + text.length() + " characters, more than the limit of " + limits.maxFileBytes() + " ("
                            + Limit.FILE_SIZE.key() + "); it was not read: " + Limit.FILE_SIZE.howToRaise(),
                    Span.START,
                    0));
            return new ReadResult(documents, problems.summarize());
        }
        FileRead file = new FileRead(name, limits, budget, documents, problems);
        List<Integer> jsonRoots = new ArrayList<>();
        if (StrictJson.looksLikeJson(text)) {
            Optional<ReadProblem> json = StrictJson.check(text, jsonRoots);
            if (json.isPresent()) {
                problems.add(json.get());
                return new ReadResult(documents, problems.summarize());
            }
            if (jsonRoots.size() > 1) {
                readJsonStream(file, TextOffsets.withFinalLineBreak(text.toCharArray()), jsonRoots);
                return new ReadResult(documents, problems.summarize());
            }
        }
        // Passes read views of one array, never copies: each pass starts where the previous one gave up, so a
        // file of many broken documents costs time in proportion to its length, not to its length squared.
        char[] chars = TextOffsets.withFinalLineBreak(text.toCharArray());
        maskSpecialCharacters(chars).ifPresent(problems::add);
        int start = 0;
        int lineOffset = 0;
        int nextIndex = 0;
        boolean patched = false;
        long escapeWork = 0;
        long escapeBudget = 8L * chars.length + ESCAPE_BUDGET_SLACK;
        int bufferSize = TextOffsets.bufferSize(chars);
        while (true) {
            ParsePass pass = new ParsePass(file, lineOffset, nextIndex);
            Optional<MarkedYamlEngineException> error = pass.run(new GrowingReader(chars, start), bufferSize, patched);
            if (budget.exhausted()) {
                break;
            }
            Optional<Mark> stop;
            if (error.isEmpty()) {
                stop = pass.abandonedAt();
                if (stop.isEmpty()) {
                    break;
                }
            } else {
                MarkedYamlEngineException e = error.get();
                stop = e.getProblemMark().or(e::getContextMark);
                int errorAt = stop.isPresent()
                        ? TextOffsets.charOffset(chars, start, stop.get().getIndex())
                        : start;
                // kubectl's YAML library accepts \' inside double quotes (as a plain '); SnakeYAML does not. Patch
                // every such escape of that scalar to an equivalent of the same length, so positions stay true, and
                // read again from the end of the last complete document. A budget on the text re-read keeps a file
                // full of such scalars from taking forever.
                if (stop.isPresent()
                        && EscapePatch.isSingleQuoteEscape(e, chars, errorAt)
                        && escapeWork < escapeBudget) {
                    EscapePatch.patchSingleQuoteEscapes(chars, errorAt);
                    patched = true;
                    int restartAt = start;
                    Optional<Mark> kept = pass.rollbackToLastDocument();
                    if (kept.isPresent()) {
                        int end =
                                TextOffsets.charOffset(chars, start, kept.get().getIndex());
                        restartAt = kept.get().getColumn() == 0 ? end : TextOffsets.nextLineStart(chars, end);
                        nextIndex = pass.currentDocumentIndex();
                    }
                    escapeWork += errorAt - restartAt;
                    lineOffset += TextOffsets.lineBreaks(chars, start, restartAt);
                    start = restartAt;
                    continue;
                }
                int errorLine = stop.map(Mark::getLine).orElse(0);
                int errorColumn = stop.map(Mark::getColumn).orElse(0);
                Span at = Span.at(lineOffset + errorLine + 1, errorColumn + 1);
                String message = syntaxMessage(e, lineOffset);
                if (stop.isPresent() && EscapePatch.isSingleQuoteEscape(e, chars, errorAt)) {
                    message += "; kubectl accepts \\' in double quotes, but this file has too many such scalars for"
                            + " kubelint to re-read: write ' without the backslash";
                }
                problems.add(new ReadProblem(Kind.SYNTAX, message, at, pass.currentDocumentIndex()));
            }
            nextIndex = pass.currentDocumentIndex() + 1;
            // resume at the next document marker on a later line than the start of the failed pass
            int stopLine = stop.map(Mark::getLine).orElse(0);
            int stopAt = stop.isPresent()
                    ? TextOffsets.charOffset(chars, start, stop.get().getIndex())
                    : start;
            int from = stopLine == 0
                    ? TextOffsets.nextLineStart(chars, start)
                    : TextOffsets.lineStart(chars, start, stopAt);
            int resume = TextOffsets.nextDocumentStart(chars, from);
            if (resume < 0) {
                break;
            }
            lineOffset += TextOffsets.lineBreaks(chars, start, resume);
            start = resume;
            if (nextIndex >= limits.maxDocuments()) {
                problems.add(documentLimit(limits, Span.at(lineOffset + 1, 1), nextIndex));
                break;
            }
        }
        return new ReadResult(documents, problems.summarize());
    }

    private static final long ESCAPE_BUDGET_SLACK = 1 << 20;

    /**
     * Several JSON values one after the other: kubectl's JSON decoder reads them as separate objects, so each is
     * read as a document of its own, in place (its first line padded, so that columns stay true).
     */
    private void readJsonStream(FileRead file, char[] chars, List<Integer> roots) {
        FileBudget budget = file.budget();
        int bufferSize = TextOffsets.bufferSize(chars);
        int lineOffset = 0;
        int counted = 0;
        for (int i = 0; i < roots.size() && i < limits.maxDocuments() && !budget.exhausted(); i++) {
            int start = roots.get(i);
            int end = i + 1 < roots.size() ? roots.get(i + 1) : chars.length;
            lineOffset += TextOffsets.lineBreaks(chars, counted, start);
            counted = start;
            int pad = start - TextOffsets.lineStart(chars, 0, start);
            ParsePass pass = new ParsePass(file, lineOffset, i);
            Optional<MarkedYamlEngineException> error =
                    pass.run(new GrowingReader(chars, start, end, pad), bufferSize, false);
            if (error.isPresent()) {
                MarkedYamlEngineException e = error.get();
                Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
                file.report(new ReadProblem(
                        Kind.SYNTAX,
                        syntaxMessage(e, lineOffset),
                        Span.at(
                                lineOffset + mark.map(Mark::getLine).orElse(0) + 1,
                                mark.map(Mark::getColumn).orElse(0) + 1),
                        i));
            }
        }
        if (roots.size() > limits.maxDocuments() && !budget.exhausted()) {
            int start = roots.get(limits.maxDocuments());
            file.report(documentLimit(
                    limits,
                    Span.at(lineOffset + TextOffsets.lineBreaks(chars, counted, start) + 1, 1),
                    limits.maxDocuments()));
        }
    }

    /**
     * YAML forbids control characters such as NUL. SnakeYAML checks that while it fills its buffer, ahead of the
     * parser, so its error would name no useful position and lose the documents before the character. Instead,
     * report the first such character where it is, and read the rest with each replaced by a space.
     */
    private static Optional<ReadProblem> maskSpecialCharacters(char[] chars) {
        int first = -1;
        int firstCodePoint = 0;
        int count = 0;
        for (int i = 0; i < chars.length; ) {
            char c = chars[i];
            // printable ASCII and line breaks, nearly every character of a manifest, without the code point work
            if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\r' || c == '\t') {
                i++;
                continue;
            }
            int cp = Character.codePointAt(chars, i);
            int width = Character.charCount(cp);
            if (!StreamReader.isPrintable(cp)) {
                if (first < 0) {
                    first = i;
                    firstCodePoint = cp;
                }
                count++;
                java.util.Arrays.fill(chars, i, i + width, ' ');
            }
            i += width;
        }
        if (first < 0) {
            return Optional.empty();
        }
        Position at = TextOffsets.positionOf(chars, first);
        String more = count > 1 ? " (and " + (count - 1) + " more in this file)" : "";
        return Optional.of(new ReadProblem(
                Kind.SYNTAX,
                String.format(
                        "YAML syntax error: special character U+%04X is not"
                                + " allowed in YAML%s; is this a binary file?",
                        firstCodePoint, more),
                new Span(at, at),
                TextOffsets.documentsBefore(chars, first)));
    }

    static ReadProblem documentLimit(ReadLimits limits, Span at, int documentIndex) {
        return new ReadProblem(
                Kind.LIMIT,
                "the file has more than " + limits.maxDocuments() + " documents (" + Limit.DOCUMENTS.key()
                        + "); the rest were not read: " + Limit.DOCUMENTS.howToRaise(),
                at,
                documentIndex);
    }

    private static String syntaxMessage(MarkedYamlEngineException e, int lineOffset) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext();
        String message = problem;
        if (context != null) {
            message += " (" + context
                    + e.getContextMark()
                            .filter(m -> !m.equals(e.getProblemMark().orElse(null)))
                            .map(m -> " that starts at line " + (lineOffset + m.getLine() + 1) + ", column "
                                    + (m.getColumn() + 1))
                            .orElse("")
                    + ")";
        }
        return "YAML syntax error: " + message.replace('\n', ' ').trim();
    }
}
