package dev.kubelint.rules.admission;

import dev.kubelint.core.kube.BuiltinKinds;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Which objects a policy's {@code matchConstraints} and a binding's {@code matchResources} match, as the API server's
 * matcher decides for a CREATE request: resource rules and exclusions, matchPolicy, the namespace and object
 * selectors, with the scan's Namespaces and CustomResourceDefinitions for labels, scopes and plural names.
 */
final class Matching {

    private final Map<String, ScannedObject> namespaces;
    private final Map<String, String> plurals;
    private final Map<String, Boolean> crdNamespaced;

    Matching(Map<String, ScannedObject> namespaces, Map<String, String> plurals, Map<String, Boolean> crdNamespaced) {
        this.namespaces = namespaces;
        this.plurals = plurals;
        this.crdNamespaced = crdNamespaced;
    }

    /**
     * Whether an object matches match resources: a resource rule, no exclude rule, the namespace and object
     * selectors. A binding without resource rules matches what its policy matches.
     */
    boolean matches(JsonNode match, ScannedObject o, boolean policy) {
        if (isExempt(o)) {
            return false;
        }
        boolean exact = "Exact".equals(match.path("matchPolicy").asString("Equivalent"));
        JsonNode rules = match.path("resourceRules");
        if (rules.isArray() && !rules.isEmpty() || policy) {
            boolean any = false;
            for (JsonNode r : rules) {
                if (ruleMatches(r, o, exact)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (JsonNode r : match.path("excludeResourceRules")) {
            if (ruleMatches(r, o, exact)) {
                return false;
            }
        }
        JsonNode objectSelector = match.get("objectSelector");
        if (objectSelector != null && !Selectors.matches(objectSelector, o.labels())) {
            return false;
        }
        JsonNode namespaceSelector = match.get("namespaceSelector");
        if (namespaceSelector != null) {
            Map<String, String> labels;
            if (o.group().isEmpty() && o.kind().equals("Namespace")) {
                labels = namespaceLabels(o.name(), o);
            } else if (clusterScoped(o)) {
                return true;
            } else {
                labels = namespaceLabels(namespaceOf(o), namespaces.get(namespaceOf(o)));
            }
            return Selectors.matches(namespaceSelector, labels);
        }
        return true;
    }

    /** A namespace's labels: the scanned Namespace's, with the name label the API server sets on every namespace. */
    private static Map<String, String> namespaceLabels(String name, ScannedObject ns) {
        Map<String, String> labels = new HashMap<>(ns == null ? Map.of() : ns.labels());
        labels.put("kubernetes.io/metadata.name", name);
        return labels;
    }

    private boolean ruleMatches(JsonNode rule, ScannedObject o, boolean exact) {
        if (!contains(rule.path("operations"), "CREATE")) {
            return false;
        }
        if (!contains(rule.path("apiGroups"), o.group())) {
            return false;
        }
        if (!contains(rule.path("apiVersions"), o.version())
                && (exact || rule.path("apiVersions").isEmpty())) {
            return false;
        }
        String plural = plural(o);
        boolean resource = false;
        for (JsonNode r : rule.path("resources")) {
            String s = r.asString("");
            if (s.equals("*") || s.equals("*/*") || s.equals(plural)) {
                resource = true;
                break;
            }
        }
        if (!resource) {
            return false;
        }
        JsonNode names = rule.path("resourceNames");
        if (names.isArray() && !names.isEmpty() && !contains(names, o.name())) {
            return false;
        }
        String scope = rule.path("scope").asString("*");
        boolean namespaceObject = o.group().isEmpty() && o.kind().equals("Namespace");
        return switch (scope) {
            case "Namespaced" -> !namespaceObject && !clusterScoped(o);
            case "Cluster" -> namespaceObject || clusterScoped(o);
            default -> true;
        };
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode n : list) {
            String s = n.asString("");
            if (s.equals("*") || s.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The API server never sends its admission configuration objects to admission policies. */
    private static boolean isExempt(ScannedObject o) {
        return o.group().equals(AdmissionPolicyRule.GROUP);
    }

    boolean clusterScoped(ScannedObject o) {
        return !namespaced(o.group(), o.kind());
    }

    /** Whether a CustomResourceDefinition of the scan defines a kind. */
    boolean definedByScan(String group, String kind) {
        return crdNamespaced.containsKey(group + "/" + kind);
    }

    boolean namespaced(String group, String kind) {
        Boolean crd = crdNamespaced.get(group + "/" + kind);
        if (crd != null) {
            return crd;
        }
        return !BuiltinKinds.isClusterScoped(group, kind);
    }

    /**
     * The plural resource name of an object's kind: a scanned CustomResourceDefinition's, else the API server's
     * own guess from the kind (lower case; "s" becomes "ses", "y" becomes "ies"), which every built-in kind
     * follows but Endpoints.
     */
    String plural(ScannedObject o) {
        String crd = plurals.get(o.group() + "/" + o.kind());
        if (crd != null && !crd.isEmpty()) {
            return crd;
        }
        return guessPlural(o.kind());
    }

    static String guessPlural(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.equals("endpoints")) {
            return k;
        }
        if (k.endsWith("s")) {
            return k + "es";
        }
        if (k.endsWith("y")) {
            return k.substring(0, k.length() - 1) + "ies";
        }
        return Objects.requireNonNull(k) + "s";
    }

    static String namespaceOf(ScannedObject o) {
        return o.namespace().isEmpty() ? "default" : o.namespace();
    }
}
