package dev.kubelint.core.config;

import dev.kubelint.core.custom.CustomRuleSpec;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.yaml.Position;
import dev.kubelint.core.yaml.ReadLimits;
import dev.kubelint.core.yaml.YamlNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A {@code .kubelint.yaml} as read and checked on its own (syntax, the configuration schema, versions, globs,
 * paths). What needs the rule catalogue (rule ids, parameters, selectors) is checked by {@link ConfigApplier}.
 * Paths are already resolved against the file's folder.
 *
 * @param path        the file
 * @param displayName the file as shown in messages
 * @param baseline    the baseline file of accepted findings ({@code baseline:})
 * @param helmValues  {@code helm.values}: values files for the Helm charts a scan renders
 * @param helmSet     {@code helm.set}: single values for them, in Helm's {@code --set} syntax
 * @param reports     {@code reports}: the reports a run writes unless the command line or the Maven plugin names
 *                    its own
 * @param policies    {@code policies}: files or folders of admission policies evaluated against the scan
 */
public record ConfigFile(
        Path path,
        String displayName,
        Optional<Located<String>> kubernetesVersion,
        Optional<Boolean> strict,
        List<Located<String>> include,
        List<Located<String>> exclude,
        List<Located<Path>> schemaLocations,
        Optional<Boolean> crdsFromScan,
        List<Located<Path>> rulesJars,
        Map<ReadLimits.Limit, Long> limits,
        List<RuleEntry> rules,
        List<CustomRuleEntry> customRules,
        Optional<Located<Path>> baseline,
        List<Located<Path>> helmValues,
        Map<String, String> helmSet,
        List<ReportEntry> reports,
        List<Located<Path>> policies) {

    public ConfigFile {
        reports = List.copyOf(reports);
        policies = List.copyOf(policies);
        helmValues = List.copyOf(helmValues);
        helmSet = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(helmSet));
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        schemaLocations = List.copyOf(schemaLocations);
        rulesJars = List.copyOf(rulesJars);
        limits = Map.copyOf(limits);
        rules = List.copyOf(rules);
        customRules = List.copyOf(customRules);
    }

    /** No file: every setting at its default. */
    public static ConfigFile empty(Path path, String displayName) {
        return new ConfigFile(
                path,
                displayName,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Map.of(),
                List.of(),
                List.of());
    }

    /**
     * One report under {@code reports}.
     *
     * @param format the format's name, lower case (a name {@link dev.kubelint.core.report.ReportFormats} knows)
     * @param file   its file, resolved against the configuration file's folder; empty for the default place
     *               (standard output on the command line, the reports folder in the Maven plugin)
     * @param at     where the entry is written
     */
    public record ReportEntry(String format, Optional<Path> file, Position at) {}

    /**
     * The settings of one rule under {@code rules:}.
     *
     * @param params parameter values as written (Long, Double, Boolean, String, or a List of those)
     */
    public record RuleEntry(
            Located<String> id,
            Optional<Boolean> enabled,
            Optional<Severity> severity,
            List<ParamEntry> params,
            Optional<Located<String>> selector) {
        public RuleEntry {
            params = List.copyOf(params);
        }
    }

    /** One parameter value and where its name and value are written. */
    public record ParamEntry(String name, Position nameAt, Object value, YamlNode node) {}

    /**
     * A custom rule with its schema (or its CEL expression) already compiled.
     *
     * @param schema     the compiled schema; null for a rule with an expression
     * @param schemaJson the schema as JSON (for messages); null for a rule with an expression
     * @param expression the compiled CEL expression of a rule that has one instead of a schema
     */
    public record CustomRuleEntry(
            CustomRuleSpec spec,
            Position idAt,
            Optional<Located<String>> selector,
            com.networknt.schema.Schema schema,
            JsonNode schemaJson,
            Optional<dev.kubelint.core.custom.ExpressionEngine.ExpressionCheck> expression) {}
}
