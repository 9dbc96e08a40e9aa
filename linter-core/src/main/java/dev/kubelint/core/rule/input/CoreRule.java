package dev.kubelint.core.rule.input;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The rules the reader and the engine report themselves, before or around the objects that rules check. Each is
 * an ordinary rule to the user (catalogue, docs, SARIF, severity, suppression, configuration); in the code it is a
 * constant, so the engine names it with a type instead of a string that a typo could make vanish.
 */
public enum CoreRule {

    /** Reported by the reader while it reads the text. */
    YAML_SYNTAX(
            "yaml-syntax",
            "input",
            Severity.ERROR,
            "The file is not valid YAML or JSON",
            "kubectl cannot read a file with a syntax error, so nothing in it reaches the cluster. kubelint reports the error where the parser found it and goes on with the next document after a `---` line.",
            "Fix the syntax at the reported line and column; for JSON, remove comments and trailing commas, which kubectl's JSON reader rejects."),

    /** Reported by the reader while it reads the text. */
    DUPLICATE_KEY(
            "duplicate-key",
            "input",
            Severity.ERROR,
            "A mapping has the same key twice",
            "kubectl silently keeps the last value of a duplicated key, so the first one is lost without a word; often it was the one that was meant.",
            "Remove one of the two keys, or merge their values."),

    /** Reported by the reader while it reads the text. */
    INPUT_LIMIT(
            "input-limit",
            "input",
            Severity.ERROR,
            "The input exceeds one of kubelint's safety limits",
            "Limits on file size, documents per file, nesting depth, alias expansion and scalar length keep a hostile or runaway file from exhausting memory or time. The part over the limit is not checked.",
            "Split the file, or raise the named limit with `--limit NAME=N` or `limits:` in .kubelint.yaml if the input is trusted."),

    /** Reported by the reader while it reads the text. */
    YAML_TAG(
            "yaml-tag",
            "input",
            Severity.WARNING,
            "A node carries a YAML tag that kubectl does not understand",
            "Tags such as `!!python/object` ask a YAML library to construct objects; kubectl does not, and kubelint never does. The value is read as if untagged.",
            "Remove the tag."),

    /** Reported by the engine itself. */
    NOT_AN_OBJECT(
            "not-an-object",
            "input",
            Severity.ERROR,
            "A document is a scalar or a list instead of a Kubernetes object",
            "kubectl expects every document to be a mapping with apiVersion and kind; a scalar or a sequence at the top of a document cannot be applied.",
            "Make the document a mapping, or remove it; to send several objects in one document use kind: List with items."),

    /** Reported by the engine itself. */
    UNREADABLE_FILE(
            "unreadable-file",
            "input",
            Severity.ERROR,
            "A file cannot be read or decoded",
            "A file that cannot be read (permissions, invalid UTF-8, an unsupported encoding) is not checked at all, so nothing in it is validated.",
            "Fix the file's permissions or save it as UTF-8."),

    /** Reported by the engine for files the folder walk found but deliberately did not read. */
    SKIPPED_FILE(
            "skipped-file",
            "input",
            Severity.WARNING,
            "A file in a scanned folder was not read",
            "When walking a folder, kubelint does not follow a symbolic link that leads outside it (so a scan never reads files elsewhere on the machine) and does not read named pipes or devices (so a scan never blocks on one). Such a file is not checked, and saying so keeps that from going unnoticed.",
            "Name the file or the link's target explicitly as a path to lint it, or remove or exclude it."),

    /** Reported by the engine for a Helm chart or Kustomize folder that does not render. */
    RENDER_FAILED(
            "render-failed",
            "input",
            Severity.ERROR,
            "A Helm chart or Kustomize folder does not render",
            "kubelint lints the objects a chart or a kustomization renders to, as helm template and kubectl"
                    + " kustomize produce them. When rendering fails (a template error, a missing value marked required,"
                    + " a kubeVersion the chart does not support, a resource that does not exist), nothing in the folder"
                    + " can be installed, and none of its objects is checked. The message is the renderer's own.",
            "Fix what the message names; check with helm template or kubectl kustomize. Give the values a"
                    + " chart needs with --helm-values or --helm-set."),

    /** Reported by the engine itself. */
    RULE_FAILURE(
            "rule-failure",
            "engine",
            Severity.ERROR,
            "A rule failed with an internal error on an object",
            "A rule that throws must not stop the scan: kubelint isolates it, reports which rule failed on which object, and checks everything else. Run with --debug to see the stack trace.",
            "Report the failure to the rule's authors with the object that triggers it; disable the rule meanwhile if it blocks you."),

    /** Reported by the engine while it reads suppressions. */
    SUPPRESSION_WITHOUT_REASON(
            "suppression-without-reason",
            "suppression",
            Severity.WARNING,
            "A suppression annotation or comment gives no reason, or cannot be read",
            "A suppression silences a finding for everyone who reads the manifest later; without a reason nobody can tell whether it still applies. kubelint ignores such a suppression, so the finding it meant to silence stays active.",
            "Give the reason: annotation ignore.kubelint.dev/<rule-id>: \"<reason>\", or comment # kubelint-ignore: <rule-id> -- <reason>."),

    /** Reported by the engine at the end of a run. */
    UNUSED_SUPPRESSION(
            "unused-suppression",
            "suppression",
            Severity.WARNING,
            "A suppression annotation or comment matched no finding",
            "A suppression that silences nothing is stale: the problem was fixed, the rule id is misspelt, or the rule is off. Left in place, it would silently hide the problem should it come back.",
            "Remove the suppression, or correct its rule id or its line.");

    /** The provider name core rules are listed under. */
    public static final String ORIGIN = "kubelint core";

    private final String id;
    private final RuleDescriptor descriptor;

    CoreRule(String id, String category, Severity severity, String summary, String rationale, String remediation) {
        this.id = id;
        this.descriptor = new RuleDescriptor(
                new EngineReported(),
                id,
                category,
                severity,
                summary,
                rationale,
                remediation,
                true,
                List.of(),
                List.of(),
                ORIGIN);
    }

    public String id() {
        return id;
    }

    /** The rule's descriptor, as a rule class's {@code @RuleInfo} would give it. */
    public RuleDescriptor descriptor() {
        return descriptor;
    }

    /** The core rule with this id. */
    public static Optional<CoreRule> byId(String id) {
        for (CoreRule r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The descriptors of every core rule. */
    public static List<RuleDescriptor> descriptors() {
        return Arrays.stream(values()).map(CoreRule::descriptor).toList();
    }

    /** A core rule's findings come from the reader or the engine, never from a check of an object. */
    private static final class EngineReported implements Rule {

        @Override
        public void check(Manifest manifest, RuleContext ctx) {
            // reported by the reader or the engine
        }
    }
}
