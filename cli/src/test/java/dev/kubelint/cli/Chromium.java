package dev.kubelint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, for tests that load a report in a real browser: {@code --dump-dom} runs the page's
 * scripts and prints the document as they left it, and {@code --enable-logging=stderr} prints every console
 * message, uncaught errors included. Tests that need it are skipped when no Chromium is installed, unless
 * {@code KUBELINT_BROWSER_TESTS=required} (which CI sets after installing it) makes its absence a failure.
 */
final class Chromium {

    private static final Pattern CONSOLE = Pattern.compile(":CONSOLE[:(]\\d*\\)?\\]? ?(.*)");

    /** A loaded page: the document after its scripts ran, and what they wrote to the console. */
    record Page(String dom, List<String> console) {

        /** The value of an attribute of the root {@code html} element, where the report's script leaves its state. */
        Optional<String> rootAttribute(String name) {
            Matcher html = Pattern.compile("<html[^>]*>").matcher(dom);
            if (!html.find()) {
                return Optional.empty();
            }
            Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"")
                    .matcher(html.group());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        int count(String text) {
            int n = 0;
            for (int i = dom.indexOf(text); i >= 0; i = dom.indexOf(text, i + text.length())) {
                n++;
            }
            return n;
        }

        /** The page loaded, its script ran to the end, and nothing was logged: no error, no warning. */
        void assertClean() {
            assertEquals(List.of(), console, "console messages");
            assertEquals(Optional.empty(), rootAttribute("data-script-error"), "script error");
            assertEquals(Optional.of("true"), rootAttribute("data-ready"), "the script ran to its end");
        }
    }

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** The installed Chromium, or the test is skipped (failed when CI requires the browser tests). */
    static Chromium require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            if ("required".equals(System.getenv("KUBELINT_BROWSER_TESTS"))) {
                fail("KUBELINT_BROWSER_TESTS=required, but no chromium is on the PATH");
            }
            Assumptions.abort("no chromium on the PATH: the browser tests are skipped");
        }
        return new Chromium(found.get());
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Loads the file (with an optional fragment, such as {@code #view?q=...}) and returns the page. */
    Page load(Path file, String fragment, Path work) throws IOException, InterruptedException {
        return run(work, "--dump-dom", file.toUri() + fragment);
    }

    /** A screenshot of the page's first screen. */
    void screenshot(Path file, Path png, int width, int height, Path work) throws IOException, InterruptedException {
        run(
                work,
                "--screenshot=" + png,
                "--window-size=" + width + "," + height,
                "--hide-scrollbars",
                file.toUri().toString());
        assertTrue(Files.size(png) > 0, "no screenshot written");
    }

    private Page run(Path work, String... args) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(work.resolve("chromium-profile"));
        Path out = work.resolve("chromium.out");
        Path err = work.resolve("chromium.err");
        List<String> command = new java.util.ArrayList<>(List.of(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish in 120 s");
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        List<String> console = log.lines()
                .map(CONSOLE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
        return new Page(Files.readString(out, StandardCharsets.UTF_8), console);
    }
}
