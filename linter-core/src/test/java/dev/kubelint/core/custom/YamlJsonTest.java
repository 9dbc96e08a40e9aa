package dev.kubelint.core.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.testing.TestYaml;
import dev.kubelint.core.yaml.YamlNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlJsonTest {

    @Test
    void numbersArriveAsKubectlSendsThem() {
        YamlNode root = parse("a: 1.0\nb: 1.5\nc: 0x10\nd: 1e20\ne: 99999999999999999999\n");
        String json = YamlJson.convert(root, YamlJson.Options.AS_WRITTEN).json().toString();
        assertEquals(
                "{\"a\":1,\"b\":1.5,\"c\":16,\"d\":100000000000000000000,\"e\":100000000000000000000}",
                json,
                "beyond 64 bits an integer is a float to kubectl, sent without a fraction");
    }

    @Test
    void nullMembersAreDroppedOnlyWhenAsked() {
        YamlNode root = parse("a: null\nb: [null, 1]\n");
        assertEquals(
                "{\"b\":[null,1]}",
                YamlJson.convert(root, YamlJson.Options.SENT_TO_API).json().toString());
        assertEquals("{\"a\":null,\"b\":[null,1]}", YamlJson.toJson(root, false).toString());
    }

    @Test
    void infinityAndNanAreTextOrLeftOut() {
        YamlNode root = parse("a: .inf\nb: [.nan, 2]\nc: x\n");
        assertEquals(
                "{\"a\":\".inf\",\"b\":[\".nan\",2],\"c\":\"x\"}",
                YamlJson.toJson(root, true).toString());
        YamlJson.Conversion sent = YamlJson.convert(root, YamlJson.Options.SENT_TO_API);
        assertEquals("{\"b\":[null,2],\"c\":\"x\"}", sent.json().toString());
        assertEquals(
                List.of("/a", "/b/0"),
                sent.unsendable().stream().map(YamlNode::pointer).toList());
        assertTrue(
                YamlJson.convert(root, YamlJson.Options.AS_WRITTEN).unsendable().isEmpty());
    }

    private static YamlNode parse(String text) {
        return TestYaml.root(text);
    }
}
