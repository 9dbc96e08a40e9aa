package dev.kubelint.rules.admission;

import dev.kubelint.core.finding.Location;
import dev.kubelint.rules.support.Locations;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The scanned objects kept for evaluation at the end of the run, within a bound on their bytes. The objects kept are
 * the first ones in source order that fit, whatever order the engine's workers hand them over in, so that a scan
 * too large to keep whole is evaluated alike from one run to the next.
 */
final class KeptObjects {

    /** Source order, then what tells apart objects at one place (only identical objects compare equal). */
    private static final Comparator<ScannedObject> ORDER = Comparator.comparing(
                    ScannedObject::location, Locations.FILE_ORDER)
            .thenComparing(ScannedObject::apiVersion)
            .thenComparing(ScannedObject::kind)
            .thenComparing(ScannedObject::namespace)
            .thenComparing(ScannedObject::name)
            .thenComparing(ScannedObject::json, Arrays::compare);

    private final long maxBytes;
    private final TreeSet<ScannedObject> kept = new TreeSet<>(ORDER);
    private long bytes;
    private int dropped;
    /** The first object in source order that did not fit: objects at or after it are not kept. */
    private Optional<Location> firstDropped = Optional.empty();

    KeptObjects(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether an object at this place may still be kept; one that may not is counted as dropped. */
    boolean admits(Location at) {
        if (firstDropped.isPresent() && Locations.FILE_ORDER.compare(at, firstDropped.get()) >= 0) {
            dropped++;
            return false;
        }
        return true;
    }

    /** Keeps an object that {@link #admits} admitted, dropping the last ones in source order while over the bound. */
    void add(ScannedObject object) {
        if (!kept.add(object)) {
            return;
        }
        bytes += object.size();
        while (bytes > maxBytes) {
            ScannedObject last = kept.pollLast();
            bytes -= last.size();
            dropped++;
            firstDropped = Optional.of(last.location());
        }
    }

    /** The kept objects, in source order. */
    List<ScannedObject> inSourceOrder() {
        return List.copyOf(kept);
    }

    /** How many objects were not kept. */
    int dropped() {
        return dropped;
    }
}
