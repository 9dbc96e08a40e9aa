package dev.kubelint.rules.support;

import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Facts about workloads that rules share: their kinds, selectors, Job settings, and how messages name them. */
public final class Workloads {

    /** The apps/v1 kinds whose {@code spec.selector} is required, non-empty, and must select the template. */
    public static final Set<String> APPS_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    private Workloads() {}

    public static boolean isAppsWorkload(Manifest m) {
        return m.group().equals("apps") && APPS_KINDS.contains(m.kind());
    }

    public static boolean isReplicationController(Manifest m) {
        return m.group().isEmpty() && m.kind().equals("ReplicationController");
    }

    public static boolean isJob(Manifest m) {
        return m.group().equals("batch") && m.kind().equals("Job");
    }

    /** {@code spec.manualSelector: true} on a Job. */
    public static boolean hasManualSelector(Manifest m) {
        return m.root()
                .at("/spec/manualSelector")
                .flatMap(YamlNode::asScalar)
                .flatMap(s -> s.booleanValue())
                .orElse(false);
    }

    /** The pod template's labels as the API server would read them (empty when there are none). */
    public static Map<String, String> templateLabels(Manifest m) {
        return Nodes.mappings(m.root(), "/spec/template/metadata/labels").stream()
                .findFirst()
                .map(LabelMaps::values)
                .orElse(Map.of());
    }

    /** The Job spec of a Job or of a CronJob's job template. */
    public static Optional<MappingNode> jobSpec(Manifest manifest) {
        if (manifest.kind().equals("Job")) {
            return manifest.root().mapping("spec");
        }
        if (manifest.kind().equals("CronJob")) {
            return manifest.root()
                    .mapping("spec")
                    .flatMap(s -> s.mapping("jobTemplate"))
                    .flatMap(t -> t.mapping("spec"));
        }
        return Optional.empty();
    }

    /** "a Deployment's pod template" or "a Pod", for messages. */
    public static String podSpecOwner(Manifest manifest) {
        return manifest.kind().equals("Pod") ? "a Pod" : article(manifest.kind()) + "'s pod template";
    }

    /** "a Deployment", "an Ingress"... for messages. */
    public static String article(String kind) {
        return (!kind.isEmpty() && "AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
