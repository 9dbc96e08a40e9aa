package dev.kubelint.rules.references;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.rules.selectors.PodIndex;
import dev.kubelint.rules.support.Locations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check shared by the rules about a reference by name to an object of one kind in the same namespace: it
 * collects the names the scan defines and the references, and reports at the end each reference to a name the
 * scan does not define, but only in namespaces where the scan defines objects of that kind (elsewhere the scan is
 * partial: the object may come from another repository, a chart or the cluster) and only for references from a
 * folder that itself holds objects of that kind and namespace (a folder that holds none is an application whose
 * objects are made another way: kubectl create secret, a kustomize generator), naming another namespace that
 * defines the name.
 */
abstract class NameReferences implements CrossObjectCheck {

    /** A reference: the kind it names, its namespace and name, where it is and whose it is. */
    record Reference(String kind, String namespace, String name, Location location, String from) {}

    /** Names defined per kind, then per namespace. */
    private final Map<String, Map<String, Set<String>>> defined = new HashMap<>();
    /** Where each name is first defined ("kind/namespace/name"), when that is known. */
    private final Map<String, Location> places = new HashMap<>();
    /** The namespaces whose names of a kind the scan cannot know ("kind/namespace"). */
    private final Set<String> unknown = new HashSet<>();
    /** The folders that hold definitions, per kind and namespace ("kind/namespace"). */
    private final Map<String, Set<String>> folders = new HashMap<>();

    private final List<Reference> references = new ArrayList<>();

    /** Records what an object defines ({@link #define}) and references ({@link #refer}). */
    abstract void read(Manifest manifest, RuleContext ctx);

    /** The end of the message: what happens in the cluster. */
    abstract String consequence(Reference r);

    void define(String kind, String namespace, String name, Manifest where) {
        define(kind, namespace, name, where, null);
    }

    /** Defines a name, {@code at} the place that defines it (null when unknown). */
    void define(String kind, String namespace, String name, Manifest where, Location at) {
        if (at != null) {
            // the first place in file order, whatever order the workers read the files in
            places.merge(
                    kind + "/" + namespace + "/" + name, at, (a, b) -> Locations.FILE_ORDER.compare(a, b) <= 0 ? a : b);
        }
        defined.computeIfAbsent(kind, k -> new HashMap<>())
                .computeIfAbsent(namespace, n -> new HashSet<>())
                .add(name);
        folders.computeIfAbsent(kind + "/" + namespace, k -> new HashSet<>())
                .add(folder(where.source().displayName()));
    }

    /** Defines the object itself under its kind, at its metadata.name. */
    void defineSelf(Manifest manifest, RuleContext ctx) {
        Location at = manifest.metadata()
                .flatMap(m -> m.scalar("name"))
                .map(ctx::locate)
                .orElse(null);
        define(manifest.kind(), PodIndex.namespaceOf(manifest), manifest.name(), manifest, at);
    }

    /** Makes every name of a kind in a namespace resolve: something the scan holds makes objects it cannot see. */
    void unknownNamespace(String kind, String namespace) {
        unknown.add(kind + "/" + namespace);
    }

    /** Where the scan first defines a name of a kind in a namespace; empty when it does not, or not visibly. */
    Optional<Location> definedAt(String kind, String namespace, String name) {
        return Optional.ofNullable(places.get(kind + "/" + namespace + "/" + name));
    }

    /** "file:line", for messages. */
    static String where(Location l) {
        return Locations.where(l);
    }

    /** The folder part of a file name as the scan reports it. */
    static String folder(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash < 0 ? "" : file.substring(0, slash);
    }

    void refer(Reference reference) {
        references.add(reference);
    }

    /** Whether the scan defines the object, or holds no object of its kind in its namespace (partial). */
    boolean resolves(Reference r) {
        if (unknown.contains(r.kind() + "/" + r.namespace())) {
            return true;
        }
        Set<String> names = defined.getOrDefault(r.kind(), Map.of()).get(r.namespace());
        return names == null
                || names.contains(r.name())
                || !folders.getOrDefault(r.kind() + "/" + r.namespace(), Set.of())
                        .contains(folder(r.location().file()));
    }

    @Override
    public void observe(Manifest manifest, RuleContext ctx) {
        read(manifest, ctx);
    }

    @Override
    public void finish(RuleContext ctx) {
        for (Reference r : references) {
            if (resolves(r)) {
                continue;
            }
            Set<String> elsewhere = new TreeSet<>();
            defined.getOrDefault(r.kind(), Map.of()).forEach((ns, names) -> {
                if (names.contains(r.name())) {
                    elsewhere.add(ns);
                }
            });
            Optional<Location> other = elsewhere.isEmpty()
                    ? Optional.empty()
                    : definedAt(r.kind(), elsewhere.iterator().next(), r.name());
            String hint = elsewhere.isEmpty()
                    ? ""
                    : " (namespace \"" + String.join("\", \"", elsewhere) + "\" defines"
                            + " it" + other.map(l -> ", in " + where(l)).orElse("") + ": did you mean namespace "
                            + elsewhere.iterator().next() + "?)";
            ctx.report(
                    r.location(),
                    r.from() + " refers to " + r.kind() + " \"" + r.name() + "\", which the scanned"
                            + " files do not define in namespace \"" + r.namespace() + "\"" + hint + ": "
                            + consequence(r),
                    other.map(List::of).orElse(List.of()));
        }
    }
}
