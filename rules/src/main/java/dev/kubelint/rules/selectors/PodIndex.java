package dev.kubelint.rules.selectors;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleParam;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.YamlNode;
import dev.kubelint.rules.support.Locations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pods that the scanned objects create, by namespace, for the rules that check what selects them: each pod
 * or pod template with its labels, the labels its controller may add, and a little of what the rules ask about it.
 * Custom resources from which an operator creates pods (the configurable {@link #OPERATOR_PODS} list) count as
 * pods whose labels are unknown. Kept compact: labels are immutable copies with shared strings.
 */
public final class PodIndex {

    /** The parameter every rule that matches selectors against pods shares. */
    public static final RuleParam<List<String>> OPERATOR_PODS = RuleParam.stringList(
            "operator-pods",
            List.of(
                    "monitoring.coreos.com/Prometheus",
                    "monitoring.coreos.com/Alertmanager",
                    "monitoring.coreos.com/ThanosRuler",
                    "monitoring.coreos.com/PrometheusAgent",
                    "postgresql.cnpg.io/Cluster",
                    "acid.zalan.do/postgresql",
                    "elasticsearch.k8s.elastic.co/Elasticsearch",
                    "kibana.k8s.elastic.co/Kibana",
                    "rabbitmq.com/RabbitmqCluster",
                    "kafka.strimzi.io/Kafka",
                    "kafka.strimzi.io/KafkaNodePool",
                    "mongodbcommunity.mongodb.com/MongoDBCommunity",
                    "grafana.integreatly.org/Grafana",
                    "jaegertracing.io/Jaeger",
                    "opentelemetry.io/OpenTelemetryCollector"),
            "Custom resources (GROUP/KIND) from which an operator creates pods: a selector may match those pods,"
                    + " whose labels the scan does not show.");

    /** Labels that controllers add to the pods they create, by kind: a selector may require them. */
    private static final Map<String, Set<String>> GENERATED = Map.of(
            "Deployment", Set.of("pod-template-hash"),
            "StatefulSet",
                    Set.of(
                            "statefulset.kubernetes.io/pod-name",
                            "apps.kubernetes.io/pod-index",
                            "controller-revision-hash"),
            "DaemonSet", Set.of("controller-revision-hash", "pod-template-generation"),
            "Job",
                    Set.of(
                            "job-name",
                            "batch.kubernetes.io/job-name",
                            "controller-uid",
                            "batch.kubernetes.io/controller-uid",
                            "batch.kubernetes.io/job-completion-index"),
            "CronJob",
                    Set.of(
                            "job-name",
                            "batch.kubernetes.io/job-name",
                            "controller-uid",
                            "batch.kubernetes.io/controller-uid",
                            "batch.kubernetes.io/job-completion-index"));

    private static final Set<String> BUILTIN_GROUPS = Set.of("", "apps", "batch");

    /** The first of several pods in file order, whatever order the workers read the files in. */
    public static final Comparator<Pods> FIRST_IN_FILE_ORDER =
            Comparator.comparing(Pods::location, Locations.FILE_ORDER);

    private final Map<String, Namespace> namespaces = new HashMap<>();
    /** One instance of each label key and value: they repeat across the pods of a run, which may be many. */
    private final Map<String, String> strings = new HashMap<>();

    /**
     * The pods of one object (one pod, or every pod of a template).
     *
     * @param labels            the labels the pods carry
     * @param generated         keys the controller may add
     * @param unknownController any key may be added (a custom controller or an operator)
     * @param owner             "Deployment \"web\"", for messages
     * @param location          where the pod labels are written (or the object, when it has none)
     * @param template          the pod spec's mapping, for rules that look into it; null for operator resources
     */
    public record Pods(
            Map<String, String> labels,
            Set<String> generated,
            boolean unknownController,
            String owner,
            Location location,
            MappingNode template) {

        public boolean satisfy(LabelSelector selector) {
            for (LabelSelector.Requirement r : selector.requirements()) {
                boolean mayBeGenerated = unknownController || generated.contains(r.key());
                if (!labels.containsKey(r.key()) && mayBeGenerated) {
                    continue;
                }
                if (!r.matches(labels)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The pods and pod templates of one namespace, indexed so that a selector looks only at candidates: by label
     * key and value, and, for the labels a controller may add, by the kind of controller.
     */
    private static final class Namespace {
        private final List<Pods> all = new ArrayList<>();
        private final Map<String, Map<String, List<Pods>>> byLabel = new HashMap<>();
        private final Map<String, List<Pods>> byGeneratingKind = new HashMap<>();
        private final List<Pods> unknownControllers = new ArrayList<>();

        void add(Pods pods, String kind) {
            all.add(pods);
            for (Map.Entry<String, String> label : pods.labels().entrySet()) {
                byLabel.computeIfAbsent(label.getKey(), k -> new HashMap<>())
                        .computeIfAbsent(label.getValue(), v -> new ArrayList<>(2))
                        .add(pods);
            }
            if (pods.unknownController()) {
                unknownControllers.add(pods);
            } else if (!pods.generated().isEmpty()) {
                byGeneratingKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(pods);
            }
        }

        /** The pods that satisfy the selector, the first one only when {@code first}. */
        List<Pods> satisfying(LabelSelector selector, boolean first) {
            List<Pods> result = new ArrayList<>();
            java.util.Set<Pods> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (List<Pods> group : candidates(selector)) {
                for (Pods pods : group) {
                    if (seen.add(pods) && pods.satisfy(selector)) {
                        result.add(pods);
                        if (first) {
                            return result;
                        }
                    }
                }
            }
            return result;
        }

        /**
         * A superset of the pods that may satisfy the selector: those that may satisfy its most selective
         * requirement that needs its key (every pod when it has none such).
         */
        private List<List<Pods>> candidates(LabelSelector selector) {
            List<List<Pods>> best = List.of(all);
            int bestSize = all.size();
            for (LabelSelector.Requirement r : selector.requirements()) {
                if (!needsKey(r.operator())) {
                    continue;
                }
                List<List<Pods>> groups = candidates(r);
                int size = 0;
                for (List<Pods> g : groups) {
                    size += g.size();
                }
                if (size < bestSize) {
                    best = groups;
                    bestSize = size;
                }
            }
            return best;
        }

        /** Pods with the key and a value the requirement may accept, and pods whose controller may add the key. */
        private List<List<Pods>> candidates(LabelSelector.Requirement r) {
            List<List<Pods>> groups = new ArrayList<>();
            Map<String, List<Pods>> values = byLabel.getOrDefault(r.key(), Map.of());
            if (r.operator() == LabelSelector.Operator.EQUALS
                    || r.operator() == LabelSelector.Operator.DOUBLE_EQUALS
                    || r.operator() == LabelSelector.Operator.IN) {
                for (String value : r.values()) {
                    List<Pods> withValue = values.get(value);
                    if (withValue != null) {
                        groups.add(withValue);
                    }
                }
            } else {
                groups.addAll(values.values());
            }
            GENERATED.forEach((kind, keys) -> {
                if (keys.contains(r.key()) && byGeneratingKind.containsKey(kind)) {
                    groups.add(byGeneratingKind.get(kind));
                }
            });
            groups.add(unknownControllers);
            return groups;
        }

        /** Whether a requirement holds only for labels that have its key (so it can pick candidates by key). */
        private static boolean needsKey(LabelSelector.Operator operator) {
            return switch (operator) {
                case EQUALS, DOUBLE_EQUALS, IN, EXISTS, GREATER_THAN, LESS_THAN -> true;
                case NOT_EQUALS, NOT_IN, DOES_NOT_EXIST -> false;
            };
        }
    }

    /** The namespace an object lands in for matching purposes: its own, or "default". */
    public static String namespaceOf(Manifest m) {
        return m.namespace().isEmpty() ? "default" : m.namespace();
    }

    /**
     * Records the pods an object creates, if it creates any. {@code keepTemplate} keeps the pod spec's node for
     * rules that read it at the end (it holds the tree of that object alive: only for the few that need it).
     */
    public Optional<Pods> observe(Manifest manifest, RuleContext ctx, boolean keepTemplate) {
        String group = manifest.group();
        String kind = manifest.kind();
        String owner = kind + " \"" + manifest.name() + "\"";
        if (group.isEmpty() && kind.equals("Pod")) {
            MappingNode spec = manifest.root().mapping("spec").orElse(null);
            Location at = manifest.metadata()
                    .map(m -> ctx.locateKey(m, "labels"))
                    .orElseGet(() -> ctx.locate(manifest.root()));
            return Optional.of(add(
                    namespaceOf(manifest),
                    new Pods(compact(manifest.labels()), Set.of(), false, owner, at, keepTemplate ? spec : null),
                    kind));
        }
        if (ctx.param(OPERATOR_PODS).contains(group + "/" + kind)) {
            Map<String, String> labels = manifest.root()
                    .mapping("spec")
                    .flatMap(s -> s.mapping("podMetadata"))
                    .flatMap(m -> m.mapping("labels"))
                    .map(LabelMaps::values)
                    .orElse(Map.of());
            return Optional.of(add(
                    namespaceOf(manifest),
                    new Pods(compact(labels), Set.of(), true, owner, ctx.locate(manifest.root()), null),
                    kind));
        }
        MappingNode t = template(manifest.root());
        if (t == null) {
            return Optional.empty();
        }
        Optional<MappingNode> metadata = t.mapping("metadata");
        Map<String, String> labels = metadata.flatMap(m -> m.mapping("labels"))
                .map(LabelMaps::values)
                .orElse(Map.of());
        Location at = metadata.map(m -> ctx.locateKey(m, "labels")).orElseGet(() -> ctx.locate(t));
        return Optional.of(add(
                namespaceOf(manifest),
                new Pods(
                        compact(labels),
                        GENERATED.getOrDefault(kind, Set.of()),
                        !BUILTIN_GROUPS.contains(group),
                        owner,
                        at,
                        keepTemplate ? mappingOrNull(t, "spec") : null),
                kind));
    }

    /** Whether the scan holds pods of the namespace (selectors there can be judged). */
    public boolean hasPods(String namespace) {
        return namespaces.containsKey(namespace);
    }

    /** The pods of a namespace that the selector matches. */
    public List<Pods> matching(String namespace, LabelSelector selector) {
        Namespace ns = namespaces.get(namespace);
        if (ns == null) {
            return List.of();
        }
        return ns.satisfying(selector, false);
    }

    /** Whether any pod of the namespace matches the selector. */
    public boolean anyMatches(String namespace, LabelSelector selector) {
        Namespace ns = namespaces.get(namespace);
        if (ns == null) {
            return false;
        }
        return !ns.satisfying(selector, true).isEmpty();
    }

    /**
     * The other namespaces whose pods the selector matches by their own labels (not by labels a controller may
     * add), sorted: for "did you mean namespace ...?".
     */
    public List<String> otherNamespacesMatching(String namespace, LabelSelector selector) {
        Set<String> found = new TreeSet<>();
        namespaces.forEach((name, ns) -> {
            if (name.equals(namespace)) {
                return;
            }
            for (Pods pods : ns.all) {
                if (!pods.unknownController() && selector.matches(pods.labels())) {
                    found.add(name);
                    return;
                }
            }
        });
        return List.copyOf(found);
    }

    /** " (pods of namespace X match it: did you mean namespace X?)", or "" when no other namespace matches. */
    public String didYouMeanNamespace(String namespace, LabelSelector selector) {
        List<String> others = otherNamespacesMatching(namespace, selector);
        if (others.isEmpty()) {
            return "";
        }
        return "; pods of namespace \"" + String.join("\", \"", others) + "\" match it: did you mean namespace "
                + others.get(0) + "?";
    }

    /** The first matching pod of another namespace, for the related location of a finding. */
    public Optional<Pods> firstInOtherNamespace(String namespace, LabelSelector selector) {
        List<String> others = otherNamespacesMatching(namespace, selector);
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return namespaces.get(others.get(0)).all.stream()
                .filter(p -> !p.unknownController() && selector.matches(p.labels()))
                .min(FIRST_IN_FILE_ORDER);
    }

    private Pods add(String namespace, Pods pods, String kind) {
        namespaces.computeIfAbsent(namespace, n -> new Namespace()).add(pods, kind);
        return pods;
    }

    /**
     * A pod template: a mapping with spec.containers, at spec.template, spec.jobTemplate.spec.template or
     * template; null when there is none (this runs for every object, so it walks the keys directly).
     */
    static MappingNode template(MappingNode root) {
        MappingNode spec = mappingOrNull(root, "spec");
        MappingNode t = spec == null ? null : mappingOrNull(spec, "template");
        if (isTemplate(t)) {
            return t;
        }
        MappingNode job = spec == null ? null : mappingOrNull(spec, "jobTemplate");
        MappingNode jobSpec = job == null ? null : mappingOrNull(job, "spec");
        t = jobSpec == null ? null : mappingOrNull(jobSpec, "template");
        if (isTemplate(t)) {
            return t;
        }
        t = mappingOrNull(root, "template");
        return isTemplate(t) ? t : null;
    }

    private static boolean isTemplate(MappingNode t) {
        MappingNode spec = t == null ? null : mappingOrNull(t, "spec");
        return spec != null && spec.has("containers");
    }

    private static MappingNode mappingOrNull(MappingNode parent, String key) {
        if (!parent.has(key)) {
            return null;
        }
        YamlNode node = parent.get(key).orElse(null);
        return node instanceof MappingNode m ? m : null;
    }

    /** An immutable copy of labels, with shared instances of the strings. */
    private Map<String, String> compact(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new HashMap<>(labels.size() * 2);
        for (Map.Entry<String, String> e : labels.entrySet()) {
            copy.put(shared(e.getKey()), shared(e.getValue()));
        }
        return Map.copyOf(copy);
    }

    private String shared(String s) {
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }
}
