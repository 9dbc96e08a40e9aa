package dev.kubelint.core.config;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.rule.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The configuration of a run, as every front end (the command line, the Maven plugin) sets it up: the
 * configuration file that applies (named, found above the inputs, or none), the rule jars it and the user
 * name, the rule catalogue, and the file checked against that catalogue. Holds the rule jars open until closed.
 */
public final class Configuration implements AutoCloseable {

    private final ConfigFile file;
    private final RuleJars jars;
    private final ConfigApplier.Applied applied;

    private Configuration(ConfigFile file, RuleJars jars, ConfigApplier.Applied applied) {
        this.file = file;
        this.jars = jars;
        this.applied = applied;
    }

    /**
     * What a front end asks for.
     *
     * @param workingDirectory base of relative paths, and of the names messages show
     * @param inputs           the scanned paths, from which a configuration file is looked for upward
     * @param file             the file the user named, if any
     * @param discover         whether to look for {@value ConfigReader#FILE_NAME} when no file is named
     * @param extraJars        rule jars named outside the file (on the command line)
     * @param ruleLoader       the class loader whose rule providers are built in: kubelint's own, or a Maven
     *                         plugin's realm (which also holds the rule jars given as plugin dependencies)
     * @param selectors        the label selector parser, for {@code selector:} settings
     * @param trustDiscovered  whether a file found by discovery may load its rule jars (which run code); a file
     *                         the user named always may
     */
    public record Request(
            Path workingDirectory,
            List<String> inputs,
            Optional<Path> file,
            boolean discover,
            List<RuleJars.Jar> extraJars,
            ClassLoader ruleLoader,
            Function<String, Predicate<Map<String, String>>> selectors,
            boolean trustDiscovered) {

        public Request {
            inputs = List.copyOf(inputs);
            extraJars = List.copyOf(extraJars);
        }
    }

    /** Reads and checks everything; on any problem, nothing stays open. */
    public static Configuration load(Request request) throws ConfigException {
        ConfigFile file = file(request);
        ConfigReader reader = new ConfigReader(request.workingDirectory());
        if (request.file().isEmpty()
                && !request.trustDiscovered()
                && !file.rulesJars().isEmpty()) {
            Located<Path> jar = file.rulesJars().get(0);
            throw new ConfigException(ConfigProblem.at(
                    file.displayName(),
                    jar.at(),
                    "rules-jars: a configuration file"
                            + " found by discovery does not load rule jars, which run code: pass --trust-config if you trust"
                            + " this checkout, name the file with --config, or --no-config to ignore it"));
        }
        List<RuleJars.Jar> jarList = new ArrayList<>();
        for (Located<Path> jar : file.rulesJars()) {
            jarList.add(new RuleJars.Jar(
                    jar.value(),
                    reader.displayName(jar.value()),
                    file.displayName() + ":" + jar.at().line() + ":" + jar.at().column()));
        }
        jarList.addAll(request.extraJars());
        RuleJars jars = RuleJars.load(jarList, request.ruleLoader());
        try {
            RuleCatalog catalog;
            try {
                catalog = RuleCatalog.load(request.ruleLoader()).plus(jars.descriptors());
            } catch (RuleCatalog.RuleLoadingException e) {
                throw new ConfigException(ConfigProblem.of("", e.getMessage()));
            }
            return new Configuration(file, jars, new ConfigApplier(request.selectors()).apply(file, catalog));
        } catch (ConfigException | RuntimeException e) {
            jars.close();
            throw e;
        }
    }

    private static ConfigFile file(Request request) throws ConfigException {
        Path wd = request.workingDirectory();
        Optional<Path> path = request.file().isPresent()
                ? request.file().map(wd::resolve)
                : request.discover() ? new ConfigDiscovery(wd).find(request.inputs()) : Optional.empty();
        if (path.isEmpty()) {
            return ConfigFile.empty(wd, "");
        }
        return request.file().isPresent()
                ? new ConfigReader(wd).read(path.get())
                : new ConfigReader(wd).readDiscovered(path.get());
    }

    /** The file in use (empty settings when there is none). */
    public ConfigFile file() {
        return file;
    }

    /** Built-in rules, rule jars and custom rules. */
    public RuleCatalog catalog() {
        return applied.catalog();
    }

    /** The request with the catalogue and everything the file sets; command-line options go on top of it. */
    public LintRequest applyTo(LintRequest request) {
        return applied.applyTo(request);
    }

    @Override
    public void close() {
        jars.close();
    }
}
