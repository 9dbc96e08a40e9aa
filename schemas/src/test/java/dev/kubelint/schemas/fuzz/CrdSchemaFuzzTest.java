package dev.kubelint.schemas.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlReader;
import dev.kubelint.schemas.CustomResourceDefinitions;
import dev.kubelint.schemas.KindSchema;
import dev.kubelint.schemas.UnusableSchemaException;
import java.util.Map;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of CustomResourceDefinitions with the resources they define, through the public API:
 * the input is a YAML stream whose documents are read as definitions (any document of kind
 * CustomResourceDefinition) and as resources; every served version's schema validates every resource, strictly
 * and not. Reading a definition and validating may report problems, or refuse a schema it cannot use
 * ({@link UnusableSchemaException}, which the schema-conformance rule turns into a finding), but never throw
 * anything else.
 *
 * <p>Under plain JUnit each file of the seed corpus in
 * {@code src/test/resources/dev/kubelint/schemas/fuzz/CrdSchemaFuzzTestInputs/crdWithResources/} runs once; to
 * fuzz for real, see docs/robustness.md.
 */
class CrdSchemaFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void crdWithResources(byte[] input) {
        ReadResult read = new YamlReader().read("crd.yaml", new String(input, java.nio.charset.StandardCharsets.UTF_8));
        for (YamlDocument definitionDocument : read.documents()) {
            if (!(definitionDocument.root().orElse(null) instanceof MappingNode root)
                    || !CustomResourceDefinitions.isDefinition(
                            root.string("apiVersion").orElse(""),
                            root.string("kind").orElse(""))) {
                continue;
            }
            Optional<CustomResourceDefinitions.Definition> definition =
                    CustomResourceDefinitions.read(root, "crd.yaml");
            if (definition.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Optional<KindSchema>> version :
                    definition.get().versions().entrySet()) {
                if (version.getValue().isEmpty()) {
                    continue;
                }
                for (YamlDocument resource : read.documents()) {
                    if (resource.root().orElse(null) instanceof MappingNode object) {
                        validate(version.getValue().get(), object);
                    }
                }
            }
        }
    }

    private static void validate(KindSchema schema, MappingNode object) {
        for (boolean strict : new boolean[] {true, false}) {
            try {
                schema.validate(object, strict);
            } catch (UnusableSchemaException e) {
                // a schema kubelint cannot use: the rule reports it on the definition
            }
        }
    }
}
