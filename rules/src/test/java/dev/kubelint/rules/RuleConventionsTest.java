package dev.kubelint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.rule.input.CoreRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Keeps every rule alike, the core rules included: ids, class names, metadata, fixtures and docs. A new rule that
 * misses one of them fails here with a message that says what to add.
 */
class RuleConventionsTest {

    /** The categories of the catalogue; a new one is added here on purpose, not by a typo. */
    static final Set<String> CATEGORIES = Set.of(
            "input",
            "engine",
            "schema",
            "metadata",
            "names",
            "namespaces",
            "labels",
            "annotations",
            "selectors",
            "scheduling",
            "ports",
            "probes",
            "lifecycle",
            "containers",
            "volumes",
            "images",
            "resources",
            "security",
            "networking",
            "services",
            "workloads",
            "suppression",
            "admission");

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    /**
     * Rules that only a folder walk can trigger (a link out of the folder, a named pipe, a Helm chart or Kustomize
     * folder that does not render): a fixture is one file named explicitly, so they have a good fixture here and
     * their firing is tested by the CLI's bad-input tests and the render module's tests.
     */
    static final Set<String> FOLDER_WALK_ONLY = Set.of("skipped-file", "render-failed");

    static final Path DOCS = Path.of("../docs/rules");
    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern PARAM = Pattern.compile("[a-z][a-zA-Z0-9]*(-[a-z0-9]+)*");

    private final List<RuleDescriptor> rules =
            RuleCatalog.load(getClass().getClassLoader()).all();

    @Test
    void theCatalogueHoldsTheCoreAndTheBuiltInRules() {
        Set<String> origins = rules.stream().map(RuleDescriptor::origin).collect(Collectors.toSet());
        assertTrue(origins.containsAll(Set.of("kubelint core", "kubelint built-in rules")), origins.toString());
        assertTrue(rules.size() > 30, "only " + rules.size() + " rules");
    }

