package dev.kubelint.core.yaml;

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
        if (StrictJson.looksLikeJson(text)) {
            Optional<ReadProblem> json = StrictJson.check(text);
            if (json.isPresent()) {
                problems.add(json.get());
                return new ReadResult(documents, problems);
            }
        }
        String remaining = text;
        int lineOffset = 0;
        int nextIndex = 0;
        String patched = null;
        int escapePatches = 0;
        while (true) {
            Pass pass = new Pass(name, lineOffset, nextIndex, documents, problems);
            Optional<MarkedYamlEngineException> error = pass.run(patched != null ? patched : remaining, patched != null);
            if (error.isEmpty()) {
                break;
            }
            MarkedYamlEngineException e = error.get();
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            // kubectl's YAML library accepts \' inside double quotes (as a plain '); SnakeYAML does not. Patch that
            // one escape to an equivalent of the same length and read again, so positions stay true.
            String source = patched != null ? patched : remaining;
            if (mark.isPresent() && isSingleQuoteEscape(e, source, mark.get()) && escapePatches < 1000) {
                patched = patchSingleQuoteEscape(source, mark.get());
                escapePatches++;
                pass.rollback();
                continue;
            }
            int errorLine = mark.map(Mark::getLine).orElse(0);
            int errorColumn = mark.map(Mark::getColumn).orElse(0);
            Span at = Span.at(lineOffset + errorLine + 1, errorColumn + 1);
            problems.add(new ReadProblem(Kind.SYNTAX, syntaxMessage(e, lineOffset), at, pass.currentDocumentIndex()));
            nextIndex = pass.currentDocumentIndex() + 1;
            // resume after the next document marker that follows the error
            int resumeLine = nextDocumentStart(source, Math.max(errorLine, 1));
            if (resumeLine < 0) {
                break;
            }
            remaining = fromLine(source, resumeLine);
            patched = null;
            lineOffset += resumeLine;
            if (documents.size() >= limits.maxDocuments()) {
                break;
            }
        }
        return new ReadResult(documents, problems);
    }

    private static boolean isSingleQuoteEscape(MarkedYamlEngineException e, String text, Mark mark) {
        String problem = e.getProblem();
        if (problem == null || !problem.contains("unknown escape character")) {
            return false;
        }
        int index = charIndex(text, mark.getIndex());
        return index >= 1 && index < text.length() && text.charAt(index) == '\'' && text.charAt(index - 1) == '\\';
    }

    /**
     * Replaces the quote of one {@code \'} escape with {@code _}: {@code \_} is a YAML escape of the same width
     * (a no-break space), which the reader turns back into the quote in double-quoted scalars of a patched pass.
     */
    private static String patchSingleQuoteEscape(String text, Mark mark) {
        int index = charIndex(text, mark.getIndex());
        return text.substring(0, index) + SINGLE_QUOTE_MARK + text.substring(index + 1);
    }

    /** The character that replaces the quote in a patched {@code \'} escape: YAML's {@code \_} (U+00A0). */
    private static final char SINGLE_QUOTE_MARK = '_';

    private static int charIndex(String text, int codePointIndex) {
        try {
            return text.offsetByCodePoints(0, codePointIndex);
        } catch (IndexOutOfBoundsException e) {
            return Math.min(codePointIndex, text.length());
        }
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

    /** 0-based index of the first line at or after {@code fromLine} that starts a document, or -1. */
    private static int nextDocumentStart(String text, int fromLine) {
        int line = 0;
        int i = 0;
        while (i < text.length()) {
            if (line >= fromLine && text.startsWith("---", i)) {
                int after = i + 3;
                if (after >= text.length() || Character.isWhitespace(text.charAt(after))) {
                    return line;
                }
            }
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                return -1;
            }
            i = nl + 1;
            line++;
        }
        return -1;
    }

    private static String fromLine(String text, int line) {
        int i = 0;
        for (int l = 0; l < line && i >= 0; l++) {
            i = text.indexOf('\n', i) + 1;
            if (i == 0) {
                return "";
            }
        }
        return text.substring(i);
    }

    /**
     * The parser's read buffer: large enough that a long line is not quadratic, no larger than the text, which
     * is already in memory. The parser allocates the whole buffer for every stream it reads, and most manifest
     * files are a few kilobytes: a fixed 64 KiB buffer was 128 KiB of garbage per file.
     */
    static int bufferSize(String text) {
        return Math.max(1024, Math.min(BUFFER_SIZE, text.length() + 1));
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

        void rollback() {
            while (documents.size() > documentsBefore) {
                documents.remove(documents.size() - 1);
            }
            while (problems.size() > problemsBefore) {
                problems.remove(problems.size() - 1);
            }
        }

        Optional<MarkedYamlEngineException> run(String text, boolean patched) {
            patchedEscapes = patched;
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(name)
                    .setBufferSize(bufferSize(text))
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
            switch (event.getEventId()) {
                case DocumentStart -> {
                    if (documents.size() >= limits.maxDocuments()) {
                        problems.add(new ReadProblem(Kind.LIMIT, "the file has more than " + limits.maxDocuments()
                                + " documents (" + Limit.DOCUMENTS.key() + "); the rest were not read: "
                                + Limit.DOCUMENTS.howToRaise(), position(event.getStartMark()).map(p -> new Span(p, p))
                                .orElse(Span.START), documentIndex));
                        return false;
                    }
                    stack.clear();
                    anchors.clear();
                    root = null;
                    skipping = false;
                    aliasNodes = 0;
                    documentStart = position(event.getStartMark()).orElse(Position.START);
                }
                case DocumentEnd -> {
                    Position end = position(event.getEndMark()).orElse(documentStart);
                    boolean empty = skipping || root == null || root instanceof ScalarNode s && s.isNull();
                    documents.add(new YamlDocument(documentIndex, empty ? Optional.empty() : Optional.of(root),
                            new Span(documentStart, end)));
                    documentIndex++;
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
            return true;
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
            for (YamlNode merge : frame.merges) {
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
                            YamlNode value = rebase(e.value(), JsonPointers.child(frame.slot.pointer, e.key()), e.keySpan());
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
