package dev.kubelint.rules.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeptObjectsTest {

    /** An object of {@code bytes} JSON bytes at a line of a file (its size counts 200 bytes more). */
    private static ScannedObject object(String file, int line, int bytes) {
        Location at = new Location(file, 0, new Span(new Position(line, 1), new Position(line, 1)), "", ObjectRef.NONE);
        return new ScannedObject("v1", "", "v1", "ConfigMap", file + line, "default", Map.of(), at, new byte[bytes]);
    }

    private static List<String> kept(KeptObjects objects) {
        return objects.inSourceOrder().stream().map(ScannedObject::name).toList();
    }

    @Test
    void theFirstObjectsInSourceOrderThatFitAreKeptWhateverTheOrderTheyCameIn() {
        List<ScannedObject> all = List.of(
                object("a.yaml", 1, 300),
                object("a.yaml", 9, 100),
                object("b.yaml", 1, 800),
                object("b.yaml", 5, 50),
                object("c.yaml", 1, 100));
        // 500 + 300 fit in 1,000 bytes; b.yaml:1 (1,000) does not, and nothing after it is kept though b.yaml:5 would
        // fit
        Random random = new Random(3);
        for (int i = 0; i < 30; i++) {
            List<ScannedObject> order = new ArrayList<>(all);
            Collections.shuffle(order, random);
            KeptObjects objects = new KeptObjects(1_000);
            for (ScannedObject o : order) {
                if (objects.admits(o.location())) {
                    objects.add(o);
                }
            }
            assertEquals(List.of("a.yaml1", "a.yaml9"), kept(objects), "order " + order);
            assertEquals(3, objects.dropped(), "order " + order);
        }
    }

    @Test
    void underTheBoundEveryObjectIsKeptInSourceOrder() {
        KeptObjects objects = new KeptObjects(10_000);
        for (ScannedObject o : List.of(object("b.yaml", 1, 10), object("a.yaml", 7, 10), object("a.yaml", 2, 10))) {
            objects.add(o);
        }
        assertEquals(List.of("a.yaml2", "a.yaml7", "b.yaml1"), kept(objects));
        assertEquals(0, objects.dropped());
    }
}
