package dev.kubelint.core.config;

import dev.kubelint.core.custom.CustomRule;
import dev.kubelint.core.engine.LintRequest;
import dev.kubelint.core.engine.RuleSettings;
import dev.kubelint.core.kube.Suggestions;
import dev.kubelint.core.render.ChartValues;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.JsonText;
import dev.kubelint.core.yaml.ReadLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks a configuration file against the rule catalogue (rule ids, parameter names and types, label
 * selectors, custom rule ids) and turns it into the parts of a {@link LintRequest}.
 */
public final class ConfigApplier {

    private final Function<String, Predicate<Map<String, String>>> selectors;

    /**
     * @param selectors turns a label selector (kubectl syntax) into a test on labels, throwing a
     *                  {@link RuntimeException} whose message says why when the selector is invalid
     */
    public ConfigApplier(Function<String, Predicate<Map<String, String>>> selectors) {
        this.selectors = selectors;
    }

    /**
     * A configuration checked against the catalogue.
     *
     * @param catalog      the catalogue given plus the configuration's custom rules
     * @param ruleSettings per rule id, as configured
     */
    public record Applied(ConfigFile file, RuleCatalog catalog, Map<String, RuleSettings> ruleSettings) {

        public Applied {
            ruleSettings = Map.copyOf(ruleSettings);
        }

        /** The request with everything the file sets (the caller applies command-line flags afterwards). */
        public LintRequest applyTo(LintRequest request) {
            LintSettings settings = request.settings();
            if (file.kubernetesVersion().isPresent()) {
                settings = settings.withKubernetesVersion(
                        file.kubernetesVersion().get().value());
            }
            if (file.strict().isPresent()) {
                settings = settings.withStrict(file.strict().get());
            }
            if (!file.schemaLocations().isEmpty()) {
                settings = settings.withSchemaLocations(appended(settings.schemaLocations(), file.schemaLocations()));
            }
            if (file.crdsFromScan().isPresent()) {
                settings = settings.withCrdsFromScan(file.crdsFromScan().get());
            }
            if (!file.policies().isEmpty()) {
                settings = settings.withPolicyLocations(appended(settings.policyLocations(), file.policies()));
            }
            ReadLimits limits = request.limits();
            for (Map.Entry<ReadLimits.Limit, Long> e : file.limits().entrySet()) {
                limits = limits.with(e.getKey(), e.getValue());
            }
            if (!file.helmValues().isEmpty() || !file.helmSet().isEmpty()) {
                request = request.withRender(request.render()
                        .withValues(new ChartValues(
                                file.helmValues().stream().map(Located::value).toList(), file.helmSet())));
            }
            return request.withCatalog(catalog)
                    .withRuleSettings(ruleSettings)
                    .withSettings(settings)
                    .withLimits(limits)
                    .withGlobs(
                            file.include().stream().map(Located::value).toList(),
                            file.exclude().stream().map(Located::value).toList());
        }
    }

    /** The paths, then the file's after them. */
    private static List<Path> appended(List<Path> paths, List<Located<Path>> more) {
        List<Path> all = new ArrayList<>(paths);
        more.forEach(l -> all.add(l.value()));
        return all;
    }

    /** Checks the file against {@code catalog}; every problem is reported at its line and column. */
    public Applied apply(ConfigFile file, RuleCatalog catalog) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        List<RuleDescriptor> custom = new ArrayList<>();
        for (ConfigFile.CustomRuleEntry entry : file.customRules()) {
            Optional<RuleDescriptor> clash = catalog.find(entry.spec().id());
            if (clash.isPresent()) {
                problems.add(ConfigProblem.at(
                        file.displayName(),
                        entry.idAt(),
                        "custom-rules: the id " + JsonText.quote(entry.spec().id()) + " is already taken by a rule of "
                                + clash.get().origin()));
                continue;
            }
            Optional<Predicate<Map<String, String>>> selector =
                    selector(file, entry.selector(), "custom-rules", problems);
            custom.add(new CustomRule(entry.spec(), entry.schema(), entry.schemaJson(), selector, entry.expression())
                    .descriptor());
        }
        RuleCatalog all = catalog.plus(custom);
        Map<String, RuleSettings> settings = new LinkedHashMap<>();
        for (ConfigFile.RuleEntry entry : file.rules()) {
            Optional<RuleDescriptor> rule = all.find(entry.id().value());
            if (rule.isEmpty()) {
                problems.add(ConfigProblem.at(
                        file.displayName(),
                        entry.id().at(),
                        unknownRule(entry.id().value(), all)));
                continue;
            }
            settings.put(rule.get().id(), settings(file, entry, rule.get(), problems));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Applied(file, all, settings);
    }

