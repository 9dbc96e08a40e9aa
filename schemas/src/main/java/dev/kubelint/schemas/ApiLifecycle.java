package dev.kubelint.schemas;

import dev.kubelint.core.kube.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which Kubernetes release serves which apiVersion of a kind, and what to use instead. The bundled documents say
 * what each bundled release serves, and so in which release an API version went away; a table (from Kubernetes'
 * deprecated API migration guide) remembers the API versions removed before the oldest bundled release, and the
 * replacement of each removed API version.
 */
public final class ApiLifecycle {

    /** An API version that Kubernetes stopped serving for some kinds; the note explains a missing replacement. */
    record Removal(
            String apiVersion, List<String> kinds, String removedIn, Optional<String> replacement, String note) {}

    /** The removals table, a resource: see its header. */
    private static final List<Removal> REMOVALS = readRemovals("api-removals.tsv");

    /** What the API server does with an object's apiVersion and kind. */
    public sealed interface Resolution permits Served, NotServed, KindNotInApiVersion, Unknown {}

    /** A built-in kind the Kubernetes version serves; its schema validates the object. */
    public record Served(KindSchema schema) implements Resolution {}

    /** A built-in API version that the Kubernetes version does not serve for this kind (removed, or not yet added). */
    public record NotServed(String message) implements Resolution {}

    /** The API version is served, but has no such kind. */
    public record KindNotInApiVersion(String message) implements Resolution {}

    /** Not a built-in API group: a custom resource, or a configuration file that is no API object. */
    public record Unknown() implements Resolution {}

    private final BuiltinSchemas builtins;

    public ApiLifecycle(BuiltinSchemas builtins) {
        this.builtins = builtins;
    }

    public static ApiLifecycle builtin() {
        return new ApiLifecycle(BuiltinSchemas.get());
    }

    public Resolution resolve(String kubernetesVersion, GroupVersionKind gvk) {
        Optional<KindSchema> schema = builtins.find(kubernetesVersion, gvk);
        if (schema.isPresent()) {
            return new Served(schema.get());
        }
        String k8s = "Kubernetes " + kubernetesVersion;
        // a removal the table knows of counts from its release on: flowcontrol v1beta3 was removed in 1.32, but
        // Kubernetes 1.23 does not serve it because it came in 1.26
        Optional<Removal> removal = removal(gvk).filter(r -> minor(r.removedIn()) <= minor(kubernetesVersion));
        List<String> servedBy = bundledVersionsServing(gvk);
        Optional<String> lastBefore = servedBy.stream()
                .filter(v -> minor(v) < minor(kubernetesVersion))
                .reduce((a, b) -> b);
        if (lastBefore.isPresent() || removal.isPresent()) {
            // the bundle has every minor release, so the one after the last that served it removed it
            String removedIn = lastBefore
                    .map(ApiLifecycle::nextRelease)
                    .orElseGet(() -> removal.get().removedIn());
            String instead = removal.map(r -> replacementFor(kubernetesVersion, gvk, r))
                    .orElseGet(() -> elsewhere(kubernetesVersion, gvk, "; use "));
            return new NotServed(
                    gvk + " is not served by " + k8s + ": it was removed in Kubernetes " + removedIn + instead);
        }
        if (builtins.serves(kubernetesVersion, gvk.apiVersion())) {
            return new KindNotInApiVersion(kindNotInApiVersion(kubernetesVersion, gvk));
        }
        if (!servedBy.isEmpty()) {
            return new NotServed(gvk + " is not served by " + k8s + " (it was added in Kubernetes " + servedBy.get(0)
                    + ")" + elsewhere(kubernetesVersion, gvk, "; use "));
        }
        if (builtins.groups().contains(gvk.group()) || removalGroup(gvk.group())) {
            return new NotServed(gvk.apiVersion() + " is not an API version of " + k8s
                    + elsewhere(kubernetesVersion, gvk, "; " + gvk.kind() + " is served as "));
        }
        return new Unknown();
    }

