package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.ScalarNode;
import java.util.List;

/** A pod whose serviceAccountName names a ServiceAccount the scan does not define. */
@RuleInfo(
        id = "service-account-undefined",
        category = "workloads",
        severity = Severity.WARNING,
        summary = "A pod's serviceAccountName names a ServiceAccount that the scanned files do not define in its"
                + " namespace",
        kindGroups = KindGroup.POD_SPECS)
public final class ServiceAccountUndefinedRule extends PodNameReferenceShell {

    public ServiceAccountUndefinedRule() {
        super("ServiceAccount", "the API server refuses to create its pods");
    }

    @Override
    List<ScalarNode> references(Manifest manifest) {
        return PodSpecs.of(manifest)
                .flatMap(pod -> pod.spec()
                        .scalar("serviceAccountName")
                        .or(() -> pod.spec().scalar("serviceAccount")))
                .filter(n -> !n.asText().isEmpty() && !n.asText().equals("default"))
                .map(List::of)
                .orElse(List.of());
    }
}
