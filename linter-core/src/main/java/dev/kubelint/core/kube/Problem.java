package dev.kubelint.core.kube;

import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.Optional;

/**
 * A problem found by a validation helper, with the node it is on: the node itself, or a key of a mapping (a bad
 * key, or a missing field reported at its parent). Rules turn it into a finding with {@link #report}.
 *
 * @param node    the node the problem is about, or the mapping that holds {@code key}
 * @param key     when present, the problem is about this key of {@code node} (which is then a mapping)
 * @param message what is wrong, in a sentence without final period
 */
public record Problem(YamlNode node, Optional<String> key, String message) {

    public Problem {
        if (key.isPresent() && !(node instanceof MappingNode)) {
            throw new IllegalArgumentException("a problem about a key needs the mapping that holds it");
        }
    }

    public static Problem at(YamlNode node, String message) {
        return new Problem(node, Optional.empty(), message);
    }

    public static Problem atKey(MappingNode mapping, String key, String message) {
        return new Problem(mapping, Optional.of(key), message);
    }

    /** Reports this problem as a finding of the calling rule. */
    public void report(RuleContext ctx) {
        if (key.isPresent()) {
            ctx.reportKey((MappingNode) node, key.get(), message);
        } else {
            ctx.report(node, message);
        }
    }
}
