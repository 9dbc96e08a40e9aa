package dev.kubelint.core.config;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.custom.SchemaErrors;
import dev.kubelint.core.custom.SchemaProblem;
import dev.kubelint.core.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The JSON Schema of {@code .kubelint.yaml}, shipped in the jar and compiled once. */
public final class ConfigSchema {

    /** Where the schema is in the jar. */
    public static final String RESOURCE = "/dev/kubelint/core/config/kubelint-config.schema.json";

    private ConfigSchema() {}

    private static final class Holder {
        static final String TEXT = load();
        // Jackson's streaming parser, not a databind mapper (about 100 ms to set up in a fresh JVM) nor the YAML
        // reader (several times slower than the JSON parser on this 10 KB document while the code is still cold)
        static final JsonNode JSON = JsonTrees.parse(TEXT);
        static final Schema SCHEMA = SchemaRegistry.withDialect(
                        Dialect.builder(Dialects.getDraft202012())
                                .keyword(new StringEnumKeyword())
                                .build(),
                        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                        .locale(Locale.ROOT)
                                        .build())
                                .schemaLoader(loader -> loader.fetchRemoteResources(false)))
                .getSchema(JSON);
    }

    /**
     * Sets up the JSON Schema dialect the configuration schema is written in: the larger part of its first use,
     * and independent of the file. The command line does it on a second thread when a configuration file will be
     * read, while the main thread reads the options and the file.
     */
    public static void warmUp() {
        Dialects.getDraft202012();
    }

    /** The schema's text, for {@code kubelint config schema} and editors. */
    public static String text() {
        return Holder.TEXT;
    }

    /** The schema as JSON. */
    public static JsonNode json() {
        return Holder.JSON;
    }

    /** Validates a configuration document. */
    public static List<SchemaProblem> validate(YamlNode root, JsonNode rootJson) {
        try {
            return SchemaErrors.of(Holder.SCHEMA.validate(rootJson), root, Holder.JSON);
        } catch (RuntimeException e) {
            // the validator should never fail on a document; if it does, say so instead of crashing
            return List.of(new SchemaProblem(
                    root,
                    java.util.Optional.empty(),
                    false,
                    "",
                    "cannot check the file: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private static String load() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the configuration schema " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
