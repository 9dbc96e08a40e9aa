package dev.kubelint.core.config;

import dev.kubelint.core.custom.CustomRuleSpec;
import dev.kubelint.core.custom.ExpressionEngine;
import dev.kubelint.core.custom.JsonSchemas;
import dev.kubelint.core.custom.SchemaProblem;
import dev.kubelint.core.custom.YamlJson;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.source.SourceScanner;
import dev.kubelint.core.yaml.JsonPointers;
import dev.kubelint.core.yaml.JsonText;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ReadProblem;
import dev.kubelint.core.yaml.ReadResult;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlDocument;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code .kubelint.yaml}: kubelint's own YAML reader (so every error has a line and column), then the
 * configuration's JSON Schema, then the checks that need no rule catalogue (Kubernetes versions, globs, paths,
 * custom rule schemas). Every problem found is reported at once.
 */
public final class ConfigReader {

    /** The name kubelint looks for. */
    public static final String FILE_NAME = ".kubelint.yaml";

    /** Configuration files are small; a huge one is a mistake (a manifest bundle given to --config). */
    private static final long MAX_BYTES = 1024 * 1024;

    private final Path workingDirectory;

    public ConfigReader(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** Reads and checks a configuration file the user named: its paths may lead anywhere. */
    public ConfigFile read(Path file) throws ConfigException {
        return read(file, false);
    }

    /**
     * Reads and checks a configuration file found by discovery, which may come with the files it governs from
     * anyone: every path it names must stay in its folder and below (symbolic links resolved), so that a scanned
     * checkout cannot make kubelint read, and print in code frames, a file elsewhere on the machine.
     */
    public ConfigFile readDiscovered(Path file) throws ConfigException {
        return read(file, true);
    }

    private ConfigFile read(Path file, boolean confined) throws ConfigException {
        Path absolute = workingDirectory.resolve(file).normalize();
        String shown = displayName(absolute);
        if (!Files.isRegularFile(absolute)) {
            throw new ConfigException(ConfigProblem.of(
                    shown,
                    Files.isDirectory(absolute) ? "the configuration file is a folder" : "no such configuration file"));
        }
        try {
            if (Files.size(absolute) > MAX_BYTES) {
                throw new ConfigException(ConfigProblem.of(
                        shown,
                        "the configuration file is larger than " + MAX_BYTES
                                + " bytes; is it really a .kubelint.yaml?"));
            }
            return new Pass(absolute, shown, confined).read(decode(Files.readAllBytes(absolute), shown));
        } catch (IOException e) {
            throw new ConfigException(ConfigProblem.of(shown, "cannot read the configuration file: " + e.getMessage()));
        }
    }

    /** Checks configuration text as if it were the file {@code file}. */
    public ConfigFile read(Path file, String text) throws ConfigException {
        Path absolute = workingDirectory.resolve(file).normalize();
        return new Pass(absolute, displayName(absolute), false).read(text);
    }

    /** A path as messages show it: relative to the working directory when inside it. */
    public String displayName(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String shown = absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
                ? workingDirectory.relativize(absolute).toString()
                : absolute.toString();
        return shown.replace(java.io.File.separatorChar, '/');
    }

    private static String decode(byte[] bytes, String shown) throws ConfigException {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\ufeff") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ConfigException(ConfigProblem.of(shown, "the configuration file is not UTF-8 text"));
        }
    }

    /** One reading of one file, collecting problems. */
    private final class Pass {
        private final Path file;
        private final Path folder;
        private final String shown;
        private final boolean confined;
        private final List<ConfigProblem> problems = new ArrayList<>();

        Pass(Path file, String shown, boolean confined) {
            this.file = file;
            this.folder = file.getParent() == null ? file : file.getParent();
            this.shown = shown;
            this.confined = confined;
        }

