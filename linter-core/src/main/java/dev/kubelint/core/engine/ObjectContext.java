package dev.kubelint.core.engine;

import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Span;
import dev.kubelint.core.yaml.YamlNode;
import java.util.List;
import java.util.Optional;

/** The context one rule gets for one object (or, without an object, for the end of a cross-object check). */
final class ObjectContext implements RuleContext {

    private final LintRequest request;
    private final ActiveRules.ActiveRule rule;
    private final Optional<Manifest> manifest;
    private final List<Finding> sink;

    /** The context of {@code rule} on {@code manifest} (none at the end of the run), reporting to {@code sink}. */
    ObjectContext(LintRequest request, ActiveRules.ActiveRule rule, Optional<Manifest> manifest, List<Finding> sink) {
        this.request = request;
        this.rule = rule;
        this.manifest = manifest;
        this.sink = sink;
    }

    @Override
    public void report(Location location, String message, List<Location> related) {
        sink.add(new Finding(rule.descriptor().id(), rule.severity(), location, message, related, Optional.empty()));
    }

    @Override
    public void report(Location location, String message, Severity findingSeverity) {
        sink.add(new Finding(rule.descriptor().id(), findingSeverity, location, message, List.of(), Optional.empty()));
    }

    @Override
    public String displayName(java.nio.file.Path file) {
        return SourceScanner.displayName(request.workingDirectory(), file);
    }

    @Override
    public Location locate(YamlNode node) {
        Manifest m = current();
        return new Location(m.source().displayName(), m.documentIndex(), node.span(), node.pointer(), m.ref());
    }

    @Override
    public Location locateKey(MappingNode mapping, String key) {
        Manifest m = current();
        Span span = mapping.keySpan(key);
        String pointer = mapping.has(key) ? JsonPointers.child(mapping.pointer(), key) : mapping.pointer();
        if (!mapping.has(key)) {
            // a missing field: point at the start of its parent rather than the parent's whole extent
            span = new Span(span.start(), span.start());
        }
        return new Location(m.source().displayName(), m.documentIndex(), span, pointer, m.ref());
    }

    private Manifest current() {
        return manifest.orElseThrow(() -> new IllegalStateException("rule "
                + rule.descriptor().id() + " reported on a node after the run; use a Location kept from observe()"));
    }

    @Override
    public Optional<Manifest> manifest() {
        return manifest;
    }

    @Override
    public <T> T param(RuleParam<T> param) {
        Object configured = rule.settings().params().get(param.name());
        return configured == null ? param.defaultValue() : param.convert(configured);
    }

    @Override
    public LintSettings settings() {
        return request.settings();
    }
}
