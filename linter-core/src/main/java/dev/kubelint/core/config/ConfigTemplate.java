package dev.kubelint.core.config;

import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleCatalog;
import dev.kubelint.core.rule.RuleDescriptor;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.JsonText;
import dev.kubelint.core.yaml.ReadLimits;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The starter {@code .kubelint.yaml} of {@code kubelint config init}: every setting and every rule with its
 * default, commented out, so the file changes nothing until a line is uncommented, and later changes of
 * kubelint's defaults still reach the project.
 */
public final class ConfigTemplate {

    private ConfigTemplate() {}

    public static String render(RuleCatalog catalog, String kubelintVersion) {
        StringBuilder out = new StringBuilder();
        out.append("# kubelint configuration, written by kubelint ")
                .append(kubelintVersion)
                .append(" (kubelint config init).\n")
                .append("# Every setting below is commented out and shows its default: uncomment and change what\n")
                .append("# your project needs. Unknown keys, rule ids and parameters are errors. Paths are relative\n")
                .append(
                        "# to this file; globs are relative to the scanned folder. Command-line flags override this file.\n")
                .append("# The file's JSON Schema: kubelint config schema\n\n");
        out.append("# kubernetes-version: \"")
                .append(LintSettings.NEWEST_KUBERNETES_VERSION)
                .append("\"   # one of ")
                .append(String.join(", ", LintSettings.KUBERNETES_VERSIONS))
                .append('\n');
        out.append("# strict: true                  # fields the schema does not define are errors\n");
        out.append(
                "# include: [\"**/*.yaml\"]        # only files matching these globs (default: .yaml, .yml, .json)\n");
        out.append("# exclude: [\"charts/**\"]        # skip files matching these globs\n");
        out.append("# schema-locations: [crds/]     # CRD manifests or JSON Schemas of your custom resources\n");
        out.append("# crds-from-scan: true          # CRDs among the scanned manifests define schemas too\n");
        out.append("# policies: [policies/]         # admission policies (and bindings) checked against the scan\n");
        out.append("# helm:                         # the Helm charts the scan renders\n");
        out.append("#   values: []                  # values files, as helm template -f (relative to this file)\n");
        out.append("#   set: {}                     # single values, as helm template --set (KEY: VALUE)\n");
        out.append("# rules-jars: [tools/team-rules.jar]\n");
        out.append("# baseline: kubelint-baseline.json   # accepted findings (kubelint --update-baseline writes it)\n");
        out.append("# reports:                      # what every run writes, unless --format (Maven: formats) says\n");
        out.append("#   - format: text              # file: FILE, or standard output (Maven: its outputDirectory)\n");
        out.append("# limits:\n");
        ReadLimits d = ReadLimits.DEFAULTS;
        limit(out, ReadLimits.Limit.FILE_SIZE, d.maxFileBytes());
        limit(out, ReadLimits.Limit.DOCUMENTS, d.maxDocuments());
        limit(out, ReadLimits.Limit.DEPTH, d.maxDepth());
        limit(out, ReadLimits.Limit.ALIAS_NODES, d.maxAliasNodes());
        limit(out, ReadLimits.Limit.SCALAR_LENGTH, d.maxScalarLength());
        out.append("\n# Per rule: true / false, a severity (error, warning, info), or enabled, severity, params and\n")
                .append("# selector (a label selector, kubectl syntax, limiting the rule to matching objects).\n")
                .append("rules:\n");
        for (RuleDescriptor rule : catalog.all()) {
            rule(out, rule);
        }
        out.append("\n# Rules without Java: see the README, \"Custom rules\".\n")
                .append("# custom-rules:\n")
                .append("#   - id: team-label\n")
                .append("#     message: every workload needs a team label\n")
                .append("#     pod-template: true\n")
                .append("#     pointer: /metadata\n")
                .append("#     schema: {required: [labels], properties: {labels: {required: [team]}}}\n");
        return out.toString();
    }

    private static void limit(StringBuilder out, ReadLimits.Limit limit, long value) {
        out.append("#   ").append(limit.key()).append(": ").append(value).append('\n');
    }

    private static void rule(StringBuilder out, RuleDescriptor rule) {
        out.append("  # ")
                .append(rule.id())
                .append(":   # ")
                .append(oneLine(rule.summary()))
                .append(" [")
                .append(rule.category())
                .append(rule.origin().isEmpty() ? "" : ", " + rule.origin())
                .append("]\n");
        out.append("  #   enabled: ").append(rule.enabledByDefault()).append('\n');
        out.append("  #   severity: ").append(rule.severity().label()).append('\n');
        if (!rule.params().isEmpty()) {
            out.append("  #   params:\n");
            for (RuleParam<?> p : rule.params()) {
                out.append("  #     ")
                        .append(p.name())
                        .append(": ")
                        .append(yaml(p.defaultValue()))
                        .append("   # ")
                        .append(p.type().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .append(": ")
                        .append(oneLine(p.description()))
                        .append('\n');
            }
        }
    }

    private static String yaml(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> JsonText.quote(v.toString())).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof String s) {
            return JsonText.quote(s);
        }
        return String.valueOf(value);
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }
}
