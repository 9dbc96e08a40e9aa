package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One in-process run of the kubelint command, with what it printed and returned. */
record CliRun(List<String> args, int exitCode, String out, String err) {

    /** Generous: only a guard against hangs, never a performance target. */
    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static CliRun run(Path workingDirectory, List<String> args) {
        return run(workingDirectory, args, InputStream.nullInputStream());
    }

    static CliRun run(Path workingDirectory, List<String> args, InputStream stdin) {
        return Assertions.assertTimeoutPreemptively(
                HANG_GUARD,
                () -> {
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int code = Main.run(
                            args.toArray(String[]::new),
                            new Main.Environment(workingDirectory, stdin, Map.of(), false),
                            new PrintWriter(out),
                            new PrintWriter(err));
                    return new CliRun(List.copyOf(args), code, out.toString(), err.toString());
                },
                () -> "kubelint did not finish within " + HANG_GUARD + ": " + args);
    }

    /** No stack trace and no internal error, on either stream. */
    CliRun assertCalm() {
        for (String stream : List.of(out, err)) {
            assertFalse(stream.contains("Exception"), () -> "an exception was printed by " + args + ":\n" + stream);
            assertFalse(stream.contains("\tat "), () -> "a stack trace was printed by " + args + ":\n" + stream);
            assertFalse(
                    stream.contains("Error:") || stream.contains("internal error"),
                    () -> "an internal error was printed by " + args + ":\n" + stream);
        }
        return this;
    }

    JsonNode json() {
        return JSON.readTree(out);
    }

    /** Every finding of a JSON report. */
    List<Reported> findings() {
        List<Reported> all = new ArrayList<>();
        for (JsonNode f : json().get("findings")) {
            all.add(new Reported(
                    f.get("ruleId").asString(),
                    f.get("severity").asString(),
                    f.get("file").asString(),
                    f.get("line").asInt(),
                    f.get("column").asInt(),
                    f.get("message").asString()));
        }
        return all;
    }

    long files() {
        return json().get("files").asLong();
    }

    /** One finding as the JSON report shows it. */
    record Reported(String ruleId, String severity, String file, int line, int column, String message) {
        String brief() {
            return ruleId + "@" + line + ":" + column;
        }
    }
}
