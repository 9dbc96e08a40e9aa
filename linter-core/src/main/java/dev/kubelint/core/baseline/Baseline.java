package dev.kubelint.core.baseline;

import dev.kubelint.core.custom.JsonTrees;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.finding.ObjectRef;
import dev.kubelint.core.source.SourceFile;
import dev.kubelint.core.yaml.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * A file of accepted findings: a team adopting kubelint on an existing repository records today's findings, and
 * only new ones count from then on. An entry matches a finding by file, rule, object and JSON pointer, never by
 * line, so findings keep their match when lines above them move. Files are stored relative to the baseline's own
 * folder, so the same baseline works from the command line in any folder and from the Maven plugin.
 *
 * <p>The file is JSON, sorted and one entry per line, so that an update reviews well in a diff:
 * <pre>
 * {
 *   "version": 1,
 *   "findings": [
 *     {"file": "k8s/web.yaml", "ruleId": "image-tag", "kind": "Deployment", "namespace": "", "name": "web", "apiVersion": "apps/v1", "jsonPointer": "/spec/template/spec/containers/0/image"}
 *   ]
 * }
 * </pre>
 *
 * @param file    the baseline file
 * @param entries its entries, sorted; an entry may appear more than once (two findings at the same place)
 */
public record Baseline(Path file, List<Entry> entries) {

    /** The version of the file format this code reads and writes. */
    public static final int VERSION = 1;

    /** Files larger than this are not baselines (a report or a manifest given by mistake). */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    /** One accepted finding. */
    public record Entry(
            String file,
            String ruleId,
            String kind,
            String namespace,
            String name,
            String apiVersion,
            String jsonPointer) {

        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::file)
                .thenComparing(Entry::ruleId)
                .thenComparing(Entry::kind)
                .thenComparing(Entry::namespace)
                .thenComparing(Entry::name)
                .thenComparing(Entry::apiVersion)
                .thenComparing(Entry::jsonPointer);

        /**
         * "k8s/web.yaml: image-tag Deployment web at /spec/..." for messages, on one line: control characters
         * (which a baseline file could hold) are replaced, so the text cannot drive a terminal or a CI log.
         */
        public String describe() {
            ObjectRef object = new ObjectRef(apiVersion, kind, namespace, name);
            String what = kind.isEmpty() && name.isEmpty() ? "" : " " + object.describe();
            String text = (file.isEmpty() ? "" : file + ": ")
                    + ruleId
                    + what
                    + (jsonPointer.isEmpty() ? "" : " at " + jsonPointer);
            StringBuilder shown = new StringBuilder(text.length());
            text.codePoints()
                    .forEach(c -> shown.appendCodePoint(
                            Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT
                                    ? 0xFFFD
                                    : c));
            return shown.toString();
        }

