package dev.kubelint.rules.references;

import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.kube.PodSpecs.Container;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.ScalarNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.rules.support.Nodes;
import java.util.ArrayList;
import java.util.List;

/** The ConfigMaps and Secrets a pod spec needs: those its volumes and environment refer to without optional. */
final class PodReferences {

    private PodReferences() {}

    /** The name nodes of the non-optional references to ConfigMaps ({@code configMap}) or Secrets. */
    static List<ScalarNode> required(Manifest manifest, boolean configMap) {
        List<ScalarNode> names = new ArrayList<>();
        PodSpecs.of(manifest).ifPresent(pod -> {
            MappingNode spec = pod.spec();
            String volumeKey = configMap ? "configMap" : "secret";
            String volumeName = configMap ? "name" : "secretName";
            for (MappingNode source : Nodes.mappings(spec, "/volumes/*/" + volumeKey)) {
                add(source, volumeName, names);
            }
            for (MappingNode source : Nodes.mappings(spec, "/volumes/*/projected/sources/*/" + volumeKey)) {
                add(source, "name", names);
            }
            for (Container c : pod.nonEphemeralContainers()) {
                for (MappingNode env :
                        c.node().sequence("env").map(SequenceNode::mappings).orElse(List.of())) {
                    env.mapping("valueFrom")
                            .flatMap(v -> v.mapping(configMap ? "configMapKeyRef" : "secretKeyRef"))
                            .ifPresent(ref -> add(ref, "name", names));
                }
                for (MappingNode from :
                        c.node().sequence("envFrom").map(SequenceNode::mappings).orElse(List.of())) {
                    from.mapping(configMap ? "configMapRef" : "secretRef").ifPresent(ref -> add(ref, "name", names));
                }
            }
        });
        return names;
    }

    private static void add(MappingNode ref, String key, List<ScalarNode> names) {
        if (ref.scalar("optional").flatMap(ScalarNode::booleanValue).orElse(false)) {
            return;
        }
        ref.scalar(key).filter(n -> !n.asText().isEmpty()).ifPresent(names::add);
    }
}
