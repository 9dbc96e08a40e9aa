package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.selectors.PodIndex;
import java.util.Optional;

/** A pod whose serviceAccountName names a ServiceAccount the scan does not define. */
@RuleInfo(
        id = "service-account-undefined",
        category = "workloads",
        severity = Severity.WARNING,
        summary = "A pod's serviceAccountName names a ServiceAccount that the scanned files do not define in its"
                + " namespace",
        rationale = "The API server refuses to create a pod whose ServiceAccount does not exist (\"error looking up"
                + " service account\"), so a workload naming a missing one never gets pods, usually because of a typo"
                + " or a ServiceAccount in another namespace. The rule speaks only when the scan defines"
                + " ServiceAccounts in the pod's namespace and in the pod's folder; the ServiceAccount \"default\" exists"
                + " in every namespace.",
        remediation = "Create the ServiceAccount in the pod's namespace, or correct serviceAccountName.",
        kinds = {
            "Pod",
            "Deployment",
            "StatefulSet",
            "DaemonSet",
            "ReplicaSet",
            "ReplicationController",
            "Job",
            "CronJob",
            "PodTemplate"
        })
public final class ServiceAccountUndefinedRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // everything happens across objects
    }

    @Override
    public Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(new NameReferences() {
            @Override
            void read(Manifest manifest, RuleContext ctx) {
                if (manifest.group().isEmpty() && manifest.kind().equals("ServiceAccount")) {
                    defineSelf(manifest);
                    return;
                }
                PodSpecs.of(manifest)
                        .ifPresent(pod -> pod.spec()
                                .scalar("serviceAccountName")
                                .or(() -> pod.spec().scalar("serviceAccount"))
                                .filter(n ->
                                        !n.asText().isEmpty() && !n.asText().equals("default"))
                                .ifPresent(n -> refer(new Reference(
                                        "ServiceAccount",
                                        PodIndex.namespaceOf(manifest),
                                        n.asText(),
                                        ctx.locate(n),
                                        manifest.kind() + " \"" + manifest.name() + "\""))));
            }

            @Override
            String consequence(Reference r) {
                return "the API server refuses to create its pods";
            }
        });
    }
}