        ConfigFile read(String text) throws ConfigException {
            Optional<YamlNode> root = document(text);
            if (root.isEmpty() || root.get() instanceof ScalarNode s && s.isNull()) {
                return ConfigFile.empty(file, shown);
            }
            for (SchemaProblem p : ConfigSchema.validate(root.get(), YamlJson.toJson(root.get(), false))) {
                problem(p.span().start(), message(p));
            }
            throwIfAny();
            ConfigFile config = build((MappingNode) root.get());
            throwIfAny();
            return config;
        }

        private Optional<YamlNode> document(String text) throws ConfigException {
            ReadResult read = new YamlReader(ReadLimits.DEFAULTS).read(shown, text);
            for (ReadProblem p : read.problems()) {
                problem(p.span().start(), p.message());
            }
            throwIfAny();
            List<YamlDocument> documents =
                    read.documents().stream().filter(d -> d.root().isPresent()).toList();
            if (documents.size() > 1) {
                problem(
                        documents.get(1).span().start(),
                        "the configuration file must hold one YAML document, not " + documents.size());
                throwIfAny();
            }
            return documents.isEmpty() ? Optional.empty() : documents.get(0).root();
        }

        private ConfigFile build(MappingNode root) {
            Optional<Located<String>> kubernetesVersion = kubernetesVersion(root);
            // the custom rules' CEL expressions are compiled for the file's release, or the newest
            String release = kubernetesVersion
                    .map(Located::value)
                    .filter(v -> LintSettings.bundledRelease(v).isPresent())
                    .orElse(LintSettings.NEWEST_KUBERNETES_VERSION);
            return new ConfigFile(
                    file,
                    shown,
                    kubernetesVersion,
                    bool(root, "strict"),
                    globs(root, "include"),
                    globs(root, "exclude"),
                    existingPaths(root, "schema-locations"),
                    bool(root, "crds-from-scan"),
                    paths(root, "rules-jars"),
                    limits(root),
                    rules(root),
                    customRules(root, release),
                    baseline(root),
                    helmValues(root),
                    helmSet(root),
                    ReportEntries.read(
                            root, folder, f -> confine("reports", f), this::problem, ConfigReader.this::displayName),
                    policies(root));
        }

        /** {@code policies:} files or folders of admission policies, confined like every path of the file. */
        private List<Located<Path>> policies(MappingNode root) {
            return existingPaths(root, "policies");
        }

        /**
         * The paths under the key (as {@link #paths} reads them), each a problem when it is neither a folder nor a
         * file, unless it already has one.
         */
        private List<Located<Path>> existingPaths(MappingNode root, String key) {
            List<Located<Path>> paths = paths(root, key);
            for (Located<Path> p : paths) {
                if (!Files.exists(p.value()) && problems.stream().noneMatch(q -> q.at().equals(Optional.of(p.at())))) {
                    problem(p.at(), key + ": no such folder or file: " + displayName(p.value()));
                }
            }
            return paths;
        }

        private List<Located<Path>> helmValues(MappingNode root) {
            Optional<MappingNode> helm = root.mapping("helm");
            if (helm.isEmpty()) {
                return List.of();
            }
            List<Located<Path>> paths = paths(helm.get(), "values");
            for (Located<Path> p : paths) {
                if (!Files.isRegularFile(p.value())) {
                    problem(p.at(), "helm.values: no such file: " + displayName(p.value()));
                }
            }
            return paths;
        }

        private Map<String, String> helmSet(MappingNode root) {
            Map<String, String> set = new java.util.LinkedHashMap<>();
            root.mapping("helm")
                    .flatMap(h -> h.mapping("set"))
                    .ifPresent(m -> m.entries()
                            .forEach(e -> e.value()
                                    .asScalar()
                                    .ifPresent(s -> set.put(e.key(), s.isString() ? s.asText() : s.text()))));
            return set;
        }

        private Optional<Located<String>> kubernetesVersion(MappingNode root) {
            Optional<ScalarNode> scalar = root.scalar("kubernetes-version");
            if (scalar.isEmpty()) {
                return Optional.empty();
            }
            // 1.30 written without quotes is the number 1.3 to YAML: take the version as written
            String version = scalar.get().isString()
                    ? scalar.get().asText()
                    : scalar.get().text();
            Optional<String> release = LintSettings.bundledRelease(version);
            if (release.isEmpty()) {
                problem(
                        scalar.get().span().start(),
                        "kubernetes-version: " + LintSettings.unknownVersionMessage(version));
            }
            return Optional.of(
                    new Located<>(release.orElse(version), scalar.get().span().start()));
        }

