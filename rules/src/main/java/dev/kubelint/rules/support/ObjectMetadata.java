package dev.kubelint.rules.support;

import java.util.ArrayList;
import java.util.List;

import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;

/**
 * Every {@code metadata} of an object that the API server validates like object metadata: the object's own, its
 * pod template's, a CronJob's job template's, and a StatefulSet's volume claim templates'.
 */
public final class ObjectMetadata {

    private ObjectMetadata() {
    }

    public static List<MappingNode> of(Manifest manifest) {
        List<MappingNode> result = new ArrayList<>();
        manifest.metadata().ifPresent(result::add);
        if (PodSpecs.hasPodSpec(manifest)) {
            PodSpecs.of(manifest).filter(PodSpecs.PodSpec::isTemplate)
                    .flatMap(PodSpecs.PodSpec::podMetadata).ifPresent(result::add);
            if (manifest.kind().equals("CronJob")) {
                result.addAll(Nodes.mappings(manifest.root(), "/spec/jobTemplate/metadata"));
            }
            if (manifest.kind().equals("StatefulSet")) {
                result.addAll(Nodes.mappings(manifest.root(), "/spec/volumeClaimTemplates/*/metadata"));
            }
        }
        return result;
    }

    /** The {@code labels} (or {@code annotations}) mappings of {@link #of}. */
    public static List<MappingNode> maps(Manifest manifest, String key) {
        return of(manifest).stream().flatMap(m -> m.mapping(key).stream()).toList();
    }
}
