package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.BuiltinKinds;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;

/** metadata.namespace on a kind that has no namespace. */
@RuleInfo(
        id = "namespace-on-cluster-scoped",
        category = "metadata",
        severity = Severity.WARNING,
        summary = "A cluster-scoped object (Namespace, ClusterRole, StorageClass, ...) states a namespace")
public final class NamespaceOnClusterScopedRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        if (!BuiltinKinds.isClusterScoped(manifest.group(), manifest.kind())) {
            return;
        }
        manifest.metadata()
                .flatMap(m -> m.scalar("namespace"))
                .filter(s -> !s.asText().isEmpty())
                .ifPresent(ns -> ctx.report(
                        ns,
                        manifest.kind() + " is cluster-scoped: the API server ignores metadata.namespace (\""
                                + ns.asText() + "\")"));
    }
}
