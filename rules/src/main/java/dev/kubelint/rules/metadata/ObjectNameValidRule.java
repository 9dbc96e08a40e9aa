package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.BuiltinKinds;
import dev.kubelint.core.kube.NameFormat;
import dev.kubelint.core.kube.Names;
import dev.kubelint.core.kube.Placeholders;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import java.util.List;
import java.util.Optional;

/** Object names, name prefixes and namespaces that the API server rejects for the object's kind. */
@RuleInfo(
        id = "object-name-valid",
        category = "metadata",
        severity = Severity.ERROR,
        summary = "An object's name, generateName or namespace does not follow the naming rules of its kind, or it"
                + " has no name")
public final class ObjectNameValidRule implements Rule {

    /** A CronJob's Jobs are named after it plus 11 characters, within a 63-character label. */
    static final int CRONJOB_NAME_MAX = 52;

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        Optional<NameFormat> format = BuiltinKinds.nameFormat(manifest.group(), manifest.kind());
        if (format.isEmpty()) {
            return;
        }
        Optional<MappingNode> metadata = manifest.metadata();
        if (metadata.isEmpty()) {
            ctx.reportKey(manifest.root(), "metadata", "metadata.name (or metadata.generateName) is required");
            return;
        }
        Optional<ScalarNode> name =
                metadata.get().scalar("name").filter(s -> !s.asText().isEmpty());
        Optional<ScalarNode> generateName =
                metadata.get().scalar("generateName").filter(s -> !s.asText().isEmpty());
        if (name.isEmpty() && generateName.isEmpty()) {
            ctx.reportKey(manifest.root(), "metadata", "metadata.name (or metadata.generateName) is required");
        }
        name.filter(ObjectNameValidRule::isPlainString)
                .ifPresent(n -> checkName(manifest, format.get(), n, false, ctx));
        generateName
                .filter(ObjectNameValidRule::isPlainString)
                .ifPresent(n -> checkName(manifest, format.get(), n, true, ctx));
        if (!BuiltinKinds.isClusterScoped(manifest.group(), manifest.kind())) {
            metadata.get()
                    .scalar("namespace")
                    .filter(ObjectNameValidRule::isPlainString)
                    .filter(s -> !s.asText().isEmpty())
                    .ifPresent(ns -> report(ns, "namespace", Names.dns1123Label(ns.asText()), ctx));
        }
    }

    /** A string without template placeholders: one whose final text is known. */
    private static boolean isPlainString(ScalarNode node) {
        return node.isString() && !Placeholders.contains(node.asText());
    }

    private static void checkName(
            Manifest manifest, NameFormat format, ScalarNode name, boolean prefix, RuleContext ctx) {
        String what = manifest.kind() + (prefix ? " generateName" : " name");
        report(name, what, format.check(name.asText(), prefix), ctx);
        if (prefix || !manifest.group().equals("batch")) {
            return;
        }
        int length = name.asText().length();
        if (manifest.kind().equals("CronJob") && length > CRONJOB_NAME_MAX) {
            ctx.report(
                    name,
                    "CronJob name \"" + name.asText() + "\" has " + length + " characters; it must be no more"
                            + " than " + CRONJOB_NAME_MAX + " (its Jobs' names add 11)");
        } else if (manifest.kind().equals("Job") && length > Names.LABEL_VALUE_MAX && !manualSelector(manifest)) {
            ctx.report(
                    name,
                    "Job name \"" + name.asText() + "\" has " + length + " characters; it must be no more" + " than "
                            + Names.LABEL_VALUE_MAX
                            + ", because it becomes the value of the job-name label of its pods");
        }
    }

    private static boolean manualSelector(Manifest manifest) {
        return manifest.root()
                .at("/spec/manualSelector")
                .flatMap(n -> n.asScalar())
                .flatMap(ScalarNode::booleanValue)
                .orElse(false);
    }

    private static void report(ScalarNode node, String what, List<String> problems, RuleContext ctx) {
        if (!problems.isEmpty()) {
            ctx.report(node, "invalid " + what + " \"" + node.asText() + "\": " + String.join("; ", problems));
        }
    }
}