        private Optional<Boolean> bool(MappingNode m, String key) {
            return m.scalar(key).flatMap(ScalarNode::booleanValue);
        }

        private List<Located<String>> strings(MappingNode m, String key) {
            List<Located<String>> result = new ArrayList<>();
            m.sequence(key)
                    .ifPresent(seq -> seq.items()
                            .forEach(item -> item.asScalar()
                                    .ifPresent(s -> result.add(
                                            new Located<>(s.asText(), s.span().start())))));
            return result;
        }

        private List<Located<String>> globs(MappingNode root, String key) {
            List<Located<String>> globs = strings(root, key);
            for (Located<String> glob : globs) {
                SourceScanner.checkGlob(glob.value()).ifPresent(problem -> problem(glob.at(), key + ": " + problem));
            }
            return globs;
        }

        private List<Located<Path>> paths(MappingNode root, String key) {
            List<Located<Path>> paths = strings(root, key).stream()
                    .map(s -> new Located<>(folder.resolve(s.value()).normalize(), s.at()))
                    .toList();
            paths.forEach(p -> confine(key, p));
            return paths;
        }

        /**
         * In a discovered file, a path must stay in the file's folder and below: symbolic links are resolved up to
         * the path's nearest folder that exists, so that a file still to be written (a report) cannot leave the
         * folder through a link either.
         */
        private void confine(String key, Located<Path> p) {
            if (confined && !SourceScanner.realPathOfNew(p.value()).startsWith(SourceScanner.realPath(folder))) {
                problem(
                        p.at(),
                        key + ": " + displayName(p.value()) + " is outside " + displayName(folder)
                                + ": a configuration file found by discovery may name only files in its own folder"
                                + " and below; name the file with --config to use it as it is");
            }
        }

        private Optional<Located<Path>> baseline(MappingNode root) {
            return root.scalar("baseline")
                    .filter(s -> !s.isNull())
                    .map(s -> new Located<>(
                            folder.resolve(s.asText()).normalize(), s.span().start()));
        }

        private Map<ReadLimits.Limit, Long> limits(MappingNode root) {
            Map<ReadLimits.Limit, Long> limits = new EnumMap<>(ReadLimits.Limit.class);
            root.mapping("limits").ifPresent(m -> {
                for (ReadLimits.Limit limit : ReadLimits.Limit.values()) {
                    m.scalar(limit.key()).flatMap(ScalarNode::longValue).ifPresent(v -> limits.put(limit, v));
                }
            });
            return limits;
        }

        private List<ConfigFile.RuleEntry> rules(MappingNode root) {
            List<ConfigFile.RuleEntry> entries = new ArrayList<>();
            Optional<MappingNode> rules = root.mapping("rules");
            if (rules.isEmpty()) {
                return entries;
            }
            for (MappingNode.Entry e : rules.get().entries()) {
                entries.add(rule(new Located<>(e.key(), e.keySpan().start()), e.value()));
            }
            return entries;
        }

