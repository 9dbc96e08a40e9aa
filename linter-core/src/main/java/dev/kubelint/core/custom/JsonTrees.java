package dev.kubelint.core.custom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes JSON trees with Jackson's streaming API only. Creating a databind {@code ObjectMapper} costs
 * several hundred milliseconds in a fresh JVM, more than reading every schema a typical run needs.
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    public static JsonNodeFactory nodes() {
        return NODES;
    }

    /** Parses JSON text; throws {@link JacksonException} for malformed input. */
    public static JsonNode parse(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), bytes)) {
            return parseWhole(parser);
        }
    }

    public static JsonNode parse(String text) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            return parseWhole(parser);
        }
    }

    public static JsonNode parse(InputStream in) {
        try (in) {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parseWhole(JsonParser parser) {
        if (parser.nextToken() == null) {
            throw new IllegalArgumentException("no JSON value");
        }
        JsonNode value = read(parser);
        if (parser.nextToken() != null) {
            throw new IllegalArgumentException("more than one JSON value at line "
                    + parser.currentLocation().getLineNr());
        }
        return value;
    }

    /** Reads the value at the parser's current token; iterative over siblings, recursive over depth. */
    private static JsonNode read(JsonParser p) {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.set(name, read(p));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(p));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.stringNode(p.getString());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    /** Compact JSON text of a tree. */
    public static byte[] write(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            write(g, node);
        }
        return out.toByteArray();
    }

    /** Writes a tree with a generator of the caller's (a report's, with its layout and escapes). */
    public static void write(JsonGenerator g, JsonNode node) {
        if (node.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                g.writeName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (node.isString()) {
            g.writeString(node.stringValue());
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            g.writeNumber(value);
        } else if (node.isNumber()) {
            g.writeNumber(node.doubleValue());
        } else {
            g.writeNull();
        }
    }
}
