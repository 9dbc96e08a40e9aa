package dev.kubelint.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.KubeScalars;
import dev.kubelint.core.yaml.ScalarType;
import java.util.List;

/**
 * Coverage-guided fuzzing of the string checks every rule leans on: the scalar table, the name and label syntax,
 * and JSON pointers. None may throw; a string scalar keeps its text; a pointer token survives a round trip.
 */
class ScalarsAndNamesFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anyString(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            KubeScalars.Resolved resolved = KubeScalars.resolvePlain(text);
            String key = KubeScalars.keyText(resolved, text);
            if (resolved.type() == ScalarType.STRING && !(text.equals(resolved.value()) && text.equals(key))) {
                throw new AssertionError("a string scalar changed: " + text + " -> " + resolved.value() + " / " + key);
            }
        }
        for (List<String> problems : List.of(
                Names.dns1123Label(text),
                Names.dns1123Subdomain(text),
                Names.dns1035Label(text),
                Names.qualifiedName(text),
                Names.labelValue(text),
                Names.ianaServiceName(text),
                Names.httpHeaderName(text),
                Names.cIdentifier(text))) {
            if (problems.stream().anyMatch(p -> p == null || p.isBlank())) {
                throw new AssertionError("a blank problem for " + text + ": " + problems);
            }
        }
        String pointer = JsonPointers.child("/spec", text);
        List<String> tokens = JsonPointers.tokens(pointer);
        if (tokens.size() != 2 || !tokens.get(1).equals(text)) {
            throw new AssertionError("pointer token round trip failed for " + text + ": " + pointer + " -> " + tokens);
        }
    }
}
