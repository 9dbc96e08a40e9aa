package dev.kubelint.testkit;

import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.LintResult;
import dev.kubelint.core.engine.Linter;
import dev.kubelint.core.engine.RuleSettings;
import dev.kubelint.core.finding.Finding;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.core.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs rule fixtures: {@code <root>/<rule-id>/*.yaml}, each linted with the rule enabled (whatever its default)
 * and compared with its inline markers, strictly both ways: every finding of a rule named in the file (the
 * folder's rule, or any rule a marker names) needs a marker on its start line, and every marker needs such a
 * finding whose message contains the marker's text. A {@code good*.yaml} must give no finding of its rule;
 * a {@code bad*.yaml} must expect at least one.
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicNode&gt; fixtures() {
 *     return RuleFixtures.in(Path.of("src/test/resources/fixtures")).tests();
 * }
 * </pre>
 */
public final class RuleFixtures {

    private final Path root;
    private final RuleCatalog catalog;

    private RuleFixtures(Path root, RuleCatalog catalog) {
        this.root = root;
        this.catalog = catalog;
    }

    /** Fixtures under {@code root}, with the rules visible to this class's class loader. */
    public static RuleFixtures in(Path root) {
        return new RuleFixtures(root, RuleCatalog.load(Thread.currentThread().getContextClassLoader()));
    }

    public RuleFixtures withCatalog(RuleCatalog value) {
        return new RuleFixtures(root, value);
    }

    /** The rule ids that have a fixture folder. */
    public Set<String> ruleIds() {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One container per rule folder, one test per fixture file. */
    public Stream<DynamicNode> tests() {
        List<DynamicNode> containers = new ArrayList<>();
        for (String ruleId : ruleIds()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (Path file : files(root.resolve(ruleId))) {
                tests.add(DynamicTest.dynamicTest(
                        file.getFileName().toString(), file.toUri(), () -> verify(Fixture.read(file, ruleId))));
            }
            containers.add(DynamicContainer.dynamicContainer(ruleId, tests.stream()));
        }
        return containers.stream();
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")
                            || p.getFileName().toString().endsWith(".yml")
                            || p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lints one fixture and checks its markers; throws {@link AssertionError} listing every mismatch. */
    public void verify(Fixture fixture) throws Exception {
        RuleDescriptor rule = catalog.find(fixture.ruleId())
                .orElseThrow(() -> new AssertionError("fixture folder " + fixture.ruleId() + " names no known rule"));
        List<Finding> findings = lint(fixture, rule);
        Set<String> checked = new TreeSet<>();
        checked.add(fixture.ruleId());
        fixture.expectations().forEach(e -> checked.add(e.ruleId()));
        List<String> problems = new ArrayList<>();
        if (fixture.isGood()
                && fixture.expectations().stream().anyMatch(e -> e.ruleId().equals(fixture.ruleId()))) {
            problems.add("a good fixture must not expect findings of " + fixture.ruleId());
        }
        if (!fixture.isGood()
                && fixture.expectations().stream().noneMatch(e -> e.ruleId().equals(fixture.ruleId()))) {
            problems.add("a bad fixture must expect at least one finding of " + fixture.ruleId());
        }
        List<Finding> relevant = new ArrayList<>(
                findings.stream().filter(f -> checked.contains(f.ruleId())).toList());
        for (Expectation e : fixture.expectations()) {
            Finding match = relevant.stream()
                    .filter(f -> f.ruleId().equals(e.ruleId())
                            && e.at(f.location().line(), f.location().column())
                            && f.message().contains(e.messagePart()))
                    .findFirst()
                    .orElse(null);
            if (match == null) {
                problems.add("missing finding at " + e + describeNear(findings, e.line()));
            } else {
                relevant.remove(match);
            }
        }
        for (Finding f : relevant) {
            problems.add("unexpected finding at line " + f.location().line() + ", column "
                    + f.location().column() + ": " + f.ruleId() + " \"" + f.message() + "\"");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(fixture.path() + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static String describeNear(List<Finding> findings, int line) {
        List<String> near = findings.stream()
                .filter(f -> Math.abs(f.location().line() - line) <= 1)
                .map(f -> f.ruleId() + "@" + f.location().line() + " \"" + f.message() + "\"")
                .toList();
        return near.isEmpty() ? "" : " (findings near it: " + String.join("; ", near) + ")";
    }

    private List<Finding> lint(Fixture fixture, RuleDescriptor rule) throws Linter.InputException {
        RuleCatalog runCatalog = catalog;
        Map<String, RuleSettings> ruleSettings = new HashMap<>();
        if (fixture.settings().containsKey("with-rule")) {
            RuleDescriptor extra =
                    RuleDescriptor.of(instantiate(fixture.settings().get("with-rule")), "fixture");
            runCatalog = catalog.plus(List.of(extra));
            ruleSettings.put(extra.id(), RuleSettings.DEFAULT.withEnabled(true));
        }
        LintSettings settings = LintSettings.DEFAULTS;
        if (fixture.settings().containsKey("kubernetes-version")) {
            settings = settings.withKubernetesVersion(fixture.settings().get("kubernetes-version"));
        }
        if (fixture.settings().containsKey("strict")) {
            settings =
                    settings.withStrict(Boolean.parseBoolean(fixture.settings().get("strict")));
        }
        Map<String, Object> params = new HashMap<>();
        fixture.params().forEach((name, text) -> params.put(name, paramValue(rule, name, text)));
        ruleSettings.put(rule.id(), RuleSettings.DEFAULT.withEnabled(true).withParams(params));
        Path file = fixture.path().toAbsolutePath();
        LintRequest request = LintRequest.of(List.of(file.toString()), file.getParent(), runCatalog)
                .withSettings(settings)
                .withJobs(1)
                .withRuleSettings(ruleSettings);
        LintResult result = new Linter().lint(request);
        return result.findings();
    }

    /** A rule named by a fixture's {@code with-rule} setting, from the test class path. */
    private static Rule instantiate(String className) {
        try {
            Class<?> type =
                    Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            return (Rule) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new AssertionError(
                    "with-rule " + className + " is not a rule class with a public no-argument" + " constructor: " + e,
                    e);
        }
    }

    /** Reads a parameter value written as YAML ({@code 3}, {@code true}, {@code ["a", "b"]}, {@code text}). */
    private static Object paramValue(RuleDescriptor rule, String name, String text) {
        RuleParam<?> param = rule.param(name)
                .orElseThrow(() -> new AssertionError("rule " + rule.id() + " has no parameter " + name));
        YamlNode node = new YamlReader(ReadLimits.DEFAULTS)
                .read("param", text)
                .documents()
                .get(0)
                .root()
                .orElseThrow(() -> new AssertionError("empty value for parameter " + name));
        Object value = plain(node);
        param.convert(value);
        return value;
    }

    private static Object plain(YamlNode node) {
        if (node instanceof ScalarNode s) {
            return s.value();
        }
        if (node instanceof SequenceNode seq) {
            return seq.items().stream().map(RuleFixtures::plain).toList();
        }
        throw new AssertionError("parameter values are scalars or lists");
    }
}
