package dev.kubelint.rules.support;

import dev.kubelint.core.finding.Location;
import java.util.Comparator;

/** Orders and names locations for the messages of rules that compare objects across the scan. */
public final class Locations {

    /**
     * File, then document, then line and column: "the first" and "the second" of a scan, whatever order it was read
     * in.
     */
    public static final Comparator<Location> FILE_ORDER = Comparator.comparing(Location::file)
            .thenComparingInt(Location::documentIndex)
            .thenComparingInt(Location::line)
            .thenComparingInt(Location::column);

    private Locations() {}

    /** "file:line", for messages. */
    public static String where(Location l) {
        return l.file() + ":" + l.line();
    }
}
