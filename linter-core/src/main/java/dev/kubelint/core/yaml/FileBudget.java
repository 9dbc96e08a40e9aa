package dev.kubelint.core.yaml;

import dev.kubelint.core.yaml.ReadLimits.Limit;
import dev.kubelint.core.yaml.ReadProblem.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one file may cost the reader, over all its documents and passes: the per-document limits alone let a file
 * of many documents each just under them take gigabytes and minutes. A file may build {@link #maxNodes()} nodes
 * (parsed or copied by aliases and merge keys), copy scalars of at most eight times its length through aliases, have {@link #MAX_ABANDONED_DOCUMENTS} documents given up over a
 * limit, and keep {@link #MAX_PROBLEMS_PER_KIND} problems of each kind; past that the rest of the file is not read,
 * or the further problems of the kind are counted into one summary.
 */
final class FileBudget {

    /**
     * Problems of one kind kept per file; the rest are counted into one summary problem. One less than the
     * findings the engine keeps per rule and file, so that the summary is kept too.
     */
    static final int MAX_PROBLEMS_PER_KIND = 999;

    /** Documents of one file given up over a limit before the rest of the file is given up too. */
    static final int MAX_ABANDONED_DOCUMENTS = 100;

    /** Nodes per file whatever max-alias-nodes is: a million nodes fit any real manifest and about 250 MB of heap. */
    static final long MIN_FILE_NODES = 1_000_000;

    private final ReadLimits limits;
    private final long maxAliasCharacters;
    private long nodes;
    private long aliasCharacters;
    private int abandoned;
    private boolean exhausted;

    FileBudget(ReadLimits limits, int textLength) {
        this.limits = limits;
        this.maxAliasCharacters = 8L * textLength + (1 << 20);
    }

    /**
     * Counts the characters of a scalar an alias copies; false once the copies of the file hold more than eight
     * times its length (and a megabyte): every rule that reads values then does work in proportion to the file.
     */
    boolean addAliasCharacters(int characters) {
        aliasCharacters += characters;
        return aliasCharacters <= maxAliasCharacters;
    }

    String aliasCharactersMessage() {
        return "aliases copy more than " + maxAliasCharacters + " characters of scalars in this file (eight times its"
                + " length, and a megabyte); the rest of the file was not read: write the value out where it is used"
                + " instead of aliasing it so often";
    }

    /** Ten documents' worth of alias copies, and at least {@link #MIN_FILE_NODES}. */
    long maxNodes() {
        return Math.max(MIN_FILE_NODES, 10L * limits.maxAliasNodes());
    }

    /** Counts a node; false once the file has built more than {@link #maxNodes()}. */
    boolean addNode() {
        return ++nodes <= maxNodes();
    }

    String nodesMessage() {
        return "the file builds more than " + maxNodes() + " nodes, counting those that aliases and merge keys copy"
                + " (a budget per file of ten times " + Limit.ALIAS_NODES.key() + ", and at least " + MIN_FILE_NODES
                + "); the rest of the file was not read: " + Limit.ALIAS_NODES.howToRaise();
    }

    /** Counts a document given up over a limit; false once too many were. */
    boolean addAbandoned() {
        return ++abandoned <= MAX_ABANDONED_DOCUMENTS;
    }

    String abandonedMessage() {
        return "more than " + MAX_ABANDONED_DOCUMENTS + " documents of this file are over a limit; the rest of the"
                + " file was not read";
    }

    /** The rest of the file is not to be read. */
    void exhaust() {
        exhausted = true;
    }

    boolean exhausted() {
        return exhausted;
    }

    /**
     * The problems of a file, at most {@link #MAX_PROBLEMS_PER_KIND} of each kind; {@link #summarize()} adds one
     * problem per kind that had more, where the first one left out was.
     */
    static final class Problems extends ArrayList<ReadProblem> {
        private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        private final Map<Kind, ReadProblem> firstLeftOut = new EnumMap<>(Kind.class);

        @Override
        public boolean add(ReadProblem problem) {
            int n = counts.merge(problem.kind(), 1, Integer::sum);
            if (n <= MAX_PROBLEMS_PER_KIND) {
                return super.add(problem);
            }
            firstLeftOut.putIfAbsent(problem.kind(), problem);
            return false;
        }

        @Override
        public ReadProblem remove(int index) {
            ReadProblem removed = super.remove(index);
            counts.merge(removed.kind(), -1, Integer::sum);
            return removed;
        }

        /** The kept problems and one summary per kind that had more. */
        List<ReadProblem> summarize() {
            List<ReadProblem> all = new ArrayList<>(this);
            firstLeftOut.forEach((kind, first) -> all.add(new ReadProblem(
                    kind,
                    "and " + (counts.get(kind) - MAX_PROBLEMS_PER_KIND)
                            + " more such problems in this file, not listed: at most "
                            + MAX_PROBLEMS_PER_KIND + " of each kind are (the first one not listed is here)",
                    first.span(),
                    first.documentIndex())));
            return all;
        }
    }
}
