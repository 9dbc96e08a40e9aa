package dev.kubelint.core.report;

import java.util.List;
import java.util.Optional;

/** The output formats kubelint has, by their command-line name. */
public final class Reporters {

    /** Format names in the order help texts list them. */
    public static final List<String> NAMES = List.of("text", "json", "sarif", "junit", "github");

    private Reporters() {
    }

    public static Optional<Reporter> find(String name) {
        return Optional.ofNullable(switch (name) {
            case "text" -> new TextReporter();
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter();
            case "junit" -> new JUnitReporter();
            case "github" -> new GithubReporter();
            default -> null;
        });
    }
}
