package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import java.util.Set;

/** A new Namespace named with the prefix Kubernetes keeps for itself. */
@RuleInfo(
        id = "namespace-reserved-prefix",
        category = "metadata",
        severity = Severity.WARNING,
        summary = "A Namespace is named with the reserved prefix kube-",
        kinds = {"Namespace"})
public final class NamespaceReservedPrefixRule implements Rule {

    /** The namespaces Kubernetes itself creates: declaring them (to label them, say) is fine. */
    static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (!manifest.group().isEmpty() || !manifest.kind().equals("Namespace")) {
            return;
        }
        manifest.metadata()
                .flatMap(m -> m.scalar("name"))
                .filter(n -> n.asText().startsWith("kube-") && !SYSTEM_NAMESPACES.contains(n.asText()))
                .ifPresent(n -> ctx.report(
                        n,
                        "namespace \"" + n.asText() + "\" uses the prefix kube-, which"
                                + " Kubernetes reserves for its system namespaces"));
    }
}