    @TestFactory
    Stream<DynamicTest> idsAreUniqueKebabCase() {
        List<String> ids = rules.stream().map(RuleDescriptor::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate rule ids: " + ids);
        return each(r -> assertTrue(KEBAB.matcher(r.id()).matches(), r.id() + " is not kebab-case (a-z, 0-9, '-')"));
    }

    @TestFactory
    Stream<DynamicTest> classNameIsTheIdInUpperCamelCasePlusRule() {
        return each(r -> {
            if (r.origin().equals(CoreRule.ORIGIN)) {
                // core rules are the constants of one enum: the constant's name is the id in upper snake case
                assertEquals(
                        r.id().toUpperCase(Locale.ROOT).replace('-', '_'),
                        CoreRule.byId(r.id()).orElseThrow().name());
                return;
            }
            String simpleName = r.rule().getClass().getSimpleName();
            assertEquals(
                    className(r.id()),
                    simpleName,
                    "rule " + r.id() + " must live in a class named " + className(r.id()));
            // the reverse, as the repository's hook derives the fixture folder from the class name
            assertEquals(r.id(), idOf(simpleName), "class " + simpleName + " maps back to another id");
        });
    }

    @TestFactory
    Stream<DynamicTest> summaryIsOneSentenceWithoutFinalPeriod() {
        return each(r -> {
            String s = r.summary();
            assertTrue(
                    !s.isBlank() && Character.isLetter(s.charAt(0)), r.id() + ": summary must start with a word: " + s);
            assertTrue(
                    !s.endsWith(".") && !s.contains(". ") && !s.contains("\n"),
                    r.id() + ": summary must be one" + " sentence without final period: " + s);
            assertTrue(s.length() <= 110, r.id() + ": summary is longer than 110 characters: " + s);
        });
    }

    @TestFactory
    Stream<DynamicTest> rationaleAndRemediationAreSentences() {
        return each(r -> {
            assertSentences(r.id() + ": rationale", r.rationale());
            assertSentences(r.id() + ": remediation", r.remediation());
        });
    }

    /** One home for the prose: the YAML resource beside the class, never the annotation. */
    @TestFactory
    Stream<DynamicTest> textsLiveInTheResourceBesideTheClass() {
        return each(r -> {
            Class<?> type = r.rule().getClass();
            RuleInfo info = type.getAnnotation(RuleInfo.class);
            if (info == null) {
                return; // a core rule, described by its enum
            }
            assertEquals("", info.rationale() + info.remediation(), r.id() + ": texts belong in the resource");
            assertTrue(
                    type.getResource(type.getSimpleName() + ".yaml") != null,
                    r.id() + ": no " + type.getSimpleName() + ".yaml beside the class");
        });
    }

    @TestFactory
    Stream<DynamicTest> categoryIsKnownAndKindsAreKinds() {
        return each(r -> {
            assertTrue(
                    CATEGORIES.contains(r.category()),
                    r.id() + ": unknown category " + r.category() + " (known: " + new TreeSet<>(CATEGORIES) + ")");
            r.kinds().forEach(k -> assertTrue(KIND.matcher(k).matches(), r.id() + ": " + k + " is not a kind"));
        });
    }

    @TestFactory
    Stream<DynamicTest> parametersAreDocumented() {
        return each(r -> {
            for (RuleParam<?> p : r.params()) {
                assertTrue(PARAM.matcher(p.name()).matches(), r.id() + ": parameter name " + p.name());
                assertSentences(r.id() + ": description of parameter " + p.name(), p.description());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasABadAndAGoodFixture() {
        return each(r -> {
            for (String file :
                    FOLDER_WALK_ONLY.contains(r.id()) ? List.of("good.yaml") : List.of("bad.yaml", "good.yaml")) {
                assertTrue(
                        Files.isRegularFile(FIXTURES.resolve(r.id()).resolve(file)),
                        r.id() + " has no fixture "
                                + FIXTURES.resolve(r.id()).resolve(file) + ": add one that shows the rule "
                                + (file.startsWith("bad") ? "firing" : "staying silent"));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasItsGeneratedPage() {
        return each(r -> assertTrue(
                Files.isRegularFile(DOCS.resolve(r.id() + ".md")),
                r.id() + " has no page in" + " docs/rules: regenerate the docs with "
                        + dev.kubelint.core.rule.RuleDocs.REGENERATE));
    }

    @Test
    void everyFixtureFolderNamesARule() throws IOException {
        Set<String> ids = rules.stream().map(RuleDescriptor::id).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            List<String> orphans = dirs.map(d -> d.getFileName().toString())
                    .filter(d -> !ids.contains(d))
                    .toList();
            assertEquals(List.of(), orphans, "fixture folders without a rule");
        }
    }

    @Test
    void everyRuleClassIsRegistered() throws IOException {
        Set<String> registered =
                rules.stream().map(r -> r.rule().getClass().getName()).collect(Collectors.toSet());
        Path sources = Path.of("src/main/java");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Rule.java"))
                    .toList()) {
                String source = Files.readString(file);
                if (source.contains("@RuleInfo(")) {
                    String name = sources.relativize(file)
                            .toString()
                            .replace('/', '.')
                            .replaceAll("\\.java$", "");
                    if (!registered.contains(name)) {
                        missing.add(name);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "rule classes missing from BuiltinRules");
    }

    private Stream<DynamicTest> each(ThrowingConsumer<RuleDescriptor> check) {
        return rules.stream().map(r -> DynamicTest.dynamicTest(r.id(), () -> check.accept(r)));
    }

    /**
     * Non-empty prose that starts with a letter or a code span and ends with a period. (A lowercase start is fine:
     * sentences may begin with kubectl or a field name such as httpGet.)
     */
    private static void assertSentences(String what, String text) {
        String t = text.strip();
        assertTrue(!t.isEmpty(), what + " is empty");
        assertTrue(Character.isLetter(t.charAt(0)) || t.charAt(0) == '`', what + " must start with a word: " + t);
        assertTrue(t.endsWith(".") || t.endsWith(".)"), what + " must end with a period: " + t);
    }

    /** {@code container-port-conflict} becomes {@code ContainerPortConflictRule}. */
    static String className(String id) {
        return Stream.of(id.split("-"))
                        .map(part -> part.isEmpty()
                                ? part
                                : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                        .collect(Collectors.joining())
                + "Rule";
    }

    /** What the repository hook does: {@code ContainerPortConflictRule} becomes {@code container-port-conflict}. */
    static String idOf(String className) {
        String base = className.endsWith("Rule") ? className.substring(0, className.length() - 4) : className;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
