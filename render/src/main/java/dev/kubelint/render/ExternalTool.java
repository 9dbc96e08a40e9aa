package dev.kubelint.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program found on the PATH safely: by an argument list (never a shell), with an environment that keeps it
 * off the network, with its output in files (no pipe to fill) of bounded size, and killed after a time limit.
 */
final class ExternalTool {

    /** What a run gave. */
    record Result(int exitCode, String out, String err, boolean timedOut) {}

    /** Proxies that lead nowhere and git limited to local repositories: a remote base is an error, not a download. */
    private static final Map<String, String> OFFLINE = Map.of(
            "HTTP_PROXY",
            "http://127.0.0.1:9",
            "HTTPS_PROXY",
            "http://127.0.0.1:9",
            "http_proxy",
            "http://127.0.0.1:9",
            "https_proxy",
            "http://127.0.0.1:9",
            "NO_PROXY",
            "",
            "no_proxy",
            "",
            "GIT_ALLOW_PROTOCOL",
            "file",
            "GIT_TERMINAL_PROMPT",
            "0");

    private final Path program;

    private ExternalTool(Path program) {
        this.program = program;
    }

    /** The program of that name in a folder of the PATH, if there is one. */
    static Optional<ExternalTool> find(String name, String pathVariable) {
        if (pathVariable == null || pathVariable.isEmpty()) {
            return Optional.empty();
        }
        boolean windows = File.separatorChar == '\\';
        for (String folder : pathVariable.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            for (String candidate : windows ? List.of(name + ".exe", name) : List.of(name)) {
                try {
                    Path p = Path.of(folder, candidate);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return Optional.of(new ExternalTool(p));
                    }
                } catch (java.nio.file.InvalidPathException e) {
                    // not a usable PATH entry
                }
            }
        }
        return Optional.empty();
    }

    String name() {
        return program.getFileName().toString();
    }

    /** Runs the program with the arguments, in the folder, for at most the given time. */
    Result run(List<String> arguments, Path workFolder, long timeoutSeconds, long maxOutputBytes) throws IOException {
        Path out = Files.createTempFile(workFolder, "out", ".txt");
        Path err = Files.createTempFile(workFolder, "err", ".txt");
        List<String> command = new java.util.ArrayList<>();
        command.add(program.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workFolder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(OFFLINE);
        Process process = builder.start();
        boolean finished;
        try {
            finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(-1, "", "", true);
        }
        return new Result(process.exitValue(), read(out, maxOutputBytes), read(err, 64 * 1024), false);
    }

    private static String read(Path file, long max) throws IOException {
        if (Files.size(file) > max) {
            throw new IOException("the output has more than " + max + " bytes");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }
}
