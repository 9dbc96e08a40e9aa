package dev.kubelint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a benchmark folder: {@code --documents} manifests in {@code --files} files, copied from the project's
 * samples and corpus with names and labels varied from a fixed seed, so the same inputs always give the same
 * bytes and no two objects are alike.
 *
 * <p>The mix is that of a platform repository: mostly Pods, Deployments, Services and Namespaces, some other
 * built-in kinds, and about one document in twenty wrong: half of them samples from {@code samples/bad}, half
 * mutated copies of valid documents (an unknown field, an invalid name, a duplicate key, a label that is not a
 * string); one file in two hundred ends with a YAML syntax error. Files hold 1 to 2n-1 documents (n the mean) in folders of a hundred files.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.kubelint.bench.CorpusGenerator \
 *     --out target/bench-data/10k --documents 10000 --files 1000 [--seed 8] [--templates DIR]...
 * </pre>
 *
 * <p>Without {@code --templates}, the templates are the embedded ones plus {@code samples/good},
 * {@code samples/bad} and {@code cli/src/test/resources/corpus} under {@code --root} (default: the current
 * folder), where present. A folder whose {@code GENERATED.txt} already records the same parameters and
 * templates is left as it is.
 */
public final class CorpusGenerator {

    /** Share of each group in the generated documents, in per mille. */
    private static final Map<TemplateSet.Group, Integer> MIX = new EnumMap<>(Map.of(
            TemplateSet.Group.POD, 340, TemplateSet.Group.DEPLOYMENT, 240, TemplateSet.Group.SERVICE, 180,
            TemplateSet.Group.NAMESPACE, 80, TemplateSet.Group.OTHER, 135, TemplateSet.Group.INVALID, 25));

    /** Share of the other documents that get a mistake, in per mille. */
    private static final int MUTATED = 25;

    private static final int FILES_PER_FOLDER = 100;
    private static final int SYNTAX_ERROR_EVERY = 200;
    private static final String[] TEAMS = {"payments", "search", "identity", "storefront", "platform", "data",
        "mobile", "ads", "billing", "support"};
    private static final String[] TIERS = {"frontend", "backend", "cache", "worker", "batch"};

    private final TemplateSet templates;
    private final Random random;
    private final Map<String, Integer> kinds = new TreeMap<>();
    private final Map<String, Integer> mutations = new TreeMap<>();
    private int documentNumber;

    CorpusGenerator(TemplateSet templates, long seed) {
        this.templates = templates;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        TemplateSet templates = TemplateSet.of(o.templateFolders());
        String stamp = "documents=" + o.documents + " files=" + o.files + " seed=" + o.seed + " templates="
                + templates.fingerprint() + " generator=2";
        Path marker = o.out.resolve("GENERATED.txt");
        if (Files.isRegularFile(marker) && Files.readString(marker).startsWith(stamp + "\n")) {
            System.out.println(o.out + " is up to date (" + stamp + ")");
            return;
        }
        long started = System.nanoTime();
        clean(o.out);
        CorpusGenerator generator = new CorpusGenerator(templates, o.seed);
        long bytes = generator.write(o.out, o.documents, o.files);
        String summary = stamp + "\n\n" + generator.summary(templates, bytes) + "\n";
        Files.writeString(marker, summary, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s: %d documents in %d files, %.1f MiB (%.1f s)%n", o.out, o.documents, o.files,
                bytes / 1048576.0, (System.nanoTime() - started) / 1e9);
    }

    /** Writes the folder; returns the bytes written. */
    long write(Path out, int documents, int files) throws IOException {
        int[] sizes = fileSizes(documents, files);
        long bytes = 0;
        int digits = Math.max(2, String.valueOf((files - 1) / FILES_PER_FOLDER).length());
        for (int f = 0; f < files; f++) {
            String team = TEAMS[f / FILES_PER_FOLDER % TEAMS.length];
            Path folder = out.resolve(String.format(Locale.ROOT, "%0" + digits + "d-%s", f / FILES_PER_FOLDER, team));
            Files.createDirectories(folder);
            StringBuilder text = new StringBuilder(sizes[f] * 1200);
            for (int d = 0; d < sizes[f]; d++) {
                if (d > 0) {
                    text.append("---\n");
                }
                text.append(document(team));
            }
            if (f % SYNTAX_ERROR_EVERY == SYNTAX_ERROR_EVERY - 1) {
                // the last document breaks off in an unclosed quote: a syntax error the reader must survive
                text.append("  note: \"this string is never closed\n");
                mutations.merge("syntax error at the end of a file", 1, Integer::sum);
            }
            byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
            Files.write(folder.resolve(String.format(Locale.ROOT, "%s-%05d.yaml",
                    TIERS[f % TIERS.length], f)), content);
            bytes += content.length;
        }
        return bytes;
    }