        private ConfigFile.RuleEntry rule(Located<String> id, YamlNode value) {
            if (value instanceof ScalarNode s && s.booleanValue().isPresent()) {
                return new ConfigFile.RuleEntry(id, s.booleanValue(), Optional.empty(), List.of(), Optional.empty());
            }
            if (value instanceof ScalarNode s && s.isString()) {
                // a severity alone turns the rule on at that severity
                return new ConfigFile.RuleEntry(
                        id, Optional.of(true), Severity.parse(s.asText()), List.of(), Optional.empty());
            }
            if (!(value instanceof MappingNode m)) {
                return new ConfigFile.RuleEntry(id, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
            }
            List<ConfigFile.ParamEntry> params = new ArrayList<>();
            m.mapping("params")
                    .ifPresent(p -> p.entries()
                            .forEach(e -> params.add(new ConfigFile.ParamEntry(
                                    e.key(), e.keySpan().start(), plain(e.value()), e.value()))));
            Optional<Located<String>> selector = m.scalar("selector")
                    .map(s -> new Located<>(s.asText(), s.span().start()));
            return new ConfigFile.RuleEntry(
                    id, bool(m, "enabled"), m.string("severity").flatMap(Severity::parse), params, selector);
        }

        private List<ConfigFile.CustomRuleEntry> customRules(MappingNode root, String release) {
            List<ConfigFile.CustomRuleEntry> result = new ArrayList<>();
            Optional<SequenceNode> rules = root.sequence("custom-rules");
            if (rules.isEmpty()) {
                return result;
            }
            JsonSchemas schemas = new JsonSchemas();
            Map<String, Position> seen = new HashMap<>();
            for (MappingNode m : rules.get().mappings()) {
                String id = m.string("id").orElse("");
                Position idAt = m.scalar("id")
                        .map(s -> s.span().start())
                        .orElse(m.span().start());
                Position first = seen.putIfAbsent(id, idAt);
                if (first != null) {
                    problem(
                            idAt,
                            "custom-rules: the id " + JsonText.quote(id) + " is declared twice (first at line "
                                    + first.line() + ")");
                }
                Optional<ExpressionEngine.ExpressionCheck> expression = Optional.empty();
                JsonSchemas.Compiled compiled = null;
                if (m.has("expression")) {
                    expression = CustomExpressionReader.read(release, m, this::problem);
                    if (expression.isEmpty()) {
                        continue;
                    }
                } else {
                    compiled = schemas.compile(m.get("schema").orElseThrow());
                    for (SchemaProblem p : compiled.problems()) {
                        problem(p.span().start(), JsonPointers.toPath(p.pointer()) + ": " + p.detail());
                    }
                    if (compiled.schema().isEmpty()) {
                        continue;
                    }
                }
                String message = m.string("message").orElse("");
                CustomRuleSpec spec = new CustomRuleSpec(
                        id,
                        m.string("severity").flatMap(Severity::parse).orElse(Severity.ERROR),
                        message,
                        m.string("summary").orElse(message),
                        m.string("remediation")
                                .orElse("Change the object so that it satisfies the rule: " + message + "."),
                        strings(m, "kinds").stream().map(Located::value).toList(),
                        m.string("selector"),
                        m.string("pointer").orElse(""),
                        bool(m, "pod-template").orElse(false),
                        "custom rule in " + shown);
                Optional<Located<String>> selector = m.scalar("selector")
                        .map(s -> new Located<>(s.asText(), s.span().start()));
                result.add(new ConfigFile.CustomRuleEntry(
                        spec,
                        idAt,
                        selector,
                        compiled == null ? null : compiled.schema().get(),
                        compiled == null ? null : compiled.json(),
                        expression));
            }
            return result;
        }

        private String message(SchemaProblem p) {
            if (p.key().isPresent() && !p.missing()) {
                String where = JsonPointers.toPath(p.node().pointer());
                return p.detail() + (where.isEmpty() ? " at the top level" : " in " + where);
            }
            String where = JsonPointers.toPath(p.node().pointer());
            return (where.isEmpty() ? "" : where + ": ") + p.detail();
        }

        private void problem(Position at, String message) {
            problems.add(ConfigProblem.at(shown, at, message));
        }

        private void throwIfAny() throws ConfigException {
            if (!problems.isEmpty()) {
                problems.sort((a, b) -> a.at().orElse(Position.START).compareTo(b.at().orElse(Position.START)));
                throw new ConfigException(problems);
            }
        }
    }

    /** A parameter value as plain Java: Long, Double, BigInteger, Boolean, String, null, or a List of those. */
    static Object plain(YamlNode node) {
        if (node instanceof SequenceNode s) {
            return s.items().stream().map(ConfigReader::plain).toList();
        }
        if (node instanceof ScalarNode s) {
            return s.value();
        }
        return null;
    }
}
