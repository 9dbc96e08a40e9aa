package dev.kubelint.cli;

import dev.kubelint.core.rule.input.CoreRule;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bad-input corpus: the committed files under {@code src/test/resources/hostile/}, the huge inputs generated
 * on the fly (never committed), and {@code expectations.tsv}, which records for each of them what kubelint must
 * report.
 */
final class HostileCorpus {

    /** Rules reported by the reader and the engine; the corpus expects exactly these, whatever other rules say. */
    static final Set<String> CORE_RULES =
            Arrays.stream(CoreRule.values()).map(CoreRule::id).collect(Collectors.toUnmodifiableSet());

    static final String GENERATED = "gen/";
    private static final Pattern FINDING = Pattern.compile("([a-z-]+)@(\\d+):(\\d+)(?:~(\\S+))?");
    private static final Pattern COUNTED = Pattern.compile("([a-z-]+)\\*(\\d+)");

    /** A finding the corpus expects: rule, position and optionally a part of its message. */
    record Expected(String ruleId, int line, int column, Optional<String> messagePart) {
        String brief() {
            return ruleId + "@" + line + ":" + column;
        }
    }

    /**
     * One corpus entry.
     *
     * @param path     relative to the corpus folder, "/"-separated
     * @param usage    whether kubelint must refuse it as a usage error (exit 2) instead of linting it
     * @param findings the core-rule findings expected at exact positions
     * @param counted  core-rule findings expected in number only (rule id -> count), for inputs with thousands
     * @param note     why
     */
    record Case(String path, boolean usage, List<Expected> findings, Map<String, Integer> counted, String note) {
        boolean generated() {
            return path.startsWith(GENERATED);
        }

        @Override
        public String toString() {
            return path;
        }
    }

    private HostileCorpus() {}

    static Path resources() {
        try {
            return Path.of(HostileCorpus.class
                            .getResource("/hostile/expectations.tsv")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(resources().resolve("expectations.tsv"), StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 4) {
                throw new IllegalStateException(
                        "expectations.tsv:" + lineNumber + ": 4 tab-separated columns expected");
            }
            List<Expected> findings = new ArrayList<>();
            Map<String, Integer> counted = new TreeMap<>();
            if (!cols[2].equals("-")) {
                for (String token : cols[2].trim().split(" +")) {
                    Matcher m = FINDING.matcher(token);
                    Matcher c = COUNTED.matcher(token);
                    if (m.matches()) {
                        findings.add(new Expected(
                                m.group(1),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)),
                                Optional.ofNullable(m.group(4)).map(s -> s.replace('_', ' '))));
                    } else if (c.matches()) {
                        counted.merge(c.group(1), Integer.parseInt(c.group(2)), Integer::sum);
                    } else {
                        throw new IllegalStateException("expectations.tsv:" + lineNumber + ": cannot read " + token);
                    }
                }
            }
            boolean usage = switch (cols[1]) {
                case "lint" -> false;
                case "usage" -> true;
                default ->
                    throw new IllegalStateException(
                            "expectations.tsv:" + lineNumber + ": lint or usage, not " + cols[1]);
            };
            cases.add(new Case(cols[0], usage, findings, counted, cols[3]));
        }
        return cases;
    }

    /** Copies the committed corpus into {@code dir} and generates the huge inputs there. */
    static void materialize(Path dir) throws IOException {
        Path source = resources();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = source.relativize(file);
                if (relative.toString().equals("expectations.tsv")) {
                    continue;
                }
                Path target = dir.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Generated.writeAll(dir.resolve(GENERATED));
    }

    /** SHA-256 of every regular file under {@code dir}, by relative path. */
    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                hashes.put(dir.relativize(file).toString(), sha256(file));
            }
        }
        return hashes;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The inputs too large to commit, written the same way every time. */
    static final class Generated {

        static final int MIB = 1024 * 1024;

        private Generated() {}

        static void writeAll(Path dir) throws IOException {
            Files.createDirectories(dir);
            write(dir.resolve("scalar-50mb.yaml"), w -> {
                w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fifty-megabytes}\ndata:\n  blob: ");
                repeat(w, 'x', 50 * MIB);
                w.write('\n');
            });
            write(dir.resolve("documents-100000.yaml"), w -> {
                for (int i = 0; i < 100_000; i++) {
                    w.write("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-" + i + "}\n");
                }
            });
            write(dir.resolve("broken-documents-100000.yaml"), w -> repeat(w, "---\na: [\n", 100_000));
            write(dir.resolve("deep-flow-sequence-10000.yaml"), w -> {
                repeat(w, '[', 10_000);
                repeat(w, ']', 10_000);
                w.write('\n');
            });
            write(dir.resolve("deep-flow-mapping-10000.yaml"), w -> {
                w.write("x: ");
                repeat(w, "{a: ", 10_000);
                w.write('1');
                repeat(w, '}', 10_000);
                w.write('\n');
            });
            write(dir.resolve("deep-json-10000.json"), w -> {
                repeat(w, "{\"a\":", 10_000);
                w.write('1');
                repeat(w, '}', 10_000);
                w.write('\n');
            });
            write(dir.resolve("deep-block-sequence-10000.yaml"), w -> {
                repeat(w, "- ", 10_000);
                w.write("x\n");
            });
            write(dir.resolve("deep-block-mapping-1000.yaml"), w -> {
                for (int i = 0; i < 1_000; i++) {
                    repeat(w, ' ', i);
                    w.write("k:\n");
                }
                repeat(w, ' ', 1_000);
                w.write("k: v\n");
            });
            write(dir.resolve("many-single-quote-escapes.yaml"), w -> {
                // kubectl accepts \' in double quotes; each one costs kubelint a re-read, within a budget
                w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: escapes}\ndata:\n");
                for (int i = 0; i < 20_000; i++) {
                    w.write("  k" + i + ": \"it\\'s " + i + "\"\n");
                }
            });
            write(dir.resolve("long-line-1mb.yaml"), w -> {
                w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long-line}\ndata:\n  big: ");
                repeat(w, 'a', MIB);
                w.write('\n');
            });
            write(dir.resolve("long-line-3mb-scalar.yaml"), w -> {
                w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long-scalar}\ndata:\n  big: ");
                repeat(w, 'b', 3 * MIB);
                w.write('\n');
            });
            write(dir.resolve("long-flow-line.yaml"), w -> {
                w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long-flow}\ndata: {");
                for (int i = 0; i < 100_000; i++) {
                    w.write((i == 0 ? "" : ", ") + "k" + i + ": v");
                }
                w.write("}\n");
            });
            write(dir.resolve("long-line-of-aliases.yaml"), w -> {
                w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: &n aliases}\ndata: {");
                for (int i = 0; i < 50_000; i++) {
                    w.write((i == 0 ? "" : ", ") + "k" + i + ": *n");
                }
                w.write("}\n");
            });
        }

        private interface Body {
            void write(Writer w) throws IOException;
        }

        private static void write(Path file, Body body) {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.write(w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void repeat(Writer w, String text, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                w.write(text);
            }
        }

        private static void repeat(Writer w, char c, int count) throws IOException {
            char[] chunk = new char[Math.min(count, 1 << 16)];
            java.util.Arrays.fill(chunk, c);
            for (int left = count; left > 0; left -= chunk.length) {
                w.write(chunk, 0, Math.min(left, chunk.length));
            }
        }
    }
}