    /** A YAML stream of generated documents, for the in-memory benchmarks. */
    String stream(int documents) {
        StringBuilder text = new StringBuilder(documents * 1200);
        for (int d = 0; d < documents; d++) {
            if (d > 0) {
                text.append("---\n");
            }
            text.append(document(TEAMS[d % TEAMS.length]));
        }
        return text.toString();
    }

    /** Documents per file: pairs of files deviate from the mean in opposite directions, so the total is exact. */
    private int[] fileSizes(int documents, int files) {
        if (files < 1 || documents < files) {
            throw new IllegalArgumentException("need at least one document per file");
        }
        int[] sizes = new int[files];
        int mean = documents / files;
        for (int f = 0; f + 1 < files; f += 2) {
            int deviation = mean > 1 ? random.nextInt(mean) : 0;
            sizes[f] = mean + deviation;
            sizes[f + 1] = mean - deviation;
        }
        if (files % 2 == 1) {
            sizes[files - 1] = mean;
        }
        for (int f = 0; f < documents % files; f++) {
            sizes[f]++;
        }
        return sizes;
    }

    private String document(String team) {
        documentNumber++;
        TemplateSet.Group group = pickGroup();
        if (templates.group(group).isEmpty()) {
            group = TemplateSet.Group.POD; // no sample of known-bad documents: mutated ones only
        }
        List<Template> pool = templates.group(group);
        Template t = pool.get(random.nextInt(pool.size()));
        kinds.merge(t.kind(), 1, Integer::sum);
        String suffix = Integer.toString(documentNumber, 36);
        String name = rename(t.name(), suffix);
        String labels = labelLines(t, team, suffix);
        if (group == TemplateSet.Group.INVALID) {
            mutations.merge("from samples/bad", 1, Integer::sum);
            return edit(t, name, labels, "");
        }
        if (random.nextInt(1000) < MUTATED) {
            return mutate(t, name, labels, suffix);
        }
        return edit(t, name, labels, "");
    }

