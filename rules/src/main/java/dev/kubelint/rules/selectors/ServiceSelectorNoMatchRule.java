package dev.kubelint.rules.selectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kubelint.core.finding.Location;
import dev.kubelint.core.finding.Severity;
import dev.kubelint.core.kube.LabelMaps;
import dev.kubelint.core.kube.LabelSelector;
import dev.kubelint.core.kube.StructuredSelector;
import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.rule.CrossObjectCheck;
import dev.kubelint.core.rule.Rule;
import dev.kubelint.core.rule.RuleContext;
import dev.kubelint.core.rule.RuleInfo;
import dev.kubelint.core.yaml.MappingNode;

/** A Service whose selector matches none of the pods the scanned files create in its namespace. */
@RuleInfo(id = "service-selector-no-match", category = "selectors", severity = Severity.WARNING,
        summary = "A Service's selector matches no pod or pod template of its namespace in the scanned files",
        rationale = "A Service sends traffic to the pods its selector matches. When none of the pods and pod templates"
                + " (Deployments, StatefulSets, DaemonSets, Jobs, ...) that the same manifests create in that namespace"
                + " carries the selected labels, the Service gets no endpoints and every connection fails, usually"
                + " because of a typo in a label. The rule speaks only when the scan holds pods or workloads of the"
                + " Service's namespace. An object without metadata.namespace counts as being in the namespace"
                + " \"default\": manifests that omit namespaces throughout (applied with kubectl apply -n) are compared"
                + " with each other as they will be in the cluster, while a Service and workloads that name different"
                + " namespaces are never compared. Labels that controllers add to their pods (pod-template-hash,"
                + " statefulset.kubernetes.io/pod-name, job-name, ...) are assumed to match.",
        remediation = "Make the selector name labels that the pod template carries (compare spec.selector with the"
                + " workload's spec.template.metadata.labels), or put the Service in the namespace of its pods.",
        kinds = {"Service"})
public final class ServiceSelectorNoMatchRule implements Rule {

    /** Labels that controllers add to the pods they create, by kind: a selector may require them. */
    private static final Map<String, Set<String>> GENERATED = Map.of(
            "Deployment", Set.of("pod-template-hash"),
            "StatefulSet", Set.of("statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index",
                    "controller-revision-hash"),
            "DaemonSet", Set.of("controller-revision-hash", "pod-template-generation"),
            "Job", Set.of("job-name", "batch.kubernetes.io/job-name", "controller-uid",
                    "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-completion-index"),
            "CronJob", Set.of("job-name", "batch.kubernetes.io/job-name", "controller-uid",
                    "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-completion-index"));

    private static final Set<String> BUILTIN_GROUPS = Set.of("", "apps", "batch");

    @Override
    public void check(Manifest manifest, RuleContext ctx) {
        // everything happens across objects
    }

    @Override
    public Optional<CrossObjectCheck> newCrossObjectCheck() {
        return Optional.of(new Check());
    }

    /** The namespace an object lands in for matching purposes: its own, or "default". */
    static String namespaceOf(Manifest m) {
        return m.namespace().isEmpty() ? "default" : m.namespace();
    }

    /**
     * The labels one pod (or every pod of a template) will carry, and the keys its controller may add; for kinds
     * kubelint does not know, any key may be added. The labels are an immutable copy (a compact array map).
     */
    private record Pods(Map<String, String> labels, Set<String> generated, boolean unknownController) {

        boolean satisfy(LabelSelector selector) {
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

    private record ServiceSelector(String namespace, LabelSelector selector, Location location) {
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
                        .computeIfAbsent(label.getValue(), v -> new ArrayList<>(2)).add(pods);
            }
            if (pods.unknownController()) {
                unknownControllers.add(pods);
            } else if (!pods.generated().isEmpty()) {
                byGeneratingKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(pods);
            }
        }

        boolean anySatisfies(LabelSelector selector) {
            List<List<Pods>> candidates = candidates(selector);
            for (List<Pods> group : candidates) {
                for (Pods pods : group) {
                    if (pods.satisfy(selector)) {
                        return true;
                    }
                }
            }
            return false;
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
            if (r.operator() == LabelSelector.Operator.EQUALS || r.operator() == LabelSelector.Operator.DOUBLE_EQUALS
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

    private static final class Check implements CrossObjectCheck {
        private final Map<String, Namespace> namespaces = new HashMap<>();
        private final List<ServiceSelector> services = new ArrayList<>();
        /** One instance of each label key and value: they repeat across the pods of a run, which may be many. */
        private final Map<String, String> strings = new HashMap<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            String group = manifest.group();
            String kind = manifest.kind();
            if (group.isEmpty() && kind.equals("Service")) {
                observeService(manifest, namespaceOf(manifest), ctx);
            } else if (group.isEmpty() && kind.equals("Pod")) {
                add(namespaceOf(manifest), new Pods(compact(manifest.labels()), Set.of(), false), kind);
            } else {
                MappingNode t = template(manifest.root());
                if (t != null) {
                    Map<String, String> labels = t.mapping("metadata").flatMap(m -> m.mapping("labels"))
                            .map(LabelMaps::values).orElse(Map.of());
                    add(namespaceOf(manifest), new Pods(compact(labels),
                            GENERATED.getOrDefault(kind, Set.of()), !BUILTIN_GROUPS.contains(group)), kind);
                }
            }
        }

        private void observeService(Manifest manifest, String namespace, RuleContext ctx) {
            Optional<MappingNode> spec = manifest.root().mapping("spec");
            if (spec.isEmpty() || spec.get().string("type").orElse("").equals("ExternalName")) {
                return;
            }
            spec.get().mapping("selector").filter(s -> !s.isEmpty()).map(StructuredSelector::readMap)
                    .flatMap(StructuredSelector::selector)
                    .ifPresent(s -> services.add(new ServiceSelector(namespace, s, ctx.locateKey(spec.get(), "selector"))));
        }

        /**
         * A pod template: a mapping with spec.containers, at spec.template, spec.jobTemplate.spec.template or
         * template; null when there is none (this runs for every object, so it walks the keys directly).
         */
        private static MappingNode template(MappingNode root) {
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
            return parent.has(key) ? parent.mapping(key).orElse(null) : null;
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

        private void add(String namespace, Pods pods, String kind) {
            namespaces.computeIfAbsent(namespace, n -> new Namespace()).add(pods, kind);
        }

        @Override
        public void finish(RuleContext ctx) {
            for (ServiceSelector service : services) {
                Namespace candidates = namespaces.get(service.namespace());
                if (candidates == null || candidates.anySatisfies(service.selector())) {
                    continue;
                }
                ctx.report(service.location(), "no pod or pod template of namespace \"" + service.namespace()
                        + "\" in the scanned files has labels matching the selector " + service.selector()
                        + ": the Service would have no endpoints");
            }
        }
    }
}
