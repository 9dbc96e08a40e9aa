package dev.kubelint.core.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonTreesTest {

    private static final String DOCUMENT = "{\"name\":\"web\",\"ports\":[80,443],\"ratio\":0.5,\"big\":"
            + "123456789012345678901234567890,\"on\":true,\"none\":null,\"nested\":{\"empty\":{},\"list\":[]}}";

    @Test
    void parsesEveryKindOfValue() {
        JsonNode node = JsonTrees.parse(DOCUMENT);
        assertEquals("web", node.get("name").asString());
        assertEquals(443, node.get("ports").get(1).asInt());
        assertEquals(0.5, node.get("ratio").asDouble());
        assertEquals(
                new BigInteger("123456789012345678901234567890"),
                node.get("big").bigIntegerValue());
        assertTrue(node.get("on").booleanValue());
        assertTrue(node.get("none").isNull());
        assertTrue(node.get("nested").get("empty").isObject());
    }

    @Test
    void compactTextReadsBackAsTheSameTree() {
        JsonNode node = JsonTrees.parse(DOCUMENT);
        assertEquals(node, JsonTrees.parse(new String(JsonTrees.write(node), StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsTrailingValues() {
        assertThrows(IllegalArgumentException.class, () -> JsonTrees.parse("{} {}"));
    }
}