    private TemplateSet.Group pickGroup() {
        int r = random.nextInt(1000);
        for (Map.Entry<TemplateSet.Group, Integer> e : MIX.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        return TemplateSet.Group.POD;
    }

    /** A name that stays a valid DNS label (63 characters at most, no trailing dash). */
    private static String rename(String original, String suffix) {
        String base = original.length() + suffix.length() + 1 > 63 ? original.substring(0, 62 - suffix.length()) : original;
        while (base.endsWith("-") || base.endsWith(".")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "-" + suffix;
    }

    private String labelLines(Template t, String team, String suffix) {
        if (t.labelsAt() < 0) {
            return "";
        }
        String pad = " ".repeat(t.labelsIndent());
        StringBuilder s = new StringBuilder();
        if (t.labelsHeader()) {
            s.append(" ".repeat(t.metadataIndent())).append("labels:\n");
        }
        s.append(pad).append("bench.kubelint.dev/team: ").append(team).append('\n');
        s.append(pad).append("bench.kubelint.dev/shard: \"").append(suffix).append("\"\n");
        s.append(pad).append("bench.kubelint.dev/tier: ").append(TIERS[random.nextInt(TIERS.length)]).append('\n');
        return s.toString();
    }

    /** Deterministic mistakes users make, each one a finding for kubelint. */
    private String mutate(Template t, String name, String labels, String suffix) {
        int which = random.nextInt(4);
        String pad = " ".repeat(t.metadataIndent());
        switch (which) {
            case 0 -> {
                mutations.merge("unknown metadata field", 1, Integer::sum);
                return edit(t, name, labels, pad + "lables:\n" + pad + "  app: typo-" + suffix + "\n");
            }
            case 1 -> {
                mutations.merge("invalid name", 1, Integer::sum);
                return edit(t, "Invalid_Name." + suffix.toUpperCase(Locale.ROOT), labels, "");
            }
            case 2 -> {
                mutations.merge("duplicate key", 1, Integer::sum);
                return edit(t, name, labels, pad + "name: " + name + "-again\n");
            }
            default -> {
                if (t.labelsAt() < 0) {
                    mutations.merge("invalid name", 1, Integer::sum);
                    return edit(t, "-" + name, labels, "");
                }
                mutations.merge("label value not a string", 1, Integer::sum);
                String pad2 = " ".repeat(t.labelsIndent());
                return edit(t, name, labels + pad2 + "bench.kubelint.dev/replicas: " + (random.nextInt(9) + 1) + "\n", "");
            }
        }
    }

    /** The template with a new name, the label lines inserted, and optional extra metadata lines. */
    private static String edit(Template t, String name, String labels, String extraMetadata) {
        String text = t.text();
        StringBuilder s = new StringBuilder(text.length() + labels.length() + extraMetadata.length() + 16);
        if (t.labelsAt() >= 0 && t.labelsAt() < t.nameStart()) {
            s.append(text, 0, t.labelsAt()).append(labels).append(text, t.labelsAt(), t.nameStart());
            s.append(name);
            int lineEnd = endOfLine(text, t.nameEnd());
            s.append(text, t.nameEnd(), lineEnd).append(extraMetadata).append(text, lineEnd, text.length());
            return s.toString();
        }
        s.append(text, 0, t.nameStart()).append(name);
        int lineEnd = endOfLine(text, t.nameEnd());
        s.append(text, t.nameEnd(), lineEnd).append(extraMetadata);
        if (t.labelsAt() >= 0) {
            int at = Math.max(t.labelsAt(), lineEnd);
            s.append(text, lineEnd, at).append(labels).append(text, at, text.length());
        } else {
            s.append(text, lineEnd, text.length());
        }
        return s.toString();
    }

    private static int endOfLine(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl + 1;
    }

    private String summary(TemplateSet templates, long bytes) {
        StringBuilder s = new StringBuilder();
        s.append("Generated by dev.kubelint.bench.CorpusGenerator; do not edit, do not commit.\n");
        s.append(String.format(Locale.ROOT, "bytes: %d (%.1f MiB)%n", bytes, bytes / 1048576.0));
        s.append("templates: ").append(templates.describe()).append('\n');
        for (String source : templates.sources()) {
            s.append("  ").append(source).append('\n');
        }
        s.append("kinds:");
        kinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> s.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        s.append("\nmistakes:");
        mutations.forEach((k, v) -> s.append(' ').append(k).append('=').append(v).append(';'));
        return s.toString();
    }

    private static void clean(Path out) throws IOException {
        if (!Files.exists(out)) {
            Files.createDirectories(out);
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(out)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            if (!p.equals(out)) {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot clean " + out, e);
                }
            }
        }
    }

    /** Command-line options. */
    private record Options(Path out, int documents, int files, long seed, List<Path> templateFolders) {
        static Options parse(String[] args) {
            Path out = null;
            Path root = Paths.get("");
            int documents = 10_000;
            int files = 1_000;
            long seed = 8;
            List<Path> folders = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null && !a.equals("--help")) {
                    throw usage("missing value after " + a);
                }
                switch (a) {
                    case "--out" -> out = Paths.get(value);
                    case "--root" -> root = Paths.get(value);
                    case "--documents" -> documents = Integer.parseInt(value);
                    case "--files" -> files = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--templates" -> folders.add(Paths.get(value));
                    default -> throw usage("unknown option " + a);
                }
                i++;
            }
            if (out == null) {
                throw usage("--out is required");
            }
            if (folders.isEmpty()) {
                for (String f : new String[] {"samples/good", "samples/bad", "cli/src/test/resources/corpus"}) {
                    if (Files.isDirectory(root.resolve(f))) {
                        folders.add(root.resolve(f));
                    }
                }
            }
            for (Path f : folders) {
                if (!Files.isDirectory(f)) {
                    throw usage("no such template folder: " + f);
                }
            }
            return new Options(out, documents, files, seed, folders);
        }

        private static IllegalArgumentException usage(String message) {
            return new IllegalArgumentException(message + "\nusage: CorpusGenerator --out DIR [--documents N] [--files N]"
                    + " [--seed N] [--root DIR] [--templates DIR]...");
        }
    }
}
