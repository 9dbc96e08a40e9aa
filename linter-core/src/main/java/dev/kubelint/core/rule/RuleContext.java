package dev.kubelint.core.rule;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.List;

/**
 * What a rule sees of the run while checking one object, and how it reports. An implementation provides the
 * location of nodes and the one way to record a finding ({@link #report(Location, String, List)}); the other ways
 * to report are built on those.
 */
public interface RuleContext {

    /** Reports a finding on a node (on its whole span). */
    default void report(YamlNode node, String message) {
        report(locate(node), message, List.of());
    }

    /** Reports a finding on a node, pointing also at related places (the first declaration of a duplicate, ...). */
    default void report(YamlNode node, String message, List<Location> related) {
        report(locate(node), message, related);
    }

    /**
     * Reports a finding about a key of a mapping, placed on the key itself; when the key is absent (a missing
     * field), the finding goes on the mapping, the nearest present parent.
     */
    default void reportKey(MappingNode mapping, String key, String message) {
        report(locateKey(mapping, key), message, List.of());
    }

    /** Reports at a location found earlier (used by cross-object checks at the end of a run). */
    default void report(Location location, String message) {
        report(location, message, List.of());
    }

    /** Reports at a location, with related locations. */
    void report(Location location, String message, List<Location> related);

    /**
     * Reports at a location with a severity of the finding's own, for rules whose findings carry the severity their
     * input decides (an admission policy's validation actions, ...). The default ignores it and uses the rule's.
     */
    default void report(Location location, String message, dev.kubelint.core.finding.Severity severity) {
        report(location, message, List.of());
    }

    /** The location of a node of the current object. */
    Location locate(YamlNode node);

    /** The location of a key of a mapping of the current object (the mapping's when the key is absent). */
    Location locateKey(MappingNode mapping, String key);

    /** The object being checked; absent in {@link CrossObjectCheck#finish}. */
    java.util.Optional<Manifest> manifest();

    /** A parameter's configured value, or its default. */
    <T> T param(RuleParam<T> param);

    /** Settings of the run: Kubernetes version, strictness and so on. */
    LintSettings settings();

    /**
     * How findings name a file the rule reads apart from the scanned inputs (the policy files of
     * {@link LintSettings#policyLocations()}): relative to the run's working directory when inside it, as inputs are
     * named. The default takes the process's working directory.
     */
    default String displayName(java.nio.file.Path file) {
        return dev.kubelint.core.source.SourceScanner.displayName(
                java.nio.file.Path.of("").toAbsolutePath(), file);
    }
}
