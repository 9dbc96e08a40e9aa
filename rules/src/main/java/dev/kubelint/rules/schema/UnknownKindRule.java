package dev.kubelint.rules.schema;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.LintSettings;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.rules.support.CrossObjectShell;
import dev.kubelint.rules.support.Locations;
import dev.kubelint.schemas.ApiLifecycle;
import dev.kubelint.schemas.CustomResourceDefinitions;
import dev.kubelint.schemas.GroupVersionKind;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kinds kubelint has no schema for: said once per apiVersion and kind, at its first object in file order, after
 * the whole scan (a CustomResourceDefinition later in the scan still provides the schema).
 */
@RuleInfo(
        id = "unknown-kind",
        category = "schema",
        severity = Severity.INFO,
        summary = "Objects of a kind kubelint has no schema for, which are therefore not validated")
public final class UnknownKindRule extends CrossObjectShell {

    @Override
    protected CrossObjectCheck newCheck() {
        return new FirstOccurrences();
    }

    private static final class FirstOccurrences implements CrossObjectCheck {

        private record Seen(GroupVersionKind gvk, Location first, int count) {}

        private final Map<String, Seen> unknown = new TreeMap<>();
        private final Set<String> scannedDefinitions = new HashSet<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            Optional<GroupVersionKind> gvk = TypeMeta.of(manifest);
            LintSettings settings = ctx.settings();
            if (gvk.isEmpty() || !RunSchemas.isBundled(settings)) {
                return;
            }
            if (settings.crdsFromScan()
                    && CustomResourceDefinitions.isDefinition(
                            gvk.get().apiVersion(), gvk.get().kind())) {
                manifest.root()
                        .mapping("spec")
                        .ifPresent(spec -> spec.string("group")
                                .ifPresent(group -> spec.mapping("names")
                                        .flatMap(n -> n.string("kind"))
                                        .ifPresent(kind -> scannedDefinitions.add(kind + "." + group))));
            }
            if (TypeMeta.resolve(manifest, gvk.get(), settings.kubernetesVersion()) instanceof ApiLifecycle.Unknown
                    && !RunSchemas.extras(settings).knows(gvk.get())) {
                Location here = ctx.locate(TypeMeta.kindNode(manifest));
                unknown.merge(
                        gvk.get().toString(),
                        new Seen(gvk.get(), here, 1),
                        (a, b) -> new Seen(
                                a.gvk(),
                                Locations.FILE_ORDER.compare(a.first(), b.first()) <= 0 ? a.first() : b.first(),
                                a.count() + b.count()));
            }
        }

        @Override
        public void finish(RuleContext ctx) {
            for (Seen seen : unknown.values()) {
                GroupVersionKind gvk = seen.gvk();
                if (scannedDefinitions.contains(gvk.kind() + "." + gvk.group())) {
                    continue;
                }
                int count = seen.count();
                ctx.report(
                        seen.first(),
                        "no schema for " + gvk + ", so "
                                + (count == 1 ? "this object is" : "its " + count + " objects are")
                                + " not validated; to validate "
                                + (count == 1 ? "it" : "them")
                                + ", give the CustomResourceDefinition with --schema-location"
                                + (ctx.settings().crdsFromScan() ? " or among the scanned files" : ""));
            }
            unknown.clear();
        }
    }
}
