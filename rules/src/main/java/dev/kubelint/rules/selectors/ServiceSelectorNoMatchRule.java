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
import dev.kubelint.core.yaml.YamlNode;

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

    /** Where each kind keeps the pod template whose labels its pods get. */
    private static final List<String> TEMPLATES = List.of("/spec/template", "/spec/jobTemplate/spec/template",
            "/template");

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
     * kubelint does not know, any key may be added.
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

    private static final class Check implements CrossObjectCheck {
        private final Map<String, List<Pods>> podsByNamespace = new HashMap<>();
        private final List<ServiceSelector> services = new ArrayList<>();

        @Override
        public void observe(Manifest manifest, RuleContext ctx) {
            String namespace = namespaceOf(manifest);
            if (manifest.group().isEmpty() && manifest.kind().equals("Service")) {
                observeService(manifest, namespace, ctx);
            } else if (manifest.group().isEmpty() && manifest.kind().equals("Pod")) {
                add(namespace, new Pods(manifest.labels(), Set.of(), false));
            } else {
                template(manifest).ifPresent(t -> add(namespace, new Pods(
                        t.at("/metadata/labels").flatMap(YamlNode::asMapping).map(LabelMaps::values).orElse(Map.of()),
                        GENERATED.getOrDefault(manifest.kind(), Set.of()), !BUILTIN_GROUPS.contains(manifest.group()))));
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

        /** A pod template: a mapping with spec.containers, at one of the usual places. */
        private static Optional<MappingNode> template(Manifest manifest) {
            for (String pointer : TEMPLATES) {
                Optional<MappingNode> t = manifest.root().at(pointer).flatMap(YamlNode::asMapping);
                if (t.isPresent() && t.get().at("/spec/containers").isPresent()) {
                    return t;
                }
            }
            return Optional.empty();
        }

        private void add(String namespace, Pods pods) {
            podsByNamespace.computeIfAbsent(namespace, n -> new ArrayList<>()).add(pods);
        }

        @Override
        public void finish(RuleContext ctx) {
            for (ServiceSelector service : services) {
                List<Pods> candidates = podsByNamespace.get(service.namespace());
                if (candidates == null || candidates.stream().anyMatch(p -> p.satisfy(service.selector()))) {
                    continue;
                }
                ctx.report(service.location(), "no pod or pod template of namespace \"" + service.namespace()
                        + "\" in the scanned files has labels matching the selector " + service.selector()
                        + ": the Service would have no endpoints");
            }
        }
    }
}
