package dev.kubelint.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * CEL types derived from an OpenAPI v3 (structural) schema, as Kubernetes' {@code SchemaDeclType} derives them:
 * objects with properties become struct types whose fields are the typed properties, {@code additionalProperties}
 * a {@code map(string, T)}, arrays a {@code list(T)}, {@code x-kubernetes-int-or-string} and schemas that keep unknown
 * fields without declaring any {@code dyn}; strings of format {@code byte}, {@code date}, {@code date-time} and
 * {@code duration} become {@code bytes}, {@code timestamp} and {@code duration}. The root of a resource and embedded
 * resources also have {@code apiVersion}, {@code kind} and {@code metadata.name} and {@code metadata.generateName}.
 * <p>
 * One instance holds the struct types of the schemas it typed and is their {@link CelTypeProvider}.
 */
public final class SchemaTypes implements CelTypeProvider {

    private final Map<String, CelType> structs = new LinkedHashMap<>();
    private final String prefix;

    /** @param prefix the name the struct types start with, unique in one environment ("Widget.v1") */
    public SchemaTypes(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The type of values of a schema; {@code dyn} for a schema without type information.
     *
     * @param resourceRoot whether the schema is the root of a resource (adds apiVersion, kind and metadata)
     */
    public CelType typeOf(JsonNode schema, boolean resourceRoot) {
        return typeOf0(schema, prefix, resourceRoot);
    }

    /** The type of values of a schema found at {@code path} below the root (its struct types are named after it). */
    public CelType typeOf(JsonNode schema, String path, boolean resourceRoot) {
        return typeOf0(schema, prefix + path, resourceRoot);
    }

    private CelType typeOf0(JsonNode schema, String name, boolean resourceRoot) {
        if (schema == null || !schema.isObject()) {
            return SimpleType.DYN;
        }
        if (isTrue(schema, "x-kubernetes-int-or-string")) {
            return SimpleType.DYN;
        }
        boolean embedded = resourceRoot || isTrue(schema, "x-kubernetes-embedded-resource");
        String type = schema.path("type").asString("");
        switch (type) {
            case "array":
                return ListType.create(typeOf0(schema.get("items"), name + ".@items", false));
            case "string":
                return switch (schema.path("format").asString("")) {
                    case "byte" -> SimpleType.BYTES;
                    case "date", "date-time" -> SimpleType.TIMESTAMP;
                    case "duration" -> SimpleType.DURATION;
                    default -> SimpleType.STRING;
                };
            case "boolean":
                return SimpleType.BOOL;
            case "number":
                return SimpleType.DOUBLE;
            case "integer":
                return SimpleType.INT;
            case "object":
                break;
            default:
                if (!embedded) {
                    return SimpleType.DYN;
                }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject() && !embedded) {
            return MapType.create(SimpleType.STRING, typeOf0(additional, name + ".@values", false));
        }
        JsonNode properties = schema.get("properties");
        boolean hasProperties = properties != null && properties.isObject() && properties.size() > 0;
        if (!hasProperties && !embedded) {
            // an object that keeps unknown fields (or declares none): its members are whatever the object holds
            return isTrue(schema, "x-kubernetes-preserve-unknown-fields")
                            || additional != null && additional.asBoolean(false)
                    ? SimpleType.DYN
                    : MapType.create(SimpleType.STRING, SimpleType.DYN);
        }
        Map<String, CelType> fields = new LinkedHashMap<>();
        if (hasProperties) {
            properties
                    .properties()
                    .forEach(e -> fields.put(e.getKey(), typeOf0(e.getValue(), name + "." + e.getKey(), false)));
        }
        if (embedded) {
            fields.putIfAbsent("apiVersion", SimpleType.STRING);
            fields.putIfAbsent("kind", SimpleType.STRING);
            Map<String, CelType> meta = new LinkedHashMap<>();
            meta.put("name", SimpleType.STRING);
            meta.put("generateName", SimpleType.STRING);
            fields.put("metadata", struct(name + ".metadata", meta));
        }
        return struct(name, fields);
    }

    private CelType struct(String name, Map<String, CelType> fields) {
        StructType t =
                StructType.create(name, ImmutableSet.copyOf(fields.keySet()), f -> Optional.ofNullable(fields.get(f)));
        structs.put(name, t);
        return t;
    }

    static boolean isTrue(JsonNode schema, String key) {
        JsonNode v = schema.get(key);
        return v != null && v.isBoolean() && v.booleanValue();
    }

    @Override
    public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(structs.get(typeName));
    }
}
