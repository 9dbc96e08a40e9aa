package dev.kubelint.core.config;

import java.util.List;

/** The configuration (a file, a flag, a rule jar) cannot be used: a usage error, with every problem found. */
public final class ConfigException extends Exception {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(String.join("\n", problems.stream().map(ConfigProblem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
