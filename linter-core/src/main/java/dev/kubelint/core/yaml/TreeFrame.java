package dev.kubelint.core.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;

/** A collection the {@link TreeBuilder} has opened and not yet closed. */
final class TreeFrame {
    final boolean mapping;
    final TreeBuilder.Slot slot;
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

    /** The collection {@code event} opens at {@code start}, to be placed at {@code slot}. */
    TreeFrame(CollectionStartEvent event, TreeBuilder.Slot slot, Position start) {
        this.mapping = event instanceof MappingStartEvent;
        this.slot = slot;
        this.start = start;
        this.anchorName = event.getAnchor();
        this.flow = event.isFlow();
        this.lastEnd = start;
    }
}