    /**
     * A warning for a served alpha or beta API version when the same Kubernetes version also serves the kind in a
     * more stable version of the group.
     */
    public Optional<String> deprecation(String kubernetesVersion, GroupVersionKind gvk) {
        if (!ApiVersionOrder.isPrerelease(gvk.version()) || !builtins.serves(kubernetesVersion, gvk)) {
            return Optional.empty();
        }
        for (String apiVersion : builtins.apiVersionsServing(kubernetesVersion, gvk.kind())) {
            GroupVersionKind other = GroupVersionKind.of(apiVersion, gvk.kind()).orElseThrow();
            if (other.group().equals(gvk.group())
                    && ApiVersionOrder.PREFERRED_FIRST.compare(other.version(), gvk.version()) < 0) {
                boolean beta = ApiVersionOrder.stabilityRank(gvk.version()) == 1;
                String stage = beta ? "beta" : "alpha";
                return Optional.of(gvk
                        + (beta ? " is a beta API" : " is an alpha API, off unless a cluster enables" + " it,")
                        + " that Kubernetes " + kubernetesVersion + " also serves as " + apiVersion + "; use "
                        + apiVersion + ", since " + stage + " versions are deprecated once a newer version exists and"
                        + " are later removed");
            }
        }
        return Optional.empty();
    }

    private String replacementFor(String kubernetesVersion, GroupVersionKind gvk, Removal removal) {
        if (removal.replacement().isEmpty()) {
            return "; " + removal.note();
        }
        GroupVersionKind replacement =
                GroupVersionKind.of(removal.replacement().get(), gvk.kind()).orElseThrow();
        if (builtins.serves(kubernetesVersion, replacement)) {
            return "; use " + replacement.apiVersion();
        }
        return elsewhere(kubernetesVersion, replacement, "; use ");
    }

    /** The preferred API version that serves the kind in this Kubernetes version, after a lead, or "". */
    private String elsewhere(String kubernetesVersion, GroupVersionKind gvk, String lead) {
        List<String> serving = builtins.apiVersionsServing(kubernetesVersion, gvk.kind());
        for (String apiVersion : serving) {
            if (GroupVersionKind.of(apiVersion, gvk.kind())
                    .orElseThrow()
                    .group()
                    .equals(gvk.group())) {
                return lead + apiVersion;
            }
        }
        return serving.isEmpty() ? "" : lead + serving.get(0);
    }

    private String kindNotInApiVersion(String kubernetesVersion, GroupVersionKind gvk) {
        String message = gvk.apiVersion() + " has no kind \"" + gvk.kind() + "\" in Kubernetes " + kubernetesVersion;
        List<String> serving = builtins.apiVersionsServing(kubernetesVersion, gvk.kind());
        if (!serving.isEmpty()) {
            return message + "; " + gvk.kind() + " is served as " + serving.get(0);
        }
        Optional<String> closest = Suggestions.closest(
                gvk.kind(), builtins.kinds(kubernetesVersion, gvk.apiVersion()), Suggestions.FIELD_NAMES);
        return closest.map(k -> message + "; did you mean \"" + k + "\"?").orElse(message);
    }

    private List<String> bundledVersionsServing(GroupVersionKind gvk) {
        List<String> result = new ArrayList<>();
        for (String version : builtins.kubernetesVersions()) {
            if (builtins.serves(version, gvk)) {
                result.add(version);
            }
        }
        return result;
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }

    private static String nextRelease(String version) {
        return "1." + (minor(version) + 1);
    }

    private static Optional<Removal> removal(GroupVersionKind gvk) {
        return REMOVALS.stream()
                .filter(r ->
                        r.apiVersion().equals(gvk.apiVersion()) && r.kinds().contains(gvk.kind()))
                .findFirst();
    }

    private static boolean removalGroup(String group) {
        return REMOVALS.stream()
                .anyMatch(r -> GroupVersionKind.of(r.apiVersion(), "x")
                        .orElseThrow()
                        .group()
                        .equals(group));
    }

    /** Removed API versions per kind, for documentation and tests. */
    public static Map<String, String> removedApiVersions() {
        Map<String, String> result = new TreeMap<>();
        for (Removal r : REMOVALS) {
            for (String kind : r.kinds()) {
                result.put(r.apiVersion() + " " + kind, r.removedIn());
            }
        }
        return result;
    }

    private static List<Removal> readRemovals(String resource) {
        try (InputStream in = ApiLifecycle.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<Removal> removals = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IllegalStateException(resource + ": not five columns: " + line);
                }
                Optional<String> replacement = f[2].equals("-") ? Optional.empty() : Optional.of(f[2]);
                removals.add(new Removal(f[0], List.of(f[4].split(",")), f[1], replacement, f[3]));
            }
            return List.copyOf(removals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
