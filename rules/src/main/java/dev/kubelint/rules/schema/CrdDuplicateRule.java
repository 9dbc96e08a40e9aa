package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.rules.support.CrossObjectShell;
import dev.kubelint.rules.support.Locations;
import dev.kubelint.schemas.CustomResourceDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Two CustomResourceDefinitions of the same name in one scan. */
@RuleInfo(
        id = "crd-duplicate",
        category = "schema",
        severity = Severity.WARNING,
        summary = "Two CustomResourceDefinitions of the same name in one scan",
        kinds = {"CustomResourceDefinition"})
public final class CrdDuplicateRule extends CrossObjectShell {

    @Override
    protected CrossObjectCheck newCheck() {
        return new CrossObjectCheck() {
            private final Map<String, List<Location>> byName = new TreeMap<>();

            @Override
            public void observe(Manifest manifest, RuleContext ctx) {
                MappingNode root = manifest.root();
                if (!CustomResourceDefinitions.isDefinition(
                        root.string("apiVersion").orElse(""),
                        root.string("kind").orElse(""))) {
                    return;
                }
                root.mapping("metadata")
                        .ifPresent(meta -> meta.string("name")
                                .filter(n -> !n.isEmpty())
                                .ifPresent(name -> byName.computeIfAbsent(name, n -> new ArrayList<>())
                                        .add(ctx.locate(meta.get("name").orElseThrow()))));
            }

            @Override
            public void finish(RuleContext ctx) {
                for (Map.Entry<String, List<Location>> e : byName.entrySet()) {
                    List<Location> all = e.getValue();
                    all.sort(Locations.FILE_ORDER);
                    for (Location later : all.subList(1, all.size())) {
                        Location first = all.get(0);
                        ctx.report(
                                later,
                                "CustomResourceDefinition " + e.getKey() + " is defined twice in the scan: in "
                                        + Locations.where(first) + " and in " + Locations.where(later) + "; the one in "
                                        + Locations.where(first)
                                        + " is used",
                                List.of(first));
                    }
                }
                byName.clear();
            }
        };
    }
}
