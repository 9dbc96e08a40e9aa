package dev.kubelint.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs {@link Main#run} in-process in a folder of its own, as a user would from that folder. */
final class Cli {

    /** What one run gave. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private final Path dir;
    private final Map<String, String> variables = new HashMap<>();
    private boolean stdoutTerminal;
    private boolean stderrTerminal;
    private byte[] stdin = new byte[0];
    private final AtomicBoolean stdinRead = new AtomicBoolean();

    Cli(Path dir) {
        this.dir = dir;
    }

    Cli file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    Cli env(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Cli terminal(boolean stdout, boolean stderr) {
        this.stdoutTerminal = stdout;
        this.stderrTerminal = stderr;
        return this;
    }

    Cli stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** Whether the last run read standard input at all (to prove that checks happen before scanning). */
    boolean stdinWasRead() {
        return stdinRead.get();
    }

    String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    Path path(String name) {
        return dir.resolve(name);
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                stdinRead.set(true);
                return super.read(b, off, len);
            }

            @Override
            public synchronized int read() {
                stdinRead.set(true);
                return super.read();
            }
        };
        Main.Environment env = new Main.Environment(dir, in, variables, stdoutTerminal, stderrTerminal);
        int code = Main.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
