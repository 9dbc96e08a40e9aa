package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.schemas.GroupVersionKind;
import java.util.Optional;

/** Every object must say what it is. */
@RuleInfo(
        id = "missing-type-meta",
        category = "schema",
        severity = Severity.ERROR,
        summary = "An object has no apiVersion or kind, or one that is not a plain string")
public final class MissingTypeMetaRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        MappingNode root = manifest.root();
        if (isAbsent(root, "apiVersion") && isAbsent(root, "kind")) {
            ctx.reportKey(
                    root,
                    "kind",
                    "the document has neither apiVersion nor kind, so it is no Kubernetes object;"
                            + " kubectl cannot apply it");
            return;
        }
        checkField(root, "apiVersion", ctx);
        checkField(root, "kind", ctx);
        root.string("apiVersion")
                .filter(v -> !v.isBlank())
                .filter(v -> GroupVersionKind.of(v, "Kind").isEmpty())
                .ifPresent(v -> ctx.report(
                        root.get("apiVersion").orElseThrow(),
                        "apiVersion \"" + v + "\" is not of the form group/version (such as apps/v1) or version (v1)"));
    }

    private static boolean isAbsent(MappingNode root, String key) {
        Optional<YamlNode> value = root.get(key);
        return value.isEmpty() || (value.get() instanceof ScalarNode s && s.isNull());
    }

    private static void checkField(MappingNode root, String key, RuleContext ctx) {
        if (isAbsent(root, key)) {
            ctx.reportKey(
                    root, key, "the object has no " + key + "; every Kubernetes object needs apiVersion and kind");
            return;
        }
        YamlNode node = root.get(key).orElseThrow();
        if (!(node instanceof ScalarNode scalar) || !scalar.isString()) {
            ctx.report(
                    node,
                    key + " must be a string, found " + node.jsonType()
                            + (node instanceof ScalarNode s ? " " + s.asText() : ""));
        } else if (scalar.stringValue().orElse("").isBlank()) {
            ctx.report(node, key + " is empty");
        }
    }
}
