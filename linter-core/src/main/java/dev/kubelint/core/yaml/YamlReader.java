package dev.kubelint.core.yaml;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import dev.kubelint.core.yaml.ReadLimits.Limit;
import dev.kubelint.core.yaml.ReadProblem.Kind;

/**
 * Reads a YAML or JSON stream into {@link YamlNode} trees with positions, the way kubectl reads it.
 *
 * <p>The tree is built straight from SnakeYAML Engine's parser events, without its composer: that keeps one
 * tree instead of two, needs no recursion (so deep nesting cannot overflow the stack), and lets kubelint type
 * scalars by YAML 1.1 rules, apply merge keys, report every duplicate key with both positions and bound what
 * aliases may expand to. A syntax error ends the document it is in; reading resumes at the next {@code ---}
 * line, so later documents of the same file are still linted.
 */
public final class YamlReader {

    private static final String MERGE_KEY = "<<";
    private static final int BUFFER_SIZE = 64 * 1024;

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
        List<ReadProblem> problems = new ArrayList<>();
        if (text.length() > limits.maxFileBytes()) {
            problems.add(new ReadProblem(Kind.LIMIT, "file has " + text.length() + " characters, more than the limit of "
                    + limits.maxFileBytes() + " (" + Limit.FILE_SIZE.key() + "); it was not read: " + Limit.FILE_SIZE.howToRaise(),
                    Span.START, 0));
            return new ReadResult(documents, problems);
        }
        List<Integer> jsonRoots = new ArrayList<>();
        if (StrictJson.looksLikeJson(text)) {
            Optional<ReadProblem> json = StrictJson.check(text, jsonRoots);
            if (json.isPresent()) {
                problems.add(json.get());
                return new ReadResult(documents, problems);
            }
            if (jsonRoots.size() > 1) {
                readJsonStream(name, text.toCharArray(), jsonRoots, documents, problems);
                return new ReadResult(documents, problems);
            }
        }
        // Passes read views of one array, never copies: each pass starts where the previous one gave up, so a
        // file of many broken documents costs time in proportion to its length, not to its length squared.
        char[] chars = text.toCharArray();
        maskSpecialCharacters(chars).ifPresent(problems::add);
        int start = 0;
        int lineOffset = 0;
        int nextIndex = 0;
        boolean patched = false;
        long escapeWork = 0;
        long escapeBudget = 8L * chars.length + ESCAPE_BUDGET_SLACK;
        int bufferSize = bufferSize(chars);
        while (true) {
            Pass pass = new Pass(name, lineOffset, nextIndex, documents, problems);
            Optional<MarkedYamlEngineException> error = pass.run(new GrowingReader(chars, start), bufferSize, patched);
            Optional<Mark> stop;
            if (error.isEmpty()) {
                stop = pass.abandonedAt();
                if (stop.isEmpty()) {
                    break;
                }
            } else {
                MarkedYamlEngineException e = error.get();
                stop = e.getProblemMark().or(e::getContextMark);
                int errorAt = stop.isPresent() ? charOffset(chars, start, stop.get().getIndex()) : start;
                // kubectl's YAML library accepts \' inside double quotes (as a plain '); SnakeYAML does not. Patch
                // every such escape of that scalar to an equivalent of the same length, so positions stay true, and
                // read again from the end of the last complete document. A budget on the text re-read keeps a file
                // full of such scalars from taking forever.
                if (stop.isPresent() && isSingleQuoteEscape(e, chars, errorAt) && escapeWork < escapeBudget) {
                    patchSingleQuoteEscapes(chars, errorAt);
                    patched = true;
                    int restartAt = start;
                    Optional<Mark> kept = pass.rollbackToLastDocument();
                    if (kept.isPresent()) {
                        int end = charOffset(chars, start, kept.get().getIndex());
                        restartAt = kept.get().getColumn() == 0 ? end : nextLineStart(chars, end);
                        nextIndex = pass.currentDocumentIndex();
                    }
                    escapeWork += errorAt - restartAt;
                    lineOffset += lineBreaks(chars, start, restartAt);
                    start = restartAt;
                    continue;
                }
                int errorLine = stop.map(Mark::getLine).orElse(0);
                int errorColumn = stop.map(Mark::getColumn).orElse(0);
                Span at = Span.at(lineOffset + errorLine + 1, errorColumn + 1);
                String message = syntaxMessage(e, lineOffset);
                if (stop.isPresent() && isSingleQuoteEscape(e, chars, errorAt)) {
                    message += "; kubectl accepts \\' in double quotes, but this file has too many such scalars for"
                            + " kubelint to re-read: write ' without the backslash";
                }
                problems.add(new ReadProblem(Kind.SYNTAX, message, at, pass.currentDocumentIndex()));
            }
            nextIndex = pass.currentDocumentIndex() + 1;
            // resume at the next document marker on a later line than the start of the failed pass
            int stopLine = stop.map(Mark::getLine).orElse(0);
            int stopAt = stop.isPresent() ? charOffset(chars, start, stop.get().getIndex()) : start;
            int from = stopLine == 0 ? nextLineStart(chars, start) : lineStart(chars, start, stopAt);
            int resume = nextDocumentStart(chars, from);
            if (resume < 0) {
                break;
            }
            lineOffset += lineBreaks(chars, start, resume);
            start = resume;
            if (nextIndex >= limits.maxDocuments()) {
                problems.add(documentLimit(Span.at(lineOffset + 1, 1), nextIndex));
                break;
            }
        }
        return new ReadResult(documents, problems);
    }

    private static final long ESCAPE_BUDGET_SLACK = 1 << 20;

    /**
     * Several JSON values one after the other: kubectl's JSON decoder reads them as separate objects, so each is
     * read as a document of its own, in place (its first line padded, so that columns stay true).
     */
    private void readJsonStream(String name, char[] chars, List<Integer> roots, List<YamlDocument> documents,
                                List<ReadProblem> problems) {
        int bufferSize = bufferSize(chars);
        int lineOffset = 0;
        int counted = 0;
        for (int i = 0; i < roots.size() && i < limits.maxDocuments(); i++) {
            int start = roots.get(i);
            int end = i + 1 < roots.size() ? roots.get(i + 1) : chars.length;
            lineOffset += lineBreaks(chars, counted, start);
            counted = start;
            int pad = start - lineStart(chars, 0, start);
            Pass pass = new Pass(name, lineOffset, i, documents, problems);
            Optional<MarkedYamlEngineException> error = pass.run(new GrowingReader(chars, start, end, pad), bufferSize, false);
            if (error.isPresent()) {
                MarkedYamlEngineException e = error.get();
                Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
                problems.add(new ReadProblem(Kind.SYNTAX, syntaxMessage(e, lineOffset), Span.at(
                        lineOffset + mark.map(Mark::getLine).orElse(0) + 1, mark.map(Mark::getColumn).orElse(0) + 1), i));
            }
        }
        if (roots.size() > limits.maxDocuments()) {
            int start = roots.get(limits.maxDocuments());
            problems.add(documentLimit(Span.at(lineOffset + lineBreaks(chars, counted, start) + 1, 1), limits.maxDocuments()));
        }
    }

    /**
     * The parser's buffer: a token longer than the buffer makes SnakeYAML copy its window again and again, so a
     * file with long lines gets a large one; a file of short lines a small one, which matters when a run of broken
     * documents means one parse per document.
     */
    private static int bufferSize(char[] chars) {
        int longest = 0;
        int lineStart = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\n' || chars[i] == '\r') {
                longest = Math.max(longest, i - lineStart);
                lineStart = i + 1;
            }
        }
        longest = Math.max(longest, chars.length - lineStart);
        return (int) Math.min(BUFFER_SIZE, Math.max(MIN_BUFFER_SIZE, 2L * longest + 2));
    }

    private static final int MIN_BUFFER_SIZE = 1024;

    /** Patches every {@code \'} of the double-quoted scalar in which the one at {@code at} was found. */
    private static void patchSingleQuoteEscapes(char[] chars, int at) {
        chars[at] = SINGLE_QUOTE_MARK;
        for (int i = at + 1; i < chars.length && chars[i] != '"'; i++) {
            if (chars[i] == '\\' && i + 1 < chars.length) {
                if (chars[i + 1] == '\'') {
                    chars[i + 1] = SINGLE_QUOTE_MARK;
                }
                i++;
            }
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
        Position at = positionOf(chars, first);
        String more = count > 1 ? " (and " + (count - 1) + " more in this file)" : "";
        return Optional.of(new ReadProblem(Kind.SYNTAX, String.format("YAML syntax error: special character U+%04X is not"
                + " allowed in YAML%s; is this a binary file?", firstCodePoint, more), new Span(at, at),
                documentsBefore(chars, first)));
    }

    /** 1-based line and column (in code points, as SnakeYAML counts them) of a char offset. */
    private static Position positionOf(char[] chars, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (isLineBreak(chars, i)) {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(chars[i]) && chars[i] != '\uFEFF') {
                column++;
            }
        }
        return new Position(line, column);
    }

    /** The number of document markers before an offset: the index of its document, as near as text can tell. */
    private static int documentsBefore(char[] chars, int offset) {
        int n = 0;
        int firstMarker = nextDocumentStart(chars, 0);
        for (int i = firstMarker; i >= 0 && i < offset; i = nextDocumentStart(chars, nextLineStart(chars, i))) {
            n++;
        }
        // the text before a first marker is a document of its own only when it holds something
        return firstMarker > 0 ? n : Math.max(0, n - 1);
    }

    private ReadProblem documentLimit(Span at, int documentIndex) {
        return new ReadProblem(Kind.LIMIT, "the file has more than " + limits.maxDocuments() + " documents ("
                + Limit.DOCUMENTS.key() + "); the rest were not read: " + Limit.DOCUMENTS.howToRaise(), at, documentIndex);
    }

    private static boolean isSingleQuoteEscape(MarkedYamlEngineException e, char[] chars, int index) {
        String problem = e.getProblem();
        if (problem == null || !problem.contains("unknown escape character")) {
            return false;
        }
        return index >= 1 && index < chars.length && chars[index] == '\'' && chars[index - 1] == '\\';
    }

    /** The character that replaces the quote in a patched {@code \'} escape: YAML's {@code \_} (U+00A0). */
    private static final char SINGLE_QUOTE_MARK = '_';

    /** The char offset of a code point index counted from {@code start}. */
    private static int charOffset(char[] chars, int start, int codePoints) {
        int i = start;
        for (int n = 0; n < codePoints && i < chars.length; n++) {
            i += Character.isHighSurrogate(chars[i]) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1]) ? 2 : 1;
        }
        return Math.min(i, chars.length);
    }

    private static boolean isLineBreak(char[] chars, int i) {
        // as SnakeYAML counts lines: \n, and \r when no \n follows
        return chars[i] == '\n' || chars[i] == '\r' && (i + 1 >= chars.length || chars[i + 1] != '\n');
    }

    private static int lineStart(char[] chars, int floor, int at) {
        int i = Math.min(at, chars.length);
        while (i > floor && !isLineBreak(chars, i - 1)) {
            i--;
        }
        return i;
    }

    private static int nextLineStart(char[] chars, int from) {
        for (int i = from; i < chars.length; i++) {
            if (isLineBreak(chars, i)) {
                return i + 1;
            }
        }
        return chars.length;
    }

    private static int lineBreaks(char[] chars, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (isLineBreak(chars, i)) {
                n++;
            }
        }
        return n;
    }

    private static String syntaxMessage(MarkedYamlEngineException e, int lineOffset) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext();
        String message = problem;
        if (context != null) {
            message += " (" + context + e.getContextMark()
                    .filter(m -> !m.equals(e.getProblemMark().orElse(null)))
                    .map(m -> " that starts at line " + (lineOffset + m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse("") + ")";
        }
        return "YAML syntax error: " + message.replace('\n', ' ').trim();
    }

    /** Char offset of the first line at or after {@code from} (a line start) that starts a document, or -1. */
    private static int nextDocumentStart(char[] chars, int from) {
        int i = from;
        while (i < chars.length) {
            if (i + 3 <= chars.length && chars[i] == '-' && chars[i + 1] == '-' && chars[i + 2] == '-'
                    && (i + 3 == chars.length || Character.isWhitespace(chars[i + 3]))) {
                return i;
            }
            i = nextLineStart(chars, i);
        }
        return -1;
    }

    /** One parse of (a suffix of) the stream. */
    private final class Pass {
        private final String name;
        private final int lineOffset;
        private final List<YamlDocument> documents;
        private final List<ReadProblem> problems;
        private final int documentsBefore;
        private final int problemsBefore;

        private final Deque<Frame> stack = new ArrayDeque<>();
        private final Map<String, Anchored> anchors = new HashMap<>();
        private int documentIndex;
        private YamlNode root;
        private Position documentStart;
        private boolean skipping;
        private int aliasNodes;
        private boolean patchedEscapes;
        private Event current;
        private Optional<Mark> abandonedAt = Optional.empty();
        private Optional<Mark> lastDocumentEnd = Optional.empty();
        private int documentsAtLastEnd;
        private int problemsAtLastEnd;

        Pass(String name, int lineOffset, int firstDocumentIndex, List<YamlDocument> documents, List<ReadProblem> problems) {
            this.name = name;
            this.lineOffset = lineOffset;
            this.documents = documents;
            this.problems = problems;
            this.documentsBefore = documents.size();
            this.problemsBefore = problems.size();
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
            while (documents.size() > keepDocuments) {
                documents.remove(documents.size() - 1);
            }
            while (problems.size() > keepProblems) {
                problems.remove(problems.size() - 1);
            }
            if (lastDocumentEnd.isPresent()) {
                documentIndex = documents.isEmpty() ? documentIndex : documents.get(documents.size() - 1).index() + 1;
            }
            return lastDocumentEnd;
        }

        Optional<MarkedYamlEngineException> run(Reader text, int bufferSize, boolean patched) {
            patchedEscapes = patched;
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(name)
                    .setBufferSize(bufferSize)
                    .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes() + 1))
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
            } catch (YamlEngineException e) {
                String message = e.getMessage() == null ? "invalid YAML" : e.getMessage();
                problems.add(new ReadProblem(Kind.SYNTAX, "YAML syntax error: " + message.replace('\n', ' '),
                        Span.at(lineOffset + 1, 1), documentIndex));
                return Optional.empty();
            }
        }

        /** Returns false to stop reading the stream. */
        private boolean handle(Event event) {
            current = event;
            if (abandonedAt.isPresent()) {
                return false;
            }
            switch (event.getEventId()) {
                case DocumentStart -> {
                    if (documentIndex >= limits.maxDocuments()) {
                        problems.add(documentLimit(position(event.getStartMark()).map(p -> new Span(p, p))
                                .orElse(Span.START), documentIndex));
                        return false;
                    }
                    stack.clear();
                    anchors.clear();
                    root = null;
                    skipping = false;
                    aliasNodes = 0;
                    documentStart = position(event.getStartMark()).orElse(Position.START);
                    unsupportedVersion((DocumentStartEvent) event);
                }
                case DocumentEnd -> {
                    Position end = position(event.getEndMark()).orElse(documentStart);
                    boolean empty = skipping || root == null || root instanceof ScalarNode s && s.isNull();
                    documents.add(new YamlDocument(documentIndex, empty ? Optional.empty() : Optional.of(root),
                            new Span(documentStart, end)));
                    documentIndex++;
                    lastDocumentEnd = event.getEndMark();
                    documentsAtLastEnd = documents.size();
                    problemsAtLastEnd = problems.size();
                }
                case MappingStart, SequenceStart -> {
                    if (!skipping) {
                        startCollection((CollectionStartEvent) event);
                    }
                }
                case MappingEnd, SequenceEnd -> {
                    if (!skipping) {
                        endCollection(event);
                    }
                }
                case Scalar -> {
                    if (!skipping) {
                        scalar((ScalarEvent) event);
                    }
                }
                case Alias -> {
                    if (!skipping) {
                        alias((AliasEvent) event);
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
            event.getSpecVersion().filter(v -> v.getMajor() != 1 || v.getMinor() < 1 || v.getMinor() > 2).ifPresent(v ->
                    problems.add(new ReadProblem(Kind.SYNTAX, "YAML syntax error: %YAML " + v.getRepresentation()
                            + " is not supported: kubectl reads YAML 1.1 and 1.2 documents only", span(event), documentIndex)));
        }

        private void startCollection(CollectionStartEvent event) {
            if (stack.size() >= limits.maxDepth()) {
                skipDocument(Kind.LIMIT, "nesting is deeper than " + limits.maxDepth() + " levels ("
                        + Limit.DEPTH.key() + "); the rest of this document was not read: " + Limit.DEPTH.howToRaise(),
                        span(event));
                return;
            }
            tagProblem(event.getTag(), event, false);
            Slot slot = nextSlot();
            Frame frame = new Frame(event instanceof MappingStartEvent, slot, span(event).start(), event.getAnchor(),
                    event.isFlow());
            stack.push(frame);
            frame.anchorName.ifPresent(a -> anchors.put(a.getValue(), Anchored.PENDING));
        }

        private void endCollection(Event event) {
            Frame frame = stack.pop();
            Position end = frame.flow ? position(event.getEndMark()).orElse(frame.start) : frame.lastEnd;
            Span span = new Span(frame.start, end.compareTo(frame.start) < 0 ? frame.start : end);
            YamlNode node;
            if (frame.mapping) {
                node = new MappingNode(span, frame.slot.pointer, mergedEntries(frame));
            } else {
                node = new SequenceNode(span, frame.slot.pointer, frame.items);
            }
            frame.anchorName.ifPresent(a -> anchors.put(a.getValue(), new Anchored(node)));
            place(frame.slot, node);
        }

        private void scalar(ScalarEvent event) {
            Span span = span(event);
            String text = patchedEscapes && event.isDQuoted() ? event.getValue().replace('\u00a0', '\'') : event.getValue();
            if (text.length() > limits.maxScalarLength()) {
                skipDocument(Kind.LIMIT, "a scalar of " + text.length() + " characters is longer than the limit of "
                        + limits.maxScalarLength() + " (" + Limit.SCALAR_LENGTH.key() + "); the rest of this document was not read: "
                        + Limit.SCALAR_LENGTH.howToRaise(), span);
                return;
            }
            KubeScalars.Resolved resolved = resolve(event, text);
            Frame parent = stack.peek();
            if (parent != null && parent.mapping && parent.pendingKey == null) {
                boolean merge = event.isPlain() && event.getTag().isEmpty() && MERGE_KEY.equals(text);
                parent.pendingKey = merge ? MERGE_KEY : KubeScalars.keyText(resolved, text);
                parent.pendingKeySpan = span;
                parent.pendingMerge = merge;
                parent.lastEnd = span.end();
                event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new Anchored(
                        new ScalarNode(span, "", text, style(event), resolved.type(), resolved.value()))));
                return;
            }
            Slot slot = nextSlot();
            ScalarNode node = new ScalarNode(span, slot.pointer, text, style(event), resolved.type(), resolved.value());
            event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new Anchored(node)));
            place(slot, node);
        }

        private KubeScalars.Resolved resolve(ScalarEvent event, String text) {
            Optional<String> tag = event.getTag();
            if (tag.isPresent() && !"!".equals(tag.get())) {
                KubeScalars.Resolved tagged = KubeScalars.resolveTagged(tag.get(), text);
                if (tagged != null) {
                    return tagged;
                }
                tagProblem(tag, event, true);
            }
            if (event.isPlain() && tag.isEmpty()) {
                return KubeScalars.resolvePlain(text);
            }
            return new KubeScalars.Resolved(ScalarType.STRING, text);
        }

        private void tagProblem(Optional<String> tag, NodeEvent event, boolean scalar) {
            if (tag.isEmpty() || "!".equals(tag.get())) {
                return;
            }
            String t = tag.get();
            boolean standard = t.equals("tag:yaml.org,2002:map") || t.equals("tag:yaml.org,2002:seq")
                    || t.equals("tag:yaml.org,2002:omap");
            if (standard && !scalar) {
                return;
            }
            String shown = t.startsWith("tag:yaml.org,2002:") ? "!!" + t.substring("tag:yaml.org,2002:".length()) : t;
            problems.add(new ReadProblem(Kind.TAG, "YAML tag " + shown + " is ignored: kubelint never constructs objects"
                    + " from tags, and kubectl cannot send a tagged value to the API server", span(event), documentIndex,
                    currentPointer(), List.of()));
        }

        private String currentPointer() {
            Frame parent = stack.peek();
            return parent == null ? "" : parent.slot.pointer;
        }

        private void alias(AliasEvent event) {
            Anchor alias = event.getAlias();
            Anchored anchored = anchors.get(alias.getValue());
            Span span = span(event);
            if (anchored == null) {
                skipDocument(Kind.SYNTAX, "YAML syntax error: alias *" + alias.getValue() + " names no anchor", span);
                return;
            }
            if (anchored == Anchored.PENDING) {
                skipDocument(Kind.SYNTAX, "YAML syntax error: alias *" + alias.getValue()
                        + " refers to the collection that contains it (a recursive alias)", span);
                return;
            }
            Frame parent = stack.peek();
            if (parent != null && parent.mapping && parent.pendingKey == null) {
                if (anchored.node instanceof ScalarNode key) {
                    parent.pendingKey = key.value() instanceof String s ? s : key.asText();
                    parent.pendingKeySpan = span;
                    parent.pendingMerge = false;
                    parent.lastEnd = span.end();
                    return;
                }
                skipDocument(Kind.SYNTAX, "YAML syntax error: a mapping key must be a scalar for kubectl", span);
                return;
            }
            Slot slot = nextSlot();
            YamlNode copy = rebase(anchored.node, slot.pointer, span);
            if (copy != null) {
                place(slot, copy);
            }
        }

        /** Copies an anchored node to the place of an alias, within the alias budget; null when over it. */
        private YamlNode rebase(YamlNode node, String pointer, Span at) {
            if (++aliasNodes > limits.maxAliasNodes()) {
                skipDocument(Kind.LIMIT, "aliases expand to more than " + limits.maxAliasNodes() + " nodes ("
                        + Limit.ALIAS_NODES.key() + "); the rest of this document was not read: "
                        + Limit.ALIAS_NODES.howToRaise(), at);
                return null;
            }
            if (node instanceof ScalarNode s) {
                return new ScalarNode(s.span(), pointer, s.text(), s.style(), s.type(), s.value());
            }
            if (node instanceof SequenceNode s) {
                List<YamlNode> items = new ArrayList<>(s.size());
                for (int i = 0; i < s.size(); i++) {
                    YamlNode item = rebase(s.items().get(i), JsonPointers.child(pointer, i), at);
                    if (item == null) {
                        return null;
                    }
                    items.add(item);
                }
                return new SequenceNode(s.span(), pointer, items);
            }
            MappingNode m = (MappingNode) node;
            List<MappingNode.Entry> entries = new ArrayList<>(m.size());
            for (MappingNode.Entry e : m.entries()) {
                YamlNode value = rebase(e.value(), JsonPointers.child(pointer, e.key()), at);
                if (value == null) {
                    return null;
                }
                entries.add(new MappingNode.Entry(e.key(), e.keySpan(), value));
            }
            return new MappingNode(m.span(), pointer, entries);
        }

        private Slot nextSlot() {
            Frame parent = stack.peek();
            if (parent == null) {
                return new Slot("", null, null, false);
            }
            if (parent.mapping) {
                if (parent.pendingKey == null) {
                    // a collection used as a mapping key: kubectl cannot turn it into JSON
                    return new Slot(parent.slot.pointer + "/?", null, null, true);
                }
                String key = parent.pendingKey;
                return new Slot(parent.pendingMerge ? parent.slot.pointer : JsonPointers.child(parent.slot.pointer, key),
                        key, parent.pendingKeySpan, false);
            }
            return new Slot(JsonPointers.child(parent.slot.pointer, parent.items.size()), null, null, false);
        }

        private void place(Slot slot, YamlNode node) {
            Frame parent = stack.peek();
            if (parent == null) {
                root = node;
                return;
            }
            parent.lastEnd = node.span().end();
            if (slot.complexKey) {
                problems.add(new ReadProblem(Kind.SYNTAX, "YAML syntax error: a mapping key must be a scalar for kubectl, not "
                        + (node instanceof MappingNode ? "a mapping" : "a sequence"), node.span(), documentIndex));
                parent.pendingKey = "?";
                parent.pendingKeySpan = node.span();
                parent.pendingMerge = false;
                parent.ignoreNext = true;
                return;
            }
            if (!parent.mapping) {
                parent.items.add(node);
                return;
            }
            if (parent.ignoreNext) {
                parent.ignoreNext = false;
            } else if (parent.pendingMerge) {
                parent.merges.add(node);
                parent.mergeSpans.add(slot.keySpan);
            } else {
                MappingNode.Entry first = parent.seen.get(slot.key);
                if (first != null) {
                    problems.add(new ReadProblem(Kind.DUPLICATE_KEY, "duplicate key \"" + slot.key + "\": first at line "
                            + first.keySpan().start().line() + ", column " + first.keySpan().start().column()
                            + "; kubectl silently keeps this last value", slot.keySpan, documentIndex, slot.pointer,
                            List.of(first.keySpan())));
                }
                MappingNode.Entry entry = new MappingNode.Entry(slot.key, slot.keySpan, node);
                parent.seen.put(slot.key, entry);
                parent.entries.add(entry);
            }
            parent.pendingKey = null;
            parent.pendingKeySpan = null;
            parent.pendingMerge = false;
        }

        /** Explicit entries, then those that merge keys bring in and the mapping does not set itself. */
        private List<MappingNode.Entry> mergedEntries(Frame frame) {
            if (frame.merges.isEmpty()) {
                return frame.entries;
            }
            Map<String, MappingNode.Entry> result = new LinkedHashMap<>();
            for (MappingNode.Entry e : frame.entries) {
                result.put(e.key(), e);
            }
            for (int k = 0; k < frame.merges.size(); k++) {
                YamlNode merge = frame.merges.get(k);
                Span mergeAt = frame.mergeSpans.get(k);
                List<MappingNode> sources = new ArrayList<>();
                if (merge instanceof MappingNode m) {
                    sources.add(m);
                } else if (merge instanceof SequenceNode s && s.items().stream().allMatch(i -> i instanceof MappingNode)) {
                    s.items().forEach(i -> sources.add((MappingNode) i));
                } else {
                    problems.add(new ReadProblem(Kind.SYNTAX, "YAML syntax error: a merge key (<<) needs a mapping or a list of mappings",
                            merge.span(), documentIndex));
                    continue;
                }
                for (MappingNode source : sources) {
                    for (MappingNode.Entry e : source.entries()) {
                        if (!result.containsKey(e.key())) {
                            YamlNode value = rebase(e.value(), JsonPointers.child(frame.slot.pointer, e.key()), mergeAt);
                            if (value == null) {
                                return new ArrayList<>(result.values());
                            }
                            result.put(e.key(), new MappingNode.Entry(e.key(), e.keySpan(), value));
                        }
                    }
                }
            }
            return new ArrayList<>(result.values());
        }

        private void skipDocument(Kind kind, String message, Span span) {
            problems.add(new ReadProblem(kind, message, span, documentIndex));
            skipping = true;
            stack.clear();
            if (kind == Kind.LIMIT) {
                // Parsing the rest of a document over a limit costs time for nothing, and deep flow nesting costs
                // the parser time in proportion to the depth for every token: stop here and resume at the next
                // document marker instead.
                abandonedAt = current.getStartMark();
            }
        }

        private Span span(Event event) {
            Position start = position(event.getStartMark()).orElse(Position.START);
            Position end = position(event.getEndMark()).orElse(start);
            return new Span(start, end);
        }

        private Optional<Position> position(Optional<Mark> mark) {
            return mark.map(m -> new Position(lineOffset + m.getLine() + 1, m.getColumn() + 1));
        }

        private ScalarStyle style(ScalarEvent event) {
            return switch (event.getScalarStyle()) {
                case PLAIN -> ScalarStyle.PLAIN;
                case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
                case DOUBLE_QUOTED -> ScalarStyle.DOUBLE_QUOTED;
                case LITERAL -> ScalarStyle.LITERAL;
                case FOLDED -> ScalarStyle.FOLDED;
                case JSON_SCALAR_STYLE -> ScalarStyle.JSON_STRING;
            };
        }
    }

    /**
     * Hands the parser small chunks first, then ever larger ones. SnakeYAML decodes and checks every character it
     * is given at once; a pass that stops after a few lines (one per broken document) must not pay for 64 KiB,
     * while a long line still arrives in large chunks (small ones would make it quadratic).
     */
    private static final class GrowingReader extends Reader {
        private static final int FIRST_CHUNK = 512;
        private final char[] chars;
        private int position;
        private int chunk = FIRST_CHUNK;

        private final int end;
        private int pad;

        GrowingReader(char[] chars, int start) {
            this(chars, start, chars.length, 0);
        }

        /** Reads {@code chars} from {@code start} to {@code end}, after {@code pad} spaces. */
        GrowingReader(char[] chars, int start, int end, int pad) {
            this.chars = chars;
            this.position = start;
            this.end = end;
            this.pad = pad;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pad > 0) {
                int n = Math.min(length, pad);
                java.util.Arrays.fill(buffer, offset, offset + n, ' ');
                pad -= n;
                return n;
            }
            if (position >= end) {
                return -1;
            }
            int n = Math.min(Math.min(length, chunk), end - position);
            System.arraycopy(chars, position, buffer, offset, n);
            position += n;
            chunk = chunk >= Integer.MAX_VALUE / 2 ? chunk : chunk * 2;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    /** Where the next node goes: its pointer, and for a mapping value its key. */
    private record Slot(String pointer, String key, Span keySpan, boolean complexKey) {
    }

    /** A node registered under an anchor; PENDING while its collection is still open. */
    private record Anchored(YamlNode node) {
        static final Anchored PENDING = new Anchored(null);
    }

    private static final class Frame {
        final boolean mapping;
        final Slot slot;
        final Position start;
        final Optional<Anchor> anchorName;
        final boolean flow;
        final List<YamlNode> items = new ArrayList<>();
        final List<MappingNode.Entry> entries = new ArrayList<>();
        final Map<String, MappingNode.Entry> seen = new HashMap<>();
        final List<YamlNode> merges = new ArrayList<>(0);
        /** Where each merge key is: copies it makes over the alias budget are reported there. */
        final List<Span> mergeSpans = new ArrayList<>(0);
        String pendingKey;
        Span pendingKeySpan;
        boolean pendingMerge;
        boolean ignoreNext;
        Position lastEnd;

        Frame(boolean mapping, Slot slot, Position start, Optional<Anchor> anchorName, boolean flow) {
            this.mapping = mapping;
            this.slot = slot;
            this.start = start;
            this.anchorName = anchorName;
            this.flow = flow;
            this.lastEnd = start;
        }
    }
}
