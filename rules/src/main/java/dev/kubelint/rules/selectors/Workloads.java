package dev.kubelint.rules.selectors;

import java.util.Map;
import java.util.Set;

import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.Nodes;

/** Facts about workload selectors that several selector rules share. */
final class Workloads {

    /** The apps/v1 kinds whose {@code spec.selector} is required, non-empty, and must select the template. */
    static final Set<String> APPS_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet");

    private Workloads() {
    }

    static boolean isAppsWorkload(Manifest m) {
        return m.group().equals("apps") && APPS_KINDS.contains(m.kind());
    }

    static boolean isReplicationController(Manifest m) {
        return m.group().isEmpty() && m.kind().equals("ReplicationController");
    }

    static boolean isJob(Manifest m) {
        return m.group().equals("batch") && m.kind().equals("Job");
    }

    /** {@code spec.manualSelector: true} on a Job. */
    static boolean hasManualSelector(Manifest m) {
        return m.root().at("/spec/manualSelector").flatMap(YamlNode::asScalar)
                .flatMap(s -> s.booleanValue()).orElse(false);
    }

    /** The pod template's labels as the API server would read them (empty when there are none). */
    static Map<String, String> templateLabels(Manifest m) {
        return Nodes.mappings(m.root(), "/spec/template/metadata/labels").stream().findFirst()
                .map(LabelMaps::values).orElse(Map.of());
    }

    /** "a Deployment", "an Ingress"... for messages. */
    static String article(String kind) {
        return ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
