package dev.kubelint.core.kube;

import dev.kubelint.core.manifest.Manifest;
import dev.kubelint.core.yaml.MappingNode;
import dev.kubelint.core.yaml.SequenceNode;
import dev.kubelint.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each workload kind keeps its pod spec, so that every pod rule applies to Pods and to the pod templates
 * of Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob and PodTemplate alike.
 */
public final class PodSpecs {

    /** Relative pointer of the pod template (the object with metadata and spec) per kind; Pod has none. */
    private static final Map<String, String> TEMPLATE = Map.of(
            "Deployment", "/spec/template",
            "StatefulSet", "/spec/template",
            "DaemonSet", "/spec/template",
            "ReplicaSet", "/spec/template",
            "ReplicationController", "/spec/template",
            "Job", "/spec/template",
            "CronJob", "/spec/jobTemplate/spec/template",
            "PodTemplate", "/template");

    /** Pod and the kinds with a pod template, in the order docs list them. */
    public static final List<String> KINDS = List.of(
            "Pod",
            "Deployment",
            "StatefulSet",
            "DaemonSet",
            "ReplicaSet",
            "ReplicationController",
            "Job",
            "CronJob",
            "PodTemplate");

    /** Pod and the workloads whose controllers run pods: {@link #KINDS} but PodTemplate, which only stores one. */
    public static final List<String> RUNNING_KINDS = KINDS.subList(0, KINDS.indexOf("PodTemplate"));

    /** {@link #TEMPLATE} as keys to follow: the view is built for every object, so without parsing pointers. */
    private static final Map<String, String[]> TEMPLATE_KEYS = keys(TEMPLATE);

    private static final Set<String> GROUPS = Set.of("", "apps", "batch", "extensions");

    /** Kinds whose pods must run forever: their templates allow only restartPolicy Always. */
    public static final List<String> LONG_RUNNING =
            List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController");

    /** Kinds whose pods run to completion: their templates allow only OnFailure or Never. */
    public static final Set<String> RUN_TO_COMPLETION = Set.of("Job", "CronJob");

    private PodSpecs() {}

    private static Map<String, String[]> keys(Map<String, String> pointers) {
        Map<String, String[]> result = new java.util.HashMap<>();
        pointers.forEach(
                (kind, pointer) -> result.put(kind, pointer.substring(1).split("/")));
        return Map.copyOf(result);
    }

    /** Whether the kind carries a pod spec (as Pod or as a template). */
    public static boolean hasPodSpec(Manifest manifest) {
        return GROUPS.contains(manifest.group())
                && (manifest.kind().equals("Pod") || TEMPLATE.containsKey(manifest.kind()));
    }

    /**
     * The pod spec of a Pod or workload, when the manifest has one. Computed once per manifest: most pod rules
     * ask for it, and it is the same view for all of them (docs/performance.md has what building it per rule
     * cost).
     */
    public static Optional<PodSpec> of(Manifest manifest) {
        return manifest.derived(PodSpecs.class, PodSpecs::find);
    }

    private static Optional<PodSpec> find(Manifest manifest) {
        if (!GROUPS.contains(manifest.group())) {
            return Optional.empty();
        }
        MappingNode root = manifest.root();
        if (manifest.kind().equals("Pod")) {
            return root.mapping("spec").map(spec -> new PodSpec(manifest, spec, root, Optional.of(root)));
        }
        String template = TEMPLATE.get(manifest.kind());
        if (template == null) {
            return Optional.empty();
        }
        MappingNode t = root;
        for (String key : TEMPLATE_KEYS.get(manifest.kind())) {
            t = t.has(key) ? t.mapping(key).orElse(null) : null;
            if (t == null) {
                return Optional.empty();
            }
        }
        MappingNode owner = t;
        return owner.mapping("spec").map(spec -> new PodSpec(manifest, spec, owner, Optional.of(owner)));
    }

