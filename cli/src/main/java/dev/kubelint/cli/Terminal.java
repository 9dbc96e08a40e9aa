package dev.kubelint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What kubelint knows of its terminal. Java 17 cannot ask whether one stream is a terminal; on Linux the file
 * descriptor's link in /proc names the device, elsewhere {@code System.console()} (stdin and stdout both
 * terminals) is the best guess.
 */
final class Terminal {

    private Terminal() {}

    /** Whether file descriptor 1 (stdout) or 2 (stderr) is a terminal. */
    static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** How {@code --color} is set. */
    enum ColorMode {
        AUTO,
        ALWAYS,
        NEVER;

        static java.util.Optional<ColorMode> parse(String text) {
            return switch (text) {
                case "auto" -> java.util.Optional.of(AUTO);
                case "always" -> java.util.Optional.of(ALWAYS);
                case "never" -> java.util.Optional.of(NEVER);
                default -> java.util.Optional.empty();
            };
        }
    }

    /**
     * Whether standard output gets colours: always and never say so; auto means a terminal, unless
     * {@code NO_COLOR} has a value (no-color.org) or {@code TERM} is {@code dumb}.
     */
    static boolean useColor(ColorMode mode, boolean stdoutTerminal, Map<String, String> variables) {
        return switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO ->
                stdoutTerminal
                        && variables.getOrDefault("NO_COLOR", "").isEmpty()
                        && !"dumb".equals(variables.get("TERM"));
        };
    }

    /** Whether a progress line may be drawn: stderr is a terminal and this is no CI job's log. */
    static boolean showProgress(boolean stderrTerminal, Map<String, String> variables) {
        return stderrTerminal && !variables.containsKey("CI") && !"dumb".equals(variables.get("TERM"));
    }
}
