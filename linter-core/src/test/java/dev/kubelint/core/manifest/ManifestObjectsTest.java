package dev.kubelint.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.testing.TestYaml;
import dev.kubelint.core.yaml.MappingNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestObjectsTest {

    private final List<String> notObjects = new ArrayList<>();

    private List<String> objects(String text) {
        Manifest document = new Manifest(SourceFile.of("test.yaml", text), 0, (MappingNode) TestYaml.root(text));
        return document.objects(item -> notObjects.add(item.pointer())).stream()
                .map(m -> m.kind() + " " + m.name() + " " + m.root().pointer())
                .toList();
    }

    @Test
    void aListHoldsItsItemsInOrderAndWhatIsNoObjectIsHandedOver() {
        List<String> found = objects("""
                apiVersion: v1
                kind: List
                items:
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
                  - just text
                  - {apiVersion: v1, kind: Secret, metadata: {name: a}}
                """);
        assertEquals(List.of("ConfigMap b /items/0", "Secret a /items/2"), found);
        assertEquals(List.of("/items/1"), notObjects);
    }

    @Test
    void anyKindEndingInListWithItemsIsAList() {
        assertEquals(
                List.of("Pod p /items/0"),
                objects("kind: PodList\nitems: [{apiVersion: v1, kind: Pod, metadata: {name: p}}]\n"));
    }

    @Test
    void otherDocumentsAreOneObject() {
        assertEquals(List.of("ConfigMap c "), objects("kind: ConfigMap\nmetadata: {name: c}\n"));
        // a List without items, and items in a kind that is no List, are the document itself
        assertEquals(List.of("List  "), objects("kind: List\n"));
        assertEquals(List.of("Thing t "), objects("kind: Thing\nmetadata: {name: t}\nitems: [{}]\n"));
        assertEquals(List.of(), notObjects);
    }
}