    /**
     * A pod spec and where it is.
     *
     * @param manifest the object it belongs to
     * @param spec     the pod spec mapping
     * @param owner    the mapping that holds {@code spec}: the Pod itself or the pod template
     * @param template the template (or the Pod) whose {@code metadata.labels} the pods get
     * @param containers all containers with their role, in the order: init containers, containers, ephemeral
     *                 containers (unmodifiable)
     */
    public record PodSpec(
            Manifest manifest,
            MappingNode spec,
            MappingNode owner,
            Optional<MappingNode> template,
            List<Container> containers) {

        public PodSpec {
            containers = List.copyOf(containers);
        }

        public PodSpec(Manifest manifest, MappingNode spec, MappingNode owner, Optional<MappingNode> template) {
            this(manifest, spec, owner, template, containersOf(spec));
        }

        /** Labels the pods will carry: the Pod's own, or the template's. */
        public Map<String, String> podLabels() {
            return owner.mapping("metadata")
                    .flatMap(m -> m.mapping("labels"))
                    .map(MappingNode::scalarTexts)
                    .orElseGet(java.util.LinkedHashMap::new);
        }

        /** The template's (or Pod's) metadata mapping. */
        public Optional<MappingNode> podMetadata() {
            return owner.mapping("metadata");
        }

        public boolean isTemplate() {
            return !manifest.kind().equals("Pod");
        }

        /** restartPolicy as written, or the default Always. */
        public String restartPolicy() {
            return spec.string("restartPolicy").orElse("Always");
        }

        private static List<Container> containersOf(MappingNode spec) {
            List<Container> result = new ArrayList<>(2);
            for (MappingNode c : mappings(spec, "initContainers")) {
                result.add(new Container(
                        c,
                        "Always".equals(c.string("restartPolicy").orElse(""))
                                ? ContainerRole.SIDECAR
                                : ContainerRole.INIT));
            }
            for (MappingNode c : mappings(spec, "containers")) {
                result.add(new Container(c, ContainerRole.APP));
            }
            for (MappingNode c : mappings(spec, "ephemeralContainers")) {
                result.add(new Container(c, ContainerRole.EPHEMERAL));
            }
            return result;
        }

        /** The mapping items of a sequence field, none when it is absent or not a sequence. */
        private static List<MappingNode> mappings(MappingNode spec, String key) {
            if (!spec.has(key)) {
                return List.of();
            }
            Optional<SequenceNode> seq = spec.sequence(key);
            if (seq.isEmpty()) {
                return List.of();
            }
            List<MappingNode> result = new ArrayList<>(seq.get().size());
            for (YamlNode item : seq.get().items()) {
                if (item instanceof MappingNode m) {
                    result.add(m);
                }
            }
            return result;
        }

        /**
         * Init containers, sidecars and app containers: every container but the ephemeral ones, which are added to a
         * running pod through their own subresource and which most container rules leave alone.
         */
        public List<Container> nonEphemeralContainers() {
            List<Container> result = new ArrayList<>(containers.size());
            for (Container c : containers) {
                if (c.role() != ContainerRole.EPHEMERAL) {
                    result.add(c);
                }
            }
            return result;
        }

        /** Containers that run for the pod's lifetime and share its network: app containers and sidecars. */
        public List<Container> longRunningContainers() {
            List<Container> result = new ArrayList<>(containers.size());
            for (Container c : containers) {
                if (c.role() == ContainerRole.APP || c.role() == ContainerRole.SIDECAR) {
                    result.add(c);
                }
            }
            return result;
        }
    }

    /** What a container is to its pod. */
    public enum ContainerRole {
        /** An entry of {@code initContainers} that runs to completion before the app containers start. */
        INIT("init container"),
        /** An entry of {@code initContainers} with {@code restartPolicy: Always}: runs beside the app containers. */
        SIDECAR("sidecar container"),
        APP("container"),
        EPHEMERAL("ephemeral container");

        private final String label;

        ContainerRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One container mapping and its role. */
    public record Container(MappingNode node, ContainerRole role) {

        public String name() {
            return node.scalar("name").map(s -> s.asText()).orElse("");
        }

        /** "container web" or "init container setup", for messages. */
        public String describe() {
            return role.label() + (name().isEmpty() ? "" : " \"" + name() + "\"");
        }
    }
}
