package dev.kubelint.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command in-process in a folder, capturing what it prints. */
final class ConfigCli {

    /** What one run gave. */
    record Run(int code, String out, String err) {

        /** Bad configuration must never show a stack trace or an internal error. */
        boolean clean() {
            return !err.contains("\tat ") && !err.contains("Exception in") && !err.contains("internal error");
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private ConfigCli() {}

    static Run run(Path workingDirectory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                args,
                new Main.Environment(workingDirectory, InputStream.nullInputStream(), Map.of(), false),
                new PrintWriter(out),
                new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
