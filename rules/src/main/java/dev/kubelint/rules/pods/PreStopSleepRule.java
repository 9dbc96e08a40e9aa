package dev.kubelint.rules.pods;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.kube.PodSpecs.PodSpec;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.rules.probes.TerminationGrace;
import dev.kubelint.rules.support.PodSpecRule;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A preStop hook that sleeps for the whole grace period or longer. */
@RuleInfo(
        id = "pre-stop-sleep",
        category = "lifecycle",
        severity = Severity.WARNING,
        summary = "A preStop hook sleeps as long as the termination grace period or longer",
        kindGroups = KindGroup.POD_SPECS)
public final class PreStopSleepRule implements PodSpecRule {

    private static final Pattern SHELL = Pattern.compile("(.*/)?(sh|bash|ash|dash|zsh)");
    private static final Pattern SHELL_FLAGS = Pattern.compile("-[a-z]*c[a-z]*");
    private static final Pattern SLEEP_IN_SCRIPT = Pattern.compile(
            "(?:^|[\\s;&|(])(?:/(?:usr/)?bin/)?sleep\\s+([0-9]+(?:\\.[0-9]+)?[smhd]?|infinity)(?=$|[\\s;&|)])");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([smhd]?)|infinity");

    @Override
    public void checkPod(PodSpec spec, RuleContext ctx) {
        long grace = Math.max(1, TerminationGrace.seconds(spec)); // negative is treated as 1
        spec.longRunningContainers().forEach(c -> preStop(c).ifPresent(hook -> check(c, hook, grace, ctx)));
    }

    private static Optional<MappingNode> preStop(Container container) {
        return container.node().mapping("lifecycle").flatMap(l -> l.mapping("preStop"));
    }

    private static void check(Container container, MappingNode hook, long grace, RuleContext ctx) {
        hook.mapping("sleep")
                .flatMap(s -> s.scalar("seconds"))
                .ifPresent(seconds -> seconds.longValue()
                        .filter(v -> v == grace)
                        .ifPresent(v -> ctx.report(seconds, message(container, v, grace))));
        hook.mapping("exec")
                .ifPresent(exec -> exec.sequence("command")
                        .ifPresent(command -> sleepSeconds(command).ifPresent(v -> {
                            if (v >= grace) {
                                ctx.reportKey(exec, "command", message(container, v, grace));
                            }
                        })));
    }

    private static String message(Container container, double seconds, long grace) {
        String sleep = Double.isInfinite(seconds) ? "forever" : format(seconds) + " seconds";
        return "the preStop hook of " + container.describe() + " sleeps " + sleep + ", "
                + (seconds == grace ? "all of" : "longer than") + " terminationGracePeriodSeconds (" + grace
                + "): the kubelet kills the container about 2 seconds after the grace period, leaving the"
                + " application no time to shut down";
    }

    /** The longest sleep of an exec command: {@code sleep N}, or {@code sh -c "... sleep N ..."}. */
    static OptionalDouble sleepSeconds(SequenceNode command) {
        List<String> argv = command.items().stream()
                .map(i -> i.asScalar().map(ScalarNode::asText).orElse(""))
                .toList();
        if (argv.size() >= 2 && argv.get(0).replaceFirst(".*/", "").equals("sleep")) {
            return duration(argv.get(1));
        }
        if (argv.size() >= 3
                && SHELL.matcher(argv.get(0)).matches()
                && SHELL_FLAGS.matcher(argv.get(1)).matches()) {
            Matcher m = SLEEP_IN_SCRIPT.matcher(argv.get(2));
            OptionalDouble longest = OptionalDouble.empty();
            while (m.find()) {
                OptionalDouble d = duration(m.group(1));
                if (d.isPresent() && (longest.isEmpty() || d.getAsDouble() > longest.getAsDouble())) {
                    longest = d;
                }
            }
            return longest;
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return OptionalDouble.empty();
        }
        if (m.group(1) == null) {
            return OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        double value = Double.parseDouble(m.group(1));
        return OptionalDouble.of(
                switch (m.group(2)) {
                    case "m" -> value * 60;
                    case "h" -> value * 3600;
                    case "d" -> value * 86400;
                    default -> value;
                });
    }

    private static String format(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
