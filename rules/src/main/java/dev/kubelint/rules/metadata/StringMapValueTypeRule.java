package dev.kubelint.rules.metadata;

import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.kube.PodSpecs;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.Nodes;
import dev.kubelint.rules.support.ObjectMetadata;
import dev.kubelint.rules.support.SelectorSites;
import java.util.ArrayList;
import java.util.List;

/** Values of string maps that YAML reads as booleans or numbers. */
@RuleInfo(
        id = "string-map-value-type",
        category = "metadata",
        severity = Severity.ERROR,
        summary =
                "A value of a string map (labels, annotations, selectors, data) is read by YAML as a boolean or number")
public final class StringMapValueTypeRule implements Rule {

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        List<MappingNode> metadata = ObjectMetadata.all(manifest);
        ObjectMetadata.maps(metadata, "labels").forEach(map -> report(map, "label", ctx));
        ObjectMetadata.maps(metadata, "annotations").forEach(map -> report(map, "annotation", ctx));
        SelectorSites.of(manifest)
                .forEach(found -> found.labels().ifPresent(map -> report(map, "selector label", ctx)));
        dataMaps(manifest).forEach(map -> report(map, "entry", ctx));
    }

    private static void report(MappingNode map, String noun, RuleContext ctx) {
        LabelMaps.nonStringValues(map, noun).forEach(p -> p.report(ctx));
    }

    /** Other maps of strings: ConfigMap and Secret data, StorageClass parameters, CSI volume attributes. */
    private static List<MappingNode> dataMaps(Manifest manifest) {
        List<MappingNode> maps = new ArrayList<>();
        String group = manifest.group();
        String kind = manifest.kind();
        if (group.isEmpty() && kind.equals("ConfigMap")) {
            maps.addAll(Nodes.mappings(manifest.root(), "/data"));
            maps.addAll(Nodes.mappings(manifest.root(), "/binaryData"));
        } else if (group.isEmpty() && kind.equals("Secret")) {
            maps.addAll(Nodes.mappings(manifest.root(), "/data"));
            maps.addAll(Nodes.mappings(manifest.root(), "/stringData"));
        } else if (group.equals("storage.k8s.io") && kind.equals("StorageClass")) {
            maps.addAll(Nodes.mappings(manifest.root(), "/parameters"));
        } else if (group.isEmpty() && kind.equals("PersistentVolume")) {
            maps.addAll(Nodes.mappings(manifest.root(), "/spec/csi/volumeAttributes"));
        }
        PodSpecs.of(manifest)
                .ifPresent(pod -> maps.addAll(Nodes.mappings(pod.spec(), "/volumes/*/csi/volumeAttributes")));
        return maps;
    }
}
