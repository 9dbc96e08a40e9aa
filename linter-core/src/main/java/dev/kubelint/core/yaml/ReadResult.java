package dev.kubelint.core.yaml;

import java.util.List;

/** What reading one source gave: its documents (in order) and the problems of the text. */
public record ReadResult(List<YamlDocument> documents, List<ReadProblem> problems) {

    public ReadResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
