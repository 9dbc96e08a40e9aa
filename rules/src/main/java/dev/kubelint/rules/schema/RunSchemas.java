package dev.kubelint.rules.schema;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.schemas.ApiLifecycle;
import dev.kubelint.schemas.BuiltinSchemas;
import dev.kubelint.schemas.CustomResourceDefinitions;
import dev.kubelint.schemas.ExtraSchemas;
import dev.kubelint.schemas.YamlToJson;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The schemas of a run. The extra schema folders are read once per run: the engine hands every rule the same
 * settings object for the whole run, so it identifies the run without any state in the (shared, stateless)
 * rules. Across runs, {@link ExtraSchemas#load} reuses what it read while the files stay unchanged.
 */
final class RunSchemas {

    private static final int REMEMBERED_RUNS = 8;
    private static final ApiLifecycle LIFECYCLE = ApiLifecycle.builtin();
    private static final List<Object[]> RUNS = new ArrayList<>();

    private RunSchemas() {}

    static ApiLifecycle lifecycle() {
        return LIFECYCLE;
    }

    /** Whether kubelint bundles the schemas of the run's Kubernetes version (schema-conformance says so if not). */
    static boolean isBundled(LintSettings settings) {
        return BuiltinSchemas.get().isBundled(settings.kubernetesVersion());
    }

    /** A scanned CustomResourceDefinition as kubectl sends it, and as read for validation. */
    record ScannedDefinition(JsonNode json, Optional<CustomResourceDefinitions.Definition> definition) {}

    private static final Map<MappingNode, ScannedDefinition> DEFINITIONS = new WeakHashMap<>();

    /**
     * A scanned CustomResourceDefinition, read once for the rules that need it ({@code schema-conformance} validates
     * custom resources with it, {@code crd-valid} checks it and its defaults), so that its schemas are compiled once.
     */
    static ScannedDefinition definition(Manifest manifest) {
        synchronized (DEFINITIONS) {
            ScannedDefinition found = DEFINITIONS.get(manifest.root());
            if (found == null) {
                JsonNode json = YamlToJson.convert(manifest.root()).json();
                found = new ScannedDefinition(
                        json,
                        CustomResourceDefinitions.read(json, manifest.source().displayName()));
                DEFINITIONS.put(manifest.root(), found);
            }
            return found;
        }
    }

    static ExtraSchemas extras(LintSettings settings) {
        if (settings.schemaLocations().isEmpty()) {
            return ExtraSchemas.empty();
        }
        synchronized (RUNS) {
            for (Iterator<Object[]> it = RUNS.iterator(); it.hasNext(); ) {
                Object[] run = it.next();
                Object key = ((WeakReference<?>) run[0]).get();
                if (key == null) {
                    it.remove();
                } else if (key == settings) {
                    return (ExtraSchemas) run[1];
                }
            }
            ExtraSchemas extras = ExtraSchemas.load(settings.schemaLocations());
            if (RUNS.size() == REMEMBERED_RUNS) {
                RUNS.remove(0);
            }
            RUNS.add(new Object[] {new WeakReference<>(settings), extras});
            return extras;
        }
    }
}
