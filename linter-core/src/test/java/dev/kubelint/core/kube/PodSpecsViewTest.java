package dev.kubelint.core.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pod spec view is built once per object and shared by every rule that asks for it. */
class PodSpecsViewTest {

    private static Manifest manifest(String yaml) {
        MappingNode root = (MappingNode)
                new YamlReader().read("t.yaml", yaml).documents().get(0).root().orElseThrow();
        return new Manifest(new SourceFile(Optional.empty(), "t.yaml", yaml), 0, root);
    }

    private static final String DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
            + "  template:\n    spec:\n      initContainers:\n        - name: setup\n        - name: proxy\n"
            + "          restartPolicy: Always\n      containers:\n        - name: web\n";

    @Test
    void theViewIsBuiltOnceAndItsContainersCannotBeChanged() {
        Manifest m = manifest(DEPLOYMENT);
        PodSpecs.PodSpec first = PodSpecs.of(m).orElseThrow();
        assertSame(first, PodSpecs.of(m).orElseThrow());
        assertSame(first.containers(), PodSpecs.of(m).orElseThrow().containers());
        assertEquals(
                List.of("setup", "proxy", "web"),
                first.containers().stream()
                        .map(c -> c.node().string("name").orElseThrow())
                        .toList());
        assertEquals(
                List.of(PodSpecs.ContainerRole.INIT, PodSpecs.ContainerRole.SIDECAR, PodSpecs.ContainerRole.APP),
                first.containers().stream().map(PodSpecs.Container::role).toList());
        assertThrows(
                UnsupportedOperationException.class, () -> first.containers().clear());
    }

    @Test
    void containersByRole() {
        PodSpecs.PodSpec spec = PodSpecs.of(manifest(DEPLOYMENT.replace(
                        "      containers:\n",
                        "      ephemeralContainers:\n        - name: debug\n      containers:\n")))
                .orElseThrow();
        assertEquals(List.of("setup", "proxy", "web", "debug"), names(spec.containers()));
        assertEquals(List.of("setup", "proxy", "web"), names(spec.nonEphemeralContainers()));
        assertEquals(List.of("proxy", "web"), names(spec.longRunningContainers()));
    }

    private static List<String> names(List<PodSpecs.Container> containers) {
        return containers.stream()
                .map(c -> c.node().string("name").orElseThrow())
                .toList();
    }

    @Test
    void anObjectWithoutPodSpecKeepsItsEmptyAnswer() {
        Manifest m = manifest("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
        assertTrue(PodSpecs.of(m).isEmpty());
        assertSame(PodSpecs.of(m), PodSpecs.of(m));
    }

    @Test
    void derivedViewsAreComputedOncePerKey() {
        Manifest m = manifest(DEPLOYMENT);
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertEquals("web", m.derived("name", x -> {
                calls.incrementAndGet();
                return x.name();
            }));
        }
        assertEquals(1, calls.get());
        assertEquals("Deployment", m.derived("kind", Manifest::kind));
    }
}
