package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast test of validity must never call an object valid that the full validator finds a problem in: over
 * the project's real manifests (corpus, samples, rule fixtures) and hand-made mistakes, in both strictnesses and
 * for the oldest and newest bundled versions, "valid" from it means no problem from the full path.
 */
class QuickCheckTest {

    private static final String POD = Yaml.manifest("probed-pod.yaml");

    @Test
    void aValidPodIsValidWithoutTheFullValidator() {
        assertTrue(schema(POD).quicklyValid(Yaml.parse(POD), true));
        assertTrue(schema(POD).quicklyValid(Yaml.parse(POD), false));
    }

    @Test
    void mistakesAreNeverQuicklyValid() {
        List<String> mistakes = List.of(
                POD.replace("containerPort: 80", "containerPort: 80a"),
                POD.replace("containerPort: 80", "containerPort: 80.5"),
                POD.replace("containerPort: 80", "containerPort: 4294967296"),
                POD.replace("containerPort: 80", "containerPort: .inf"),
                POD.replace("image: nginx:1.27", "image: nginx:1.27\n      imagePullPolicyy: Always"),
                POD.replace("  containers:", "  contianers:"),
                POD.replace("cpu: 500m", "cpu: 500mm"),
                POD.replace("cpu: 500m", "cpu: [1]"),
                POD.replace("port: http", "port: true"),
                POD.replace("labels: {app: web}", "labels: {app: 1}"),
                POD.replace("name: web\n", "name: [web]\n"),
                POD.replace("- name: web", "- name: ~"),
                POD.replace("    - containerPort: 80", "    - ~"));
        for (String text : mistakes) {
            MappingNode root = Yaml.parse(text);
            assertFalse(schema(text).validate(root, true).isEmpty(), text);
            assertFalse(schema(text).quicklyValid(root, true), text);
        }
    }

    @Test
    void aNullFieldIsAbsentAsForTheFullValidator() {
        String text = POD.replace("  name: web\n  labels", "  name: web\n  namespace: null\n  labels");
        assertTrue(schema(text).quicklyValid(Yaml.parse(text), true));
    }

    @Test
    void agreesWithTheFullValidatorOnRealManifests() throws IOException {
        int documents = 0;
        int quicklyValid = 0;
        for (MappingNode root : manifests()) {
            for (String version : List.of("1.30", "1.35")) {
                KindSchema schema = builtinSchema(version, root);
                if (schema == null) {
                    continue;
                }
                for (boolean strict : new boolean[] {true, false}) {
                    documents++;
                    YamlToJson.Conversion json = YamlToJson.convert(root);
                    boolean valid = json.problems().isEmpty()
                            && schema.validate(json.json(), strict).isEmpty();
                    boolean quick = schema.quicklyValid(root, strict);
                    if (quick) {
                        quicklyValid++;
                        assertTrue(
                                valid,
                                "called valid by the fast test, not by the validator: " + root.span() + " of "
                                        + root.string("kind").orElse("?") + " " + root.at("/metadata/name"));
                    }
                }
            }
        }
        assertTrue(documents > 1000, "too few manifests found: " + documents);
        // most real manifests are valid, and the fast test must recognise nearly all of them
        assertTrue(quicklyValid > documents * 0.8, quicklyValid + " of " + documents);
    }

    private static KindSchema schema(String text) {
        return builtinSchema("1.35", Yaml.parse(text));
    }

    private static KindSchema builtinSchema(String version, MappingNode root) {
        if (root.string("apiVersion").isEmpty() || root.string("kind").isEmpty()) {
            return null;
        }
        return GroupVersionKind.of(
                        root.string("apiVersion").get(), root.string("kind").get())
                .flatMap(gvk -> BuiltinSchemas.get().find(version, gvk))
                .orElse(null);
    }

    /** Every object of the corpus, the samples and the rule fixtures (folders of the other modules). */
    private static List<MappingNode> manifests() throws IOException {
        List<MappingNode> result = new ArrayList<>();
        for (String folder :
                List.of("../cli/src/test/resources/corpus", "../samples", "../rules/src/test/resources/fixtures")) {
            Path root = Path.of(folder);
            assertTrue(Files.isDirectory(root), "missing " + root.toAbsolutePath());
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(p -> read(p, result));
            }
        }
        assertTrue(result.size() > 500, "objects: " + result.size());
        return result;
    }

    private static void read(Path file, List<MappingNode> into) {
        try {
            for (YamlDocument doc : new YamlReader()
                    .read(file.toString(), Files.readString(file))
                    .documents()) {
                doc.root()
                        .filter(MappingNode.class::isInstance)
                        .map(MappingNode.class::cast)
                        .ifPresent(into::add);
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // a file that is not UTF-8 on purpose (samples of bad input)
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a file that is not UTF-8 text or not YAML: the reader's own tests cover those
        }
    }
}
