package dev.kubelint.core.rule;

import dev.kubelint.core.util.Lazy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A rule's rationale and remediation: from its {@link RuleInfo}, or, when the annotation leaves them out, from a
 * YAML resource named after the rule's class in its package ({@code ImageMissingRule.yaml} beside
 * {@code ImageMissingRule.class}) with the keys {@code rationale} and {@code remediation}. Long prose reads and
 * diffs better as text than as concatenated Java strings, and the built-in rules keep theirs there.
 *
 * <p>Only the catalogue, the docs and some reports show these texts, so a rule's resource is read the first time
 * one of them is asked for, not when the rule is registered: a scan does not pay for parsing the prose of every
 * rule. Rule jars are loaded with their texts read at once, so that a broken resource is a usage error there.
 */
public final class RuleTexts {

    private static final Set<String> KEYS = Set.of("rationale", "remediation");

    private record Texts(String rationale, String remediation) {}

    private final Supplier<Texts> texts;

    private RuleTexts(Supplier<Texts> texts) {
        this.texts = texts;
    }

    /** Texts given as they are. */
    public static RuleTexts of(String rationale, String remediation) {
        Texts given = new Texts(rationale, remediation);
        return new RuleTexts(() -> given);
    }

    /** The texts of a rule class: its annotation's, or its resource's, read when first asked for. */
    static RuleTexts of(Class<?> type, RuleInfo info) {
        return new RuleTexts(Lazy.of(() -> {
            String resource = type.getSimpleName() + ".yaml";
            Map<?, ?> read = read(type, resource);
            return new Texts(
                    pick(type, resource, "rationale", info.rationale(), read),
                    pick(type, resource, "remediation", info.remediation(), read));
        }));
    }

    public String rationale() {
        return texts.get().rationale();
    }

    public String remediation() {
        return texts.get().remediation();
    }

    /**
     * Reads the texts now rather than when first shown: rule jars are loaded this way, so that a broken resource is
     * a usage error when the jar loads.
     *
     * @throws IllegalArgumentException when the resource is broken or a text is given twice
     */
    public RuleTexts load() {
        var unused = texts.get(); // reading is the point: it throws on a broken resource
        return this;
    }

    private static String pick(Class<?> type, String resource, String key, String inline, Map<?, ?> texts) {
        Object fromResource = texts.get(key);
        if (fromResource != null && !inline.isEmpty()) {
            throw new IllegalArgumentException(
                    "rule class " + type.getName() + " gives its " + key + " twice: in @RuleInfo and in " + resource);
        }
        if (fromResource == null) {
            return inline;
        }
        if (!(fromResource instanceof String text)) {
            throw new IllegalArgumentException(
                    resource + " of rule class " + type.getName() + ": " + key + " must be a string");
        }
        return text.strip();
    }

    private static Map<?, ?> read(Class<?> type, String resource) {
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Object root = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            if (!(root instanceof Map<?, ?> map) || !KEYS.containsAll(map.keySet())) {
                throw new IllegalArgumentException(resource + " of rule class " + type.getName()
                        + " must be a mapping with the keys rationale and remediation only");
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " of rule class " + type.getName(), e);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(
                    resource + " of rule class " + type.getName() + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
