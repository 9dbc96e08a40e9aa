package dev.kubelint.core.yaml;

import dev.kubelint.core.yaml.ReadLimits.Limit;
import dev.kubelint.core.yaml.ReadProblem.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Builds the tree of one document straight from SnakeYAML Engine's parser events, without recursion: types
 * scalars by YAML 1.1 rules, applies merge keys, reports every duplicate key with both positions and bounds what
 * aliases may expand to.
 */
final class TreeBuilder {
    private static final String MERGE_KEY = "<<";

    private final FileRead file;
    private final int lineOffset;
    private final int documentIndex;
    private final boolean patchedEscapes;
    private final Deque<TreeFrame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private YamlNode root;
    private boolean skipping;
    private boolean abandoned;
    private int aliasNodes;

    /**
     * A document of a pass that starts {@code lineOffset} lines into the file; {@code patchedEscapes}: the pass reads
     * text whose {@code \'} escapes were patched ({@link EscapePatch}).
     */
    TreeBuilder(FileRead file, int lineOffset, int documentIndex, boolean patchedEscapes) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.documentIndex = documentIndex;
        this.patchedEscapes = patchedEscapes;
    }

    /** The document's root; empty for an empty document and for one that was given up. */
    Optional<YamlNode> root() {
        boolean empty = skipping || root == null || root instanceof ScalarNode s && s.isNull();
        return empty ? Optional.empty() : Optional.of(root);
    }

    /** Whether a limit made this document be given up: the parse need not go on to its end. */
    boolean abandoned() {
        return abandoned;
    }

    /** Takes one node event of the document. */
    void accept(Event event) {
        if (skipping) {
            return;
        }
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> startCollection((CollectionStartEvent) event);
            case MappingEnd, SequenceEnd -> endCollection(event);
            case Scalar -> scalar((ScalarEvent) event);
            case Alias -> alias((AliasEvent) event);
            default -> {
                // document and stream events are the pass's
            }
        }
    }

    private void startCollection(CollectionStartEvent event) {
        if (stack.size() >= file.limits().maxDepth()) {
            skipDocument(
                    Kind.LIMIT,
                    "nesting is deeper than " + file.limits().maxDepth() + " levels (" + Limit.DEPTH.key()
                            + "); the rest of this document was not read: " + Limit.DEPTH.howToRaise(),
                    span(event));
            return;
        }
        if (!withinFileBudget(span(event))) {
            return;
        }
        tagProblem(event.getTag(), event, false);
        Slot slot = nextSlot();
        TreeFrame frame = new TreeFrame(event, slot, span(event).start());
        stack.push(frame);
        frame.anchorName.ifPresent(a -> anchors.put(a.getValue(), Anchored.PENDING));
    }

    private void endCollection(Event event) {
        TreeFrame frame = stack.pop();
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
        if (text.length() > file.limits().maxScalarLength()) {
            skipDocument(
                    Kind.LIMIT,
                    "a scalar of " + text.length() + " characters is longer than the limit of "
                            + file.limits().maxScalarLength() + " (" + Limit.SCALAR_LENGTH.key()
                            + "); the rest of this document was not read: "
                            + Limit.SCALAR_LENGTH.howToRaise(),
                    span);
            return;
        }
        if (!withinFileBudget(span)) {
            return;
        }
        KubeScalars.Resolved resolved = resolve(event, text);
        TreeFrame parent = stack.peek();
        if (parent != null && parent.mapping && parent.pendingKey == null) {
            boolean merge = event.isPlain() && event.getTag().isEmpty() && MERGE_KEY.equals(text);
            parent.pendingKey = merge ? MERGE_KEY : KubeScalars.keyText(resolved, text);
            parent.pendingKeySpan = span;
            parent.pendingMerge = merge;
            parent.lastEnd = span.end();
            event.getAnchor()
                    .ifPresent(a -> anchors.put(
                            a.getValue(),
                            new Anchored(new ScalarNode(
                                    span, "", text, Events.style(event), resolved.type(), resolved.value()))));
            return;
        }
        Slot slot = nextSlot();
        ScalarNode node =
                new ScalarNode(span, slot.pointer, text, Events.style(event), resolved.type(), resolved.value());
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
        boolean standard = t.equals("tag:yaml.org,2002:map")
                || t.equals("tag:yaml.org,2002:seq")
                || t.equals("tag:yaml.org,2002:omap");
        if (standard && !scalar) {
            return;
        }
        String shown = t.startsWith("tag:yaml.org,2002:") ? "!!" + t.substring("tag:yaml.org,2002:".length()) : t;
        file.report(new ReadProblem(
                Kind.TAG,
                "YAML tag " + shown + " is ignored: kubelint never constructs objects"
                        + " from tags, and kubectl cannot send a tagged value to the API server",
                span(event),
                documentIndex,
                currentPointer(),
                List.of()));
    }

    private String currentPointer() {
        TreeFrame parent = stack.peek();
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
            skipDocument(
                    Kind.SYNTAX,
                    "YAML syntax error: alias *" + alias.getValue()
                            + " refers to the collection that contains it (a recursive alias)",
                    span);
            return;
        }
        TreeFrame parent = stack.peek();
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

    /** Counts a node against the file's budget; past it, gives up the document and the rest of the file. */
    private boolean withinFileBudget(Span at) {
        if (file.budget().addNode()) {
            return true;
        }
        skipDocument(Kind.LIMIT, file.budget().nodesMessage(), at);
        file.budget().exhaust();
        return false;
    }

    /** Copies an anchored node to the place of an alias, within the alias budget; null when over it. */
    private YamlNode rebase(YamlNode node, String pointer, Span at) {
        if (!withinFileBudget(at)) {
            return null;
        }
        if (++aliasNodes > file.limits().maxAliasNodes()) {
            skipDocument(
                    Kind.LIMIT,
                    "aliases expand to more than " + file.limits().maxAliasNodes() + " nodes ("
                            + Limit.ALIAS_NODES.key() + "); the rest of this document was not read: "
                            + Limit.ALIAS_NODES.howToRaise(),
                    at);
            return null;
        }
        if (node instanceof ScalarNode s) {
            if (!file.budget().addAliasCharacters(s.text().length())) {
                skipDocument(Kind.LIMIT, file.budget().aliasCharactersMessage(), at);
                file.budget().exhaust();
                return null;
            }
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
        TreeFrame parent = stack.peek();
        if (parent == null) {
            return new Slot("", null, null, false);
        }
        if (parent.mapping) {
            if (parent.pendingKey == null) {
                // a collection used as a mapping key: kubectl cannot turn it into JSON
                return new Slot(parent.slot.pointer + "/?", null, null, true);
            }
            String key = parent.pendingKey;
            return new Slot(
                    parent.pendingMerge ? parent.slot.pointer : JsonPointers.child(parent.slot.pointer, key),
                    key,
                    parent.pendingKeySpan,
                    false);
        }
        return new Slot(JsonPointers.child(parent.slot.pointer, parent.items.size()), null, null, false);
    }

    private void place(Slot slot, YamlNode node) {
        TreeFrame parent = stack.peek();
        if (parent == null) {
            root = node;
            return;
        }
        parent.lastEnd = node.span().end();
        if (slot.complexKey) {
            file.report(new ReadProblem(
                    Kind.SYNTAX,
                    "YAML syntax error: a mapping key must be a scalar for kubectl, not "
                            + (node instanceof MappingNode ? "a mapping" : "a sequence"),
                    node.span(),
                    documentIndex));
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
                file.report(new ReadProblem(
                        Kind.DUPLICATE_KEY,
                        "duplicate key \"" + slot.key + "\": first at line "
                                + first.keySpan().start().line() + ", column "
                                + first.keySpan().start().column()
                                + "; kubectl silently keeps this last value",
                        slot.keySpan,
                        documentIndex,
                        slot.pointer,
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
    private List<MappingNode.Entry> mergedEntries(TreeFrame frame) {
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
                file.report(new ReadProblem(
                        Kind.SYNTAX,
                        "YAML syntax error: a merge key (<<) needs a mapping or a list of mappings",
                        merge.span(),
                        documentIndex));
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
        file.report(new ReadProblem(kind, message, span, documentIndex));
        skipping = true;
        stack.clear();
        abandoned |= kind == Kind.LIMIT;
    }

    private Span span(Event event) {
        return Events.span(lineOffset, event);
    }

    private Optional<Position> position(Optional<Mark> mark) {
        return Events.position(lineOffset, mark);
    }

    /** Where the next node goes: its pointer, and for a mapping value its key. */
    record Slot(String pointer, String key, Span keySpan, boolean complexKey) {}

    /** A node registered under an anchor; PENDING while its collection is still open. */
    record Anchored(YamlNode node) {
        static final Anchored PENDING = new Anchored(null);
    }
}
