package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.KindGroup;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.rules.selectors.PodIndex;
import java.util.List;
import java.util.Optional;

/** A pod that needs a Secret the scan does not define. */
@RuleInfo(
        id = "secret-undefined",
        category = "workloads",
        severity = Severity.WARNING,
        enabledByDefault = false,
        summary = "A pod's volume or environment needs a Secret that the scanned files do not define in its namespace",
        kindGroups = KindGroup.POD_SPECS)
public final class SecretUndefinedRule extends PodNameReferenceShell {

    public static final RuleParam<List<String>> SECRET_PRODUCERS = RuleParam.stringList(
            "secret-producers",
            List.of(
                    "bitnami.com/SealedSecret:metadata.name", "external-secrets.io/ExternalSecret:spec.target.name",
                    "cert-manager.io/Certificate:spec.secretName", "secrets-store.csi.x-k8s.io/SecretProviderClass:-",
                    "onepassword.com/OnePasswordItem:metadata.name", "ricoberger.de/VaultSecret:metadata.name"),
            "Custom resources (GROUP/KIND:FIELD) from which a controller creates a Secret, FIELD being the"
                    + " dotted path of the Secret's name (metadata.name when the Secret takes the resource's name);"
                    + " \"-\" means the resource makes the namespace's Secrets unknown.");

    public SecretUndefinedRule() {
        super("Secret", "its pods cannot start");
    }

    @Override
    List<ScalarNode> references(Manifest manifest) {
        return PodReferences.required(manifest, false);
    }

    @Override
    boolean defines(Manifest manifest, RuleContext ctx, NameReferences names) {
        String type = manifest.group() + "/" + manifest.kind() + ":";
        for (String producer : ctx.param(SECRET_PRODUCERS)) {
            if (producer.startsWith(type)) {
                String ns = PodIndex.namespaceOf(manifest);
                produced(manifest, producer.substring(type.length()))
                        .ifPresentOrElse(
                                name -> names.define("Secret", ns, name, manifest),
                                () -> names.unknownNamespace("Secret", ns));
                return true;
            }
        }
        return false;
    }

    /** The name of the Secret a producer makes, read at a dotted path; empty for "-" or when absent. */
    private static Optional<String> produced(Manifest manifest, String path) {
        if (path.equals("-")) {
            return Optional.empty();
        }
        String[] parts = path.split("\\.");
        MappingNode node = manifest.root();
        for (int i = 0; i < parts.length - 1; i++) {
            Optional<MappingNode> next = node.mapping(parts[i]);
            if (next.isEmpty()) {
                return path.equals("spec.target.name") ? Optional.of(manifest.name()) : Optional.empty();
            }
            node = next.get();
        }
        Optional<String> name =
                node.scalar(parts[parts.length - 1]).map(ScalarNode::asText).filter(s -> !s.isEmpty());
        // an ExternalSecret without target name makes a Secret of its own name
        return name.isPresent() ? name : path.equals("spec.target.name") ? Optional.of(manifest.name()) : name;
    }
}
