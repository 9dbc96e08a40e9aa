package dev.kubelint.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No YAML tag ever makes kubelint construct, load or initialize anything: the reader builds its own tree from
 * parser events and has no constructor. A canary class counts every time it is initialized or instantiated.
 */
class YamlTagSafetyTest {

    /** Counts what happens to {@link Canary}. Kept apart so that reading the count does not load the canary. */
    static final class Witness {
        static int initialized;
        static int constructed;
    }

    /** Its static initializer and its constructor tell the witness they ran. */
    public static final class Canary {
        static {
            Witness.initialized++;
        }

        public Canary() {
            Witness.constructed++;
        }

        public Canary(String ignored) {
            this();
        }
    }

    @Test
    void tagsNamingClassesNeitherLoadNorConstructThem() {
        String canary = Canary.class.getName();
        String text = String.join(
                "\n",
                "apiVersion: v1",
                "kind: ConfigMap",
                "metadata: {name: canary}",
                "data:",
                "  a: !!" + canary + " {}",
                "  b: !!" + canary + " [x]",
                "  c: !<tag:yaml.org,2002:" + canary + "> text",
                "  d: !" + canary + " local",
                "  e: !!java.lang.ProcessBuilder [[\"touch\", \"/tmp/kubelint-was-here\"]]",
                "  f: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]",
                "");
        ReadResult result = new YamlReader().read("canary.yaml", text);

        assertEquals(0, Witness.initialized, "the canary class was initialized");
        assertEquals(0, Witness.constructed, "the canary was constructed");
        List<ReadProblem> tags = result.problems().stream()
                .filter(p -> p.kind() == ReadProblem.Kind.TAG)
                .toList();
        assertEquals(8, tags.size(), result.problems().toString());
        assertTrue(tags.stream().allMatch(p -> p.message().contains("never constructs")), tags.toString());
        // the values are read as if untagged: plain data in kubelint's own tree
        MappingNode data = ((MappingNode) result.documents().get(0).root().orElseThrow())
                .mapping("data")
                .orElseThrow();
        assertEquals(MappingNode.class, data.get("a").orElseThrow().getClass());
        assertEquals("text", data.scalar("c").orElseThrow().value());
        assertEquals(SequenceNode.class, data.get("e").orElseThrow().getClass());
        assertTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/kubelint-was-here")));
    }
}
