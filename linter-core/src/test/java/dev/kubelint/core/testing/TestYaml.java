package dev.kubelint.core.testing;

import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;

/** YAML text of a test read into its tree. */
public final class TestYaml {

    private TestYaml() {}

    /** The root of the text's first document, read with the default limits. */
    public static YamlNode root(String text) {
        return new YamlReader(ReadLimits.DEFAULTS)
                .read("test.yaml", text)
                .documents()
                .get(0)
                .root()
                .orElseThrow();
    }
}
