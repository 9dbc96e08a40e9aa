package dev.kubelint.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code kubelint} command. {@link #run} does all the work and returns the exit code, so tests call it
 * in-process; {@link #main} only wires it to the real streams.
 */
public final class Main {

    /** No finding at or above the failure threshold. */
    public static final int OK = 0;
    /** Findings at or above the failure threshold. */
    public static final int FINDINGS = 1;
    /** Usage error, unreadable input path or bad configuration. */
    public static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(
                args,
                new Environment(
                        Paths.get("").toAbsolutePath(),
                        System.in,
                        System.getenv(),
                        Terminal.isTerminal(1),
                        Terminal.isTerminal(2)),
                out,
                err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs with the process's working directory and no standard input. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(
                args,
                new Environment(Paths.get("").toAbsolutePath(), InputStream.nullInputStream(), Map.of(), false),
                out,
                err);
    }

    public static int run(String[] args, Environment env, PrintWriter out, PrintWriter err) {
        try {
            if (args.length > 0) {
                String[] rest = Arrays.copyOfRange(args, 1, args.length);
                switch (args[0]) {
                    case "scan":
                        return new ScanCommand(env, out, err).run(rest);
                    case "rules":
                        return new RulesCommand(env, out, err).run(rest);
                    case "explain":
                        return new ExplainCommand(out, err).run(rest);
                    case "completion":
                        return new CompletionCommand(out, err).run(rest);
                    case "versions":
                        if (VersionsCommand.isCommand(rest, env)) {
                            return new VersionsCommand(out).run(rest);
                        }
                        break;
                    case "config":
                        if (ConfigCommand.isCommand(rest, env)) {
                            return new ConfigCommand(env, out, err).run(rest);
                        }
                        break;
                    default:
                        break;
                }
            }
            return new ScanCommand(env, out, err).run(args);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("kubelint: internal error: " + e + " (please report it with the input that caused it)");
            return USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * What the command sees of its process.
     *
     * @param workingDirectory base for relative paths
     * @param stdin            standard input, for "-"
     * @param variables        environment variables (NO_COLOR, CI, TERM, ...)
     * @param interactive      whether standard output is a terminal (colours)
     * @param stderrTerminal   whether standard error is a terminal (the progress line)
     */
    public record Environment(
            Path workingDirectory,
            InputStream stdin,
            Map<String, String> variables,
            boolean interactive,
            boolean stderrTerminal) {

        public Environment {
            variables = Map.copyOf(variables);
        }

        /** Standard error is taken to be a terminal exactly when standard output is. */
        public Environment(
                Path workingDirectory, InputStream stdin, Map<String, String> variables, boolean interactive) {
            this(workingDirectory, stdin, variables, interactive, interactive);
        }
    }
}
