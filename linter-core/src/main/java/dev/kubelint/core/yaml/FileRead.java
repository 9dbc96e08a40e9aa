package dev.kubelint.core.yaml;

import java.util.List;

/**
 * What the reading of one file shares over its passes and documents: the file's name, its limits and budget, and
 * the lists its documents and problems are added to.
 */
record FileRead(
        String name, ReadLimits limits, FileBudget budget, List<YamlDocument> documents, List<ReadProblem> problems) {

    void report(ReadProblem problem) {
        problems.add(problem);
    }

    /** Forgets the documents and problems added after the first {@code documentCount} and {@code problemCount}. */
    void truncate(int documentCount, int problemCount) {
        while (documents.size() > documentCount) {
            documents.remove(documents.size() - 1);
        }
        // one at a time: FileBudget.Problems counts each removal
        while (problems.size() > problemCount) {
            problems.remove(problems.size() - 1);
        }
    }
}
