package dev.kubelint.rules.admission;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.schemas.YamlToJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An object of the scan, kept for the end of the run: its identity, labels and location, and its JSON as compact
 * UTF-8 bytes (about the size of its YAML), parsed again only when a policy matches it.
 */
record ScannedObject(
        String apiVersion,
        String group,
        String version,
        String kind,
        String name,
        String namespace,
        Map<String, String> labels,
        Location location,
        byte[] json) {

    /** The most bytes of objects kept for evaluation in one run; objects beyond are counted and reported. */
    static final long MAX_KEPT_BYTES = 256L << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The object of {@code m}, found {@code at} (its root). */
    static ScannedObject of(Manifest m, Location at) {
        JsonNode json = YamlToJson.convert(m.root()).json();
        String apiVersion = m.apiVersion();
        return new ScannedObject(
                apiVersion,
                m.group(),
                AdmissionPolicyRule.version(apiVersion),
                m.kind(),
                m.name(),
                m.namespace(),
                Map.copyOf(m.labels()),
                at,
                json.toString().getBytes(StandardCharsets.UTF_8));
    }

    long size() {
        return json.length + 200L;
    }

    JsonNode tree() {
        return MAPPER.readTree(json);
    }
}
