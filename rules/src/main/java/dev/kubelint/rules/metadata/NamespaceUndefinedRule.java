package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.BuiltinKinds;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.CrossObjectShell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** An object in a namespace that the scanned files never define, while they define others. */
@RuleInfo(
        id = "namespace-undefined",
        category = "metadata",
        severity = Severity.INFO,
        summary = "An object is in a namespace that the scanned files do not define, while they define others")
public final class NamespaceUndefinedRule extends CrossObjectShell {

    private static final Set<String> ALWAYS_THERE =
            Set.of("default", "kube-system", "kube-public", "kube-node-lease", "openshift");

    /** Prefixes of namespaces the cluster or its platform creates: Kubernetes reserves kube-; OpenShift and GKE. */
    private static final List<String> PLATFORM_PREFIXES = List.of("kube-", "openshift-", "gke-", "gmp-");

    /** How many defined namespaces a message names before "...". */
    private static final int LISTED = 5;

    @Override
    protected CrossObjectCheck newCheck() {
        return new Check();
    }

    private static final class Check implements CrossObjectCheck {
        private final Set<String> defined = new TreeSet<>();
        private final Map<String, List<Location>> used = new HashMap<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            if (manifest.group().isEmpty() && manifest.kind().equals("Namespace")) {
                manifest.metadata().flatMap(m -> m.string("name")).ifPresent(defined::add);
                return;
            }
            if (BuiltinKinds.isClusterScoped(manifest.group(), manifest.kind())) {
                return;
            }
            manifest.metadata()
                    .flatMap(m -> m.scalar("namespace"))
                    .filter(s -> !s.asText().isEmpty())
                    .ifPresent(ns -> used.computeIfAbsent(ns.asText(), n -> new ArrayList<>())
                            .add(ctx.locate(ns)));
        }

        @Override
        public void finish(RuleContext ctx) {
            if (defined.isEmpty()) {
                return;
            }
            String others =
                    defined.stream().limit(LISTED).map(n -> "\"" + n + "\"").collect(Collectors.joining(", "))
                            + (defined.size() > LISTED ? ", ..." : "");
            used.forEach((namespace, locations) -> {
                if (defined.contains(namespace)
                        || ALWAYS_THERE.contains(namespace)
                        || PLATFORM_PREFIXES.stream().anyMatch(namespace::startsWith)) {
                    return;
                }
                for (Location location : locations) {
                    ctx.report(
                            location,
                            "namespace \"" + namespace + "\" is not created by any Namespace in the"
                                    + " scanned files, which create " + others);
                }
            });
        }
    }
}
