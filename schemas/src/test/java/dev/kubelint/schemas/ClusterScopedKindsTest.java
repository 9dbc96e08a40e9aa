package dev.kubelint.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.kube.BuiltinKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClusterScopedKindsTest {

    /**
     * Which kinds are cluster-scoped, as every bundled release's documents say it (a kind none of whose paths has a
     * {namespace}), is what kubelint knows.
     */
    @Test
    void theClusterScopedKindsAreThoseOfTheDocuments() throws IOException {
        Map<String, Set<Boolean>> scopes = new TreeMap<>();
        try (Stream<Path> releases = Files.list(OpenApiDocuments.folder())) {
            for (Path release : releases.filter(Files::isDirectory).toList()) {
                try (Stream<Path> documents = Files.list(release)) {
                    for (Path document : documents
                            .filter(f -> f.toString().endsWith(".json"))
                            .toList()) {
                        JsonNode paths =
                                JsonTrees.parse(Files.readAllBytes(document)).path("paths");
                        for (Map.Entry<String, JsonNode> path : paths.properties()) {
                            for (JsonNode operation : path.getValue()) {
                                JsonNode gvk = operation.path("x-kubernetes-group-version-kind");
                                if (gvk.isObject()) {
                                    scopes.computeIfAbsent(
                                                    gvk.path("group").asString() + " "
                                                            + gvk.path("kind").asString(),
                                                    k -> new TreeSet<>())
                                            .add(path.getKey().contains("{namespace}"));
                                }
                            }
                        }
                    }
                }
            }
        }
        Set<String> fromDocuments = new TreeSet<>();
        Set<String> known = new TreeSet<>();
        scopes.forEach((groupAndKind, namespaced) -> {
            String[] gk = groupAndKind.split(" ", -1);
            if (gk[1].endsWith("Options")) {
                return; // NodeProxyOptions and the like: parameters of subresources, not objects
            }
            if (!namespaced.contains(true)) {
                fromDocuments.add(groupAndKind);
            }
            if (BuiltinKinds.isClusterScoped(gk[0], gk[1])) {
                known.add(groupAndKind);
            }
        });
        assertTrue(fromDocuments.size() > 35, fromDocuments.toString());
        assertEquals(fromDocuments, known);
    }
}