        String toJson() {
            return "{\"file\": " + JsonText.quote(file) + ", \"ruleId\": " + JsonText.quote(ruleId) + ", \"kind\": "
                    + JsonText.quote(kind) + ", \"namespace\": " + JsonText.quote(namespace) + ", \"name\": "
                    + JsonText.quote(name) + ", \"apiVersion\": " + JsonText.quote(apiVersion) + ", \"jsonPointer\": "
                    + JsonText.quote(jsonPointer) + "}";
        }
    }

    /** A baseline file that cannot be read; the message starts with the file (and line and column, if known). */
    public static final class BaselineException extends Exception {
        private static final long serialVersionUID = 1L;

        public BaselineException(String message) {
            super(message);
        }
    }

    public Baseline {
        entries = entries.stream().sorted(Entry.ORDER).toList();
    }

    /**
     * Reads a baseline file.
     *
     * @param shown the file as messages name it
     */
    public static Baseline read(Path file, String shown) throws BaselineException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BaselineException(shown + ": the baseline file is larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BaselineException(shown + ": cannot read the baseline file: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JsonTrees.parse(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new BaselineException(shown + where + ": the baseline file is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray()) {
            throw new BaselineException(shown + ": not a kubelint baseline: expected an object with a \"findings\" "
                    + "list; write one with --update-baseline");
        }
        JsonNode version = root.path("version");
        if (!version.isMissingNode() && (!version.isIntegralNumber() || version.asInt() != VERSION)) {
            throw new BaselineException(shown + ": baseline version " + version + " is not " + VERSION
                    + "; write it again with --update-baseline");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root.path("findings")) {
            if (!item.isObject()
                    || !item.path("ruleId").isString()
                    || item.path("ruleId").asString().isEmpty()) {
                throw new BaselineException(
                        shown + ": findings[" + index + "]: expected an object with at least a " + "\"ruleId\"");
            }
            entries.add(new Entry(
                    text(item, "file"),
                    text(item, "ruleId"),
                    text(item, "kind"),
                    text(item, "namespace"),
                    text(item, "name"),
                    text(item, "apiVersion"),
                    text(item, "jsonPointer")));
            index++;
        }
        return new Baseline(file, entries);
    }

    private static String text(JsonNode item, String key) {
        JsonNode value = item.path(key);
        return value.isString() ? value.asString() : "";
    }

    /** A baseline of these findings, for the file {@code file}, with finding paths relative to {@code workingDirectory}. */
    public static Baseline of(Path file, Collection<Finding> findings, Path workingDirectory) {
        Keys keys = new Keys(file, workingDirectory);
        return new Baseline(file, findings.stream().map(keys::entry).toList());
    }

    /**
     * The baseline after a run: the run's active findings, plus the entries of files the run did not scan (a run
     * over part of a repository must not drop what the rest of it has accepted).
     */
    public static Baseline updated(Path file, Optional<Baseline> previous, LintResult result, Path workingDirectory) {
        Keys keys = new Keys(file, workingDirectory);
        Set<String> scanned = keys.scannedFiles(result);
        List<Entry> entries =
                new ArrayList<>(result.findings().stream().map(keys::entry).toList());
        previous.ifPresent(p -> p.entries().stream()
                .filter(e -> !e.file().isEmpty() && !scanned.contains(e.file()))
                .forEach(entries::add));
        return new Baseline(file, entries);
    }

    /** Writes the file (its folder created when missing): sorted, one entry per line, with a final newline. */
    public void write() throws IOException {
        StringBuilder text =
                new StringBuilder("{\n  \"version\": ").append(VERSION).append(",\n  \"findings\": [");
        for (int i = 0; i < entries.size(); i++) {
            text.append(i == 0 ? "\n" : ",\n")
                    .append("    ")
                    .append(entries.get(i).toJson());
        }
        text.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * The result with the findings this baseline accepts moved from the active findings to
     * {@link LintResult#baseline()}, together with the entries of scanned files that no finding matched (entries
     * of files the run did not scan are not stale, only out of sight). Each entry accepts one finding.
     */
    public LintResult apply(LintResult result, Path workingDirectory) {
        Keys keys = new Keys(file, workingDirectory);
        Set<String> scanned = keys.scannedFiles(result);
        Map<Entry, Integer> remaining = new HashMap<>();
        entries.forEach(e -> remaining.merge(e, 1, Integer::sum));
        List<Finding> active = new ArrayList<>();
        List<Finding> matched = new ArrayList<>();
        for (Finding f : result.findings()) {
            Entry key = keys.entry(f);
            Integer left = remaining.get(key);
            if (left != null && left > 0) {
                remaining.put(key, left - 1);
                matched.add(f);
            } else {
                active.add(f);
            }
        }
        List<Entry> stale = new ArrayList<>();
        for (Entry e : entries) {
            int left = remaining.getOrDefault(e, 0);
            if (left > 0 && (e.file().isEmpty() || scanned.contains(e.file()))) {
                stale.add(e);
                remaining.put(e, left - 1);
            }
        }
        return result.withBaseline(active, new LintResult.BaselineOutcome(true, matched, stale));
    }

    /** Turns findings into entries: their files relative to the baseline's folder. */
    private static final class Keys {
        private final Path folder;
        private final Path workingDirectory;

        Keys(Path baselineFile, Path workingDirectory) {
            this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
            Path parent =
                    this.workingDirectory.resolve(baselineFile).normalize().getParent();
            this.folder = parent == null ? this.workingDirectory : parent;
        }

        /** The files of a run, as entries name them. */
        Set<String> scannedFiles(LintResult result) {
            Set<String> files = new HashSet<>();
            result.files().forEach(f -> files.add(file(f.file())));
            return files;
        }

        Entry entry(Finding f) {
            ObjectRef o = f.location().object();
            return new Entry(
                    file(f.location().file()),
                    f.ruleId(),
                    o.kind(),
                    o.namespace(),
                    o.name(),
                    o.apiVersion(),
                    f.location().jsonPointer());
        }

        private String file(String shown) {
            if (shown.isEmpty() || shown.equals(SourceFile.STDIN)) {
                return shown;
            }
            try {
                Path absolute = workingDirectory.resolve(shown).normalize();
                return folder.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
            } catch (IllegalArgumentException e) {
                return shown;
            }
        }
    }
}