    private RuleSettings settings(
            ConfigFile file, ConfigFile.RuleEntry entry, RuleDescriptor rule, List<ConfigProblem> problems) {
        RuleSettings s = RuleSettings.DEFAULT;
        if (entry.enabled().isPresent()) {
            s = s.withEnabled(entry.enabled().get());
        }
        if (entry.severity().isPresent()) {
            s = s.withSeverity(entry.severity().get());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (ConfigFile.ParamEntry p : entry.params()) {
            Optional<RuleParam<?>> param = rule.param(p.name());
            if (param.isEmpty()) {
                problems.add(ConfigProblem.at(
                        file.displayName(),
                        p.nameAt(),
                        "rules." + rule.id() + ".params: " + unknownParam(p.name(), rule)));
                continue;
            }
            Optional<String> wrong = typeProblem(param.get(), p.value());
            if (wrong.isPresent()) {
                problems.add(ConfigProblem.at(
                        file.displayName(),
                        p.node().span().start(),
                        "rules." + rule.id() + ".params." + p.name() + ": " + wrong.get()));
                continue;
            }
            params.put(p.name(), p.value());
        }
        s = s.withParams(params);
        Optional<Predicate<Map<String, String>>> scope =
                selector(file, entry.selector(), "rules." + rule.id(), problems);
        return scope.isPresent() ? s.withScope(scope.get()) : s;
    }

    /** Why a value does not fit a parameter, if it does not. */
    static Optional<String> typeProblem(RuleParam<?> param, Object value) {
        try {
            param.convert(value);
            return Optional.empty();
        } catch (RuleParam.InvalidValueException e) {
            return Optional.of(e.getMessage());
        } catch (IllegalArgumentException | ClassCastException e) {
            String found = describe(value);
            String hint = param.type() == RuleParam.Type.STRING && value != null && !(value instanceof List)
                    ? " (quote it to make it a string)"
                    : "";
            return Optional.of("expected " + expected(param.type()) + ", found " + found + hint);
        }
    }

    private static String expected(RuleParam.Type type) {
        return switch (type) {
            case INTEGER -> "an integer";
            case BOOLEAN -> "true or false";
            case STRING -> "a string";
            case STRING_LIST -> "a list of strings";
        };
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing (null)";
        }
        if (value instanceof String s) {
            return "the string " + JsonText.quote(s);
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(i -> !(i instanceof String))
                    ? "a list with items that are not strings" + " (quote them)"
                    : "a list";
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return "the number " + d.longValue();
        }
        return "the number " + value;
    }

    private Optional<Predicate<Map<String, String>>> selector(
            ConfigFile file, Optional<Located<String>> text, String where, List<ConfigProblem> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(selectors.apply(text.get().value()));
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add(ConfigProblem.at(
                    file.displayName(),
                    text.get().at(),
                    where + ".selector: invalid label selector "
                            + JsonText.quote(text.get().value()) + ": " + reason));
            return Optional.empty();
        }
    }

    /** "unknown rule id" with the closest id when it looks like a typo. */
    public static String unknownRule(String id, RuleCatalog catalog) {
        List<String> ids = catalog.all().stream().map(RuleDescriptor::id).toList();
        return "unknown rule id " + JsonText.quote(id)
                + Suggestions.closest(id, ids, Suggestions.KEYS)
                        .map(c -> "; did you mean " + JsonText.quote(c) + "?")
                        .orElse(" (kubelint rules lists them all)");
    }

    private static String unknownParam(String name, RuleDescriptor rule) {
        if (rule.params().isEmpty()) {
            return "rule " + rule.id() + " has no parameters, so " + JsonText.quote(name) + " is unknown";
        }
        List<String> names = rule.params().stream().map(RuleParam::name).toList();
        return "unknown parameter " + JsonText.quote(name) + " of rule " + rule.id()
                + Suggestions.closest(name, names, Suggestions.KEYS)
                        .map(c -> "; did you mean " + JsonText.quote(c) + "?")
                        .orElse("")
                + " (parameters: " + String.join(", ", names) + ")";
    }
}
