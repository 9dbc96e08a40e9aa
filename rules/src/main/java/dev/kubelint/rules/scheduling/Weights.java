package dev.kubelint.rules.scheduling;

import dev.kubelint.core.kube.Problem;
import dev.kubelint.core.yaml.MappingNode;
import java.util.Optional;

/** The weight of a preferred scheduling term: 1 to 100. */
final class Weights {

    private Weights() {}

    /** A problem when {@code weight} is present, integral and outside 1..100 (other shapes are the schema's). */
    static Optional<Problem> check(MappingNode preferred) {
        return preferred
                .scalar("weight")
                .filter(w -> w.longValue().map(v -> v < 1 || v > 100).orElse(false))
                .map(w -> Problem.at(w, "weight must be in the range 1-100, not " + w.asText()));
    }
}
