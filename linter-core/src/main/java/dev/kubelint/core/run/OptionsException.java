package dev.kubelint.core.run;

import java.util.List;

/**
 * What a user asked for cannot be used: every problem found at once (unknown values, bad globs, a missing or
 * broken configuration file, an unloadable rule jar). Each front end prints the problems its own way, naming the
 * options as its users write them (see {@link OptionProblem#shown}): one line each and exit code 2 on the command
 * line, a failed Maven build in the plugin.
 */
public final class OptionsException extends Exception {

    private final List<OptionProblem> problems;

    public OptionsException(List<OptionProblem> problems) {
        super(String.join("\n", problems.stream().map(OptionProblem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an options error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public OptionsException(OptionProblem problem) {
        this(List.of(problem));
    }

    /** A problem about no single option. */
    public OptionsException(String message) {
        this(OptionProblem.general(message));
    }

    public List<OptionProblem> problems() {
        return problems;
    }
}
