package dev.kubelint.rules.scheduling;

import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.Nodes;
import java.util.ArrayList;
import java.util.List;

/** The {@code nodeSelector} maps of an object: every pod spec's, and a RuntimeClass's scheduling constraints. */
final class NodeSelectors {

    private NodeSelectors() {}

    static List<MappingNode> of(Manifest manifest) {
        List<MappingNode> result = new ArrayList<>();
        PodSpecs.of(manifest).flatMap(pod -> pod.spec().mapping("nodeSelector")).ifPresent(result::add);
        if (manifest.group().equals("node.k8s.io") && manifest.kind().equals("RuntimeClass")) {
            result.addAll(Nodes.mappings(manifest.root(), "/scheduling/nodeSelector"));
        }
        return result;
    }
}
