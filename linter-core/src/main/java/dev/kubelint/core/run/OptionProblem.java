package dev.kubelint.core.run;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One thing wrong with what the user asked for. The message never names the option: each front end puts its own
 * name for it in front ({@code --kubernetes-version: } on the command line, {@code kubernetesVersion: } in the
 * Maven plugin), so that one sentence reads well from both. Problems that belong to no option (a configuration
 * file's, which carry their {@code file:line:column}, or a rule that two jars define) have no option.
 *
 * @param option  the option whose value is wrong, if the problem is about one
 * @param message what is wrong, as a sentence fragment without the option's name
 */
public record OptionProblem(Optional<Option> option, String message) {

    /** The options whose values {@link LintRequestBuilder} checks. */
    public enum Option {
        INCLUDE,
        EXCLUDE,
        KUBERNETES_VERSION,
        SELECTOR,
        JOBS,
        FAIL_ON,
        RULES_JAR,
        ENABLE,
        DISABLE,
        SCHEMA_LOCATION,
        POLICY,
        LIMIT,
        BASELINE,
        HELM_VALUES,
        HELM_SET;

        /** The option in kebab case, as {@link OptionsException#getMessage()} names it: {@code FAIL_ON} is fail-on. */
        private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

        public String label() {
            return label;
        }
    }

    public static OptionProblem of(Option option, String message) {
        return new OptionProblem(Optional.of(option), message);
    }

    /** A problem that is not about one option's value. */
    public static OptionProblem general(String message) {
        return new OptionProblem(Optional.empty(), message);
    }

    /** The problem as a front end prints it, with its own name for the option in front. */
    public String shown(Function<Option, String> names) {
        return option.map(o -> names.apply(o) + ": " + message).orElse(message);
    }

    @Override
    public String toString() {
        return shown(Option::label);
    }
}
