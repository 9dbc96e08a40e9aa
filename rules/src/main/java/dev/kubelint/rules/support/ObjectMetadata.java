package dev.kubelint.rules.support;

import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code metadata} mappings of an object: its own and those of the templates it embeds. The API server
 * validates some of them (labels, annotations) on create; it only decodes the others, which the controller
 * later turns into objects of their own.
 */
public final class ObjectMetadata {

    private ObjectMetadata() {}

    /**
     * The metadata the API server validates on create: the object's own, its pod template's, and the volume claim
     * templates of its generic ephemeral volumes.
     */
    public static List<MappingNode> validated(Manifest manifest) {
        return manifest.derived(ObjectMetadata.class, ObjectMetadata::findValidated);
    }

    /** Computed once per object, as several rules ask. */
    private static List<MappingNode> findValidated(Manifest manifest) {
        List<MappingNode> result = new ArrayList<>(2);
        manifest.metadata().ifPresent(result::add);
        PodSpecs.of(manifest).ifPresent(pod -> {
            if (pod.isTemplate()) {
                pod.podMetadata().ifPresent(result::add);
            }
            result.addAll(Nodes.mappings(pod.spec(), "/volumes/*/ephemeral/volumeClaimTemplate/metadata"));
        });
        return List.copyOf(result);
    }

    /**
     * All metadata the API server decodes: {@link #validated} plus a CronJob's job template and a StatefulSet's
     * volume claim templates (checked only when the controller creates the Jobs and claims).
     */
    public static List<MappingNode> all(Manifest manifest) {
        List<MappingNode> validated = validated(manifest);
        if (!PodSpecs.hasPodSpec(manifest)) {
            return validated;
        }
        List<MappingNode> result = new ArrayList<>(validated);
        if (manifest.kind().equals("CronJob")) {
            result.addAll(Nodes.mappings(manifest.root(), "/spec/jobTemplate/metadata"));
        }
        if (manifest.kind().equals("StatefulSet")) {
            result.addAll(Nodes.mappings(manifest.root(), "/spec/volumeClaimTemplates/*/metadata"));
        }
        return result;
    }

    /** The {@code labels} (or {@code annotations}) mappings of a list of metadata. */
    public static List<MappingNode> maps(List<MappingNode> metadata, String key) {
        List<MappingNode> maps = new ArrayList<>(metadata.size());
        for (MappingNode m : metadata) {
            if (m.has(key)) {
                m.mapping(key).ifPresent(maps::add);
            }
        }
        return maps;
    }
}
