package dev.kubelint.schemas;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The networknt validator set up for Kubernetes schemas: the OpenAPI 3.0 dialect; {@code x-kubernetes-*} and any
 * other unknown keyword accepted silently; only the formats of {@link KubeFormats} and {@link CrdFormats};
 * {@code pattern}s matched with RE2 semantics, as the API server matches them ({@link Re2Patterns}); a fixed locale so that
 * messages do not depend on the machine. Schemas are given as trees, never fetched: documents are addressed by
 * {@code kubelint:} IRIs that no loader can resolve.
 */
final class SchemaEngine {

    private static final List<String> KUBERNETES_KEYWORDS = List.of(
            "x-kubernetes-group-version-kind",
            "x-kubernetes-list-type",
            "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type",
            "x-kubernetes-patch-strategy",
            "x-kubernetes-patch-merge-key",
            "x-kubernetes-unions",
            "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-embedded-resource",
            "x-kubernetes-int-or-string",
            "x-kubernetes-validations");

    private static final class Holder {
        static final SchemaEngine INSTANCE = new SchemaEngine(null);
    }

    private final Function<String, String> resources;
    private SchemaRegistry registry;

    private SchemaEngine(Function<String, String> resources) {
        this.resources = resources;
    }

    /**
     * The validator's registry, set up on first use: a run whose objects the fast test of validity
     * ({@link QuickCheck}) all accepts never needs it, and setting it up loads much of the library.
     */
    private synchronized SchemaRegistry registry() {
        if (registry == null) {
            registry = newRegistry(resources);
        }
        return registry;
    }

    private static SchemaRegistry newRegistry(Function<String, String> resources) {
        List<Format> formats = new java.util.ArrayList<>(KubeFormats.all());
        formats.addAll(CrdFormats.all());
        Dialect.Builder dialect = Dialect.builder(Dialects.getOpenApi30())
                .formats(map -> {
                    map.clear();
                    formats.forEach(f -> map.put(f.getName(), f));
                })
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword));
        KUBERNETES_KEYWORDS.forEach(k -> dialect.keyword(new NonValidationKeyword(k)));
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ENGLISH)
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .regularExpressionFactory(Re2Patterns.FACTORY)
                .typeLoose(false)
                .build();
        return SchemaRegistry.withDialect(dialect.build(), builder -> {
            builder.schemaRegistryConfig(config);
            if (resources != null) {
                builder.schemas(resources);
            }
        });
    }

    /** The engine for schemas whose references all stay inside their own document. */
    static SchemaEngine shared() {
        return Holder.INSTANCE;
    }

    /** An engine that reads other documents through {@code resources} (IRI to JSON text, or null). */
    static SchemaEngine withResources(Function<String, String> resources) {
        return new SchemaEngine(resources);
    }

    /**
     * Compiles the schema at {@code fragment} (a JSON pointer, "" for the root) of a document. The validators are
     * built now, so that the compiled schema can be shared by threads without further locking.
     */
    Schema compile(String iri, JsonNode document, String fragment) {
        Schema root = registry().getSchema(SchemaLocation.of(iri), document);
        Schema schema = fragment.isEmpty()
                ? root
                : root.getRefSchema(SchemaLocation.of(iri + "#" + fragment).getFragment());
        schema.initializeValidators();
        return schema;
    }
}
